package dev.scrutineer.model;

import java.util.Objects;

/**
 * A line a fix deleted or changed, and the commit that last introduced it before the fix.
 *
 * @param path the file in the fix's parent
 * @param line the line number in the fix's parent, from 1
 * @param inducingId the commit that last wrote the line
 */
public record BlamedLine(String path, int line, String inducingId) {
  public BlamedLine {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(inducingId, "inducingId");
  }
}
