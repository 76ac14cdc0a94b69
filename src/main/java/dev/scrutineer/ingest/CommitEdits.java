package dev.scrutineer.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What a commit did to each file's lines, as line blame needs it: for every changed path, where its
 * lines came from (a file in one of the parents, with the edit script from that file) and which of
 * the lines it removed could have been fixed. Mined once with the line counts and cached, so
 * blaming a fix replays these instead of walking history per file.
 *
 * @param id the commit
 * @param files one entry per path the commit changed against its first parent
 */
record CommitEdits(String id, List<FileEdits> files) {
  CommitEdits {
    Objects.requireNonNull(id, "id");
    files = List.copyOf(files);
  }

  /**
   * One changed path.
   *
   * @param path the path after the commit; for a deleted file, the path it had
   * @param kind what happened to the path
   * @param lines the file's line count after the commit, or {@link #SAME_LINES} when it equals the
   *     first source's line count plus what its edits add (the file was not read)
   * @param sources where the lines came from, in parent order; none for an added file
   * @param fixable lines of the first parent's file, from 0, that this commit removed or changed
   *     and that could have carried a bug: not blank, not a comment, not an import
   */
  record FileEdits(String path, Kind kind, int lines, List<Source> sources, int[] fixable) {
    FileEdits {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
      sources = List.copyOf(sources);
      Objects.requireNonNull(fixable, "fixable");
    }
  }

  /** The line count is not recorded: the file keeps its source's lines, edited. */
  static final int SAME_LINES = -1;

  /**
   * A file in a parent the commit's file was diffed against.
   *
   * @param parent the parent's position among the commit's parents, from 0
   * @param path the file's path in that parent
   * @param edits the edit script from that file, whitespace ignored, as quadruples of begin and end
   *     of the old lines and begin and end of the new lines
   */
  record Source(int parent, String path, int[] edits) {
    Source {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(edits, "edits");
      if (edits.length % 4 != 0) {
        throw new IllegalArgumentException("edits come in quadruples");
      }
    }
  }

  /** What a commit did to a path. */
  enum Kind {
    /** Added, edited in place or copied: the sources say where the lines came from. */
    EDITED,
    /** Moved from the first source's path, which is gone after the commit. */
    RENAMED,
    /** The path was removed. */
    DELETED,
    /** Binary, too large or missing: its lines are unknown from here on. */
    UNKNOWN
  }
}
