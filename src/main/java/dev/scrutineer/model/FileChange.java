package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One path's change between base and head.
 *
 * @param oldPath the path at base, empty for an added file
 * @param newPath the path at head, empty for a deleted file
 * @param similarity the rename or copy score in percent, 0 for other change types
 * @param nonUtf8 true when the content was not valid UTF-8 and was decoded as ISO-8859-1
 * @param symlinkTarget where a symlink at head points; read as data, never followed
 */
public record FileChange(
    ChangeType type,
    Optional<String> oldPath,
    Optional<String> newPath,
    FileMode oldMode,
    FileMode newMode,
    Optional<String> oldBlob,
    Optional<String> newBlob,
    int similarity,
    Content content,
    boolean nonUtf8,
    Optional<String> symlinkTarget,
    List<Hunk> hunks,
    int linesAdded,
    int linesDeleted) {
  public FileChange {
    Objects.requireNonNull(type, "type");
    if (oldPath.isEmpty() && newPath.isEmpty()) {
      throw new IllegalArgumentException("a file change needs a path");
    }
    hunks = List.copyOf(hunks);
  }

  /** The path a reviewer knows the file by: the new one, or the old one for a deletion. */
  public String path() {
    return newPath.orElseGet(oldPath::orElseThrow);
  }

  public boolean modeChanged() {
    return oldMode != FileMode.MISSING && newMode != FileMode.MISSING && oldMode != newMode;
  }

  /** Every added line of every hunk, in file order. */
  public List<Line> addedLines() {
    return hunks.stream().flatMap(h -> h.added().stream()).toList();
  }

  /** Every removed line of every hunk, in base file order. */
  public List<Line> removedLines() {
    return hunks.stream().flatMap(h -> h.removed().stream()).toList();
  }
}
