package dev.scrutineer.model;

import java.util.List;

/**
 * A region that differs between base and head. Starts are 1-based; a count of zero means the region
 * is empty on that side (a pure insertion or deletion), and the start is then the line before which
 * it sits.
 */
public record Hunk(
    int oldStart, int oldCount, int newStart, int newCount, List<Line> removed, List<Line> added) {
  public Hunk {
    if (oldCount < 0 || newCount < 0) {
      throw new IllegalArgumentException("negative hunk size");
    }
    removed = List.copyOf(removed);
    added = List.copyOf(added);
  }
}
