package dev.scrutineer.model;

/** How much a diagnostic about the analysed input matters to the reader. */
public enum Severity {
  INFO,
  WARNING
}
