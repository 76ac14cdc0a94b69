package dev.scrutineer.model;

/** How a path changed between base and head, as {@code git diff --name-status -M} names it. */
public enum ChangeType {
  ADDED('A'),
  MODIFIED('M'),
  DELETED('D'),
  RENAMED('R'),
  COPIED('C');

  private final char letter;

  ChangeType(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }
}
