package dev.scrutineer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A repository's identity across clones: the root commit reached from a commit by first parents.
 */
final class RootCommits {
  private RootCommits() {}

  /** The first root, or empty when a shallow clone cuts the chain before it. */
  static Optional<String> firstRoot(Repository repository, ObjectId start) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(start);
      while (commit.getParentCount() > 0) {
        commit = walk.parseCommit(commit.getParent(0));
      }
      return Optional.of(commit.name());
    } catch (MissingObjectException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the history of " + repository.getDirectory(), e);
    }
  }
}
