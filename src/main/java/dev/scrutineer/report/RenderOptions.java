package dev.scrutineer.report;

import java.util.Objects;

/**
 * How to render, not what to say.
 *
 * @param colour ANSI colour in text output; front ends set it only for a terminal
 * @param toolVersion the version recorded in JSON output
 */
public record RenderOptions(boolean colour, String toolVersion) {
  public RenderOptions {
    Objects.requireNonNull(toolVersion, "toolVersion");
  }
}
