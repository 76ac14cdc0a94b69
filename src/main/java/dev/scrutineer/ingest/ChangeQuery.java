package dev.scrutineer.ingest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which change to read.
 *
 * @param repository a directory inside a work tree, or a bare repository
 * @param base the revision the change is measured against; the change starts at its merge-base with
 *     head. Empty: the default branch ({@code origin/HEAD}, then {@code main}, {@code master}), or
 *     {@code HEAD} with {@code worktree}
 * @param head the revision whose tree is the change's result; empty means {@code HEAD}
 * @param worktree read the working tree (tracked and untracked files that are not ignored) as the
 *     head instead of a commit
 */
public record ChangeQuery(
    Path repository, Optional<String> base, Optional<String> head, boolean worktree) {
  public ChangeQuery {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    if (worktree && head.isPresent()) {
      throw new IllegalArgumentException("worktree and head exclude each other");
    }
  }
}
