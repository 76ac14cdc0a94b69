package dev.scrutineer.model;

import java.util.Objects;

/**
 * A resolved revision.
 *
 * @param spec what the user or the defaults named, such as {@code HEAD} or {@code origin/main}
 * @param id the full commit id, or {@code "worktree"} for uncommitted changes
 */
public record Revision(String spec, String id) {
  public static final String WORKTREE = "worktree";

  public Revision {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(id, "id");
  }

  public String shortId() {
    return id.substring(0, Math.min(12, id.length()));
  }
}
