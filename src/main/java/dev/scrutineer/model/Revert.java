package dev.scrutineer.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A recent commit that reverted another one, touching a file the change touches.
 *
 * @param revertedId the commit named by "This reverts commit ..."
 */
public record Revert(String revertId, String revertedId, String path, Instant time) {
  public Revert {
    Objects.requireNonNull(revertId, "revertId");
    Objects.requireNonNull(revertedId, "revertedId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(time, "time");
  }
}
