package dev.scrutineer.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One path's line counts in a commit against its first parent, as {@code git log --numstat} gives
 * them.
 *
 * @param path the path after the commit (the old path for a deleted file)
 * @param oldPath the path before, when the file was renamed
 * @param binary true for a binary or huge file, whose lines are not counted (both counts are 0)
 */
public record FileDelta(
    String path, Optional<String> oldPath, int added, int deleted, boolean binary) {
  public FileDelta {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(oldPath, "oldPath");
    if (added < 0 || deleted < 0) {
      throw new IllegalArgumentException("line counts are never negative");
    }
  }
}
