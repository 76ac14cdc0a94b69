package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything git says about one change: the files that differ between the merge-base and head, and
 * the commits that lead from one to the other (oldest first).
 */
public record ChangeSet(
    Revision base,
    Revision mergeBase,
    Revision head,
    List<Commit> commits,
    List<FileChange> files,
    List<Diagnostic> diagnostics) {
  public ChangeSet {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(mergeBase, "mergeBase");
    Objects.requireNonNull(head, "head");
    commits = List.copyOf(commits);
    files = List.copyOf(files);
    diagnostics = List.copyOf(diagnostics);
  }

  public int linesAdded() {
    return files.stream().mapToInt(FileChange::linesAdded).sum();
  }

  public int linesDeleted() {
    return files.stream().mapToInt(FileChange::linesDeleted).sum();
  }

  public boolean isWorktree() {
    return Revision.WORKTREE.equals(head.id());
  }
}
