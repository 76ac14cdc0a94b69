package dev.scrutineer.ingest;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * A change read from git, with the repository kept open so that analyses can read the files on both
 * sides of it: {@link #base()} is the merge-base's tree, {@link #head()} the head commit's tree or
 * the working tree. Nothing is checked out. Close it when the analyses are done; the trees refuse
 * to read after that.
 */
public final class ChangeSession implements AutoCloseable {
  private final Repository repository;
  private final ChangeSet change;
  private final SourceTree base;
  private final SourceTree head;
  private final AtomicBoolean closed;

  ChangeSession(
      Repository repository,
      ChangeSet change,
      SourceTree base,
      SourceTree head,
      AtomicBoolean closed) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.change = Objects.requireNonNull(change, "change");
    this.base = Objects.requireNonNull(base, "base");
    this.head = Objects.requireNonNull(head, "head");
    this.closed = Objects.requireNonNull(closed, "closed");
  }

  public ChangeSet change() {
    return change;
  }

  /** The files at the merge-base, the side the change started from. */
  public SourceTree base() {
    return base;
  }

  /** The files at the head commit, or in the working tree for uncommitted changes. */
  public SourceTree head() {
    return head;
  }

  /**
   * The root commit reached from the merge-base by first parents: the same in every clone, so it
   * names the repository. Empty in a shallow clone that cut it off.
   */
  public Optional<String> rootCommitId() {
    return RootCommits.firstRoot(repository, ObjectId.fromString(change.mergeBase().id()));
  }

  /** A shallow clone: history stops at its depth, so history-based measures would be wrong. */
  public boolean isShallow() {
    try {
      return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the shallow list of " + repository.getDirectory(), e);
    }
  }

  /** The repository, with one more use counted; whoever takes it must close it once. */
  Repository shareRepository() {
    repository.incrementOpen();
    return repository;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      repository.close();
    }
  }
}
