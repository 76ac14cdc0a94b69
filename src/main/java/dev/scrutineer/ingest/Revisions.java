package dev.scrutineer.ingest;

import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/** Resolves what the user named, or the defaults, to commits, and finds the merge-base. */
final class Revisions {
  /** Where the default branch is looked for, in order. */
  static final List<String> DEFAULT_BRANCHES =
      List.of("origin/HEAD", "main", "master", "origin/main", "origin/master");

  private final Repository repository;
  private final RevWalk walk;

  Revisions(Repository repository, RevWalk walk) {
    this.repository = repository;
    this.walk = walk;
  }

  /** The commit a revision names, or an error saying how to check the name. */
  RevCommit commit(String spec) {
    ObjectId id = resolve(spec).orElseThrow(() -> unknown(spec, isShallow()));
    try {
      return walk.parseCommit(id);
    } catch (IncorrectObjectTypeException e) {
      throw new InputException("'" + spec + "' does not name a commit; pass a branch, tag or id");
    } catch (MissingObjectException e) {
      throw new InputException(
          "the commit '" + spec + "' is not in this clone" + (isShallow() ? SHALLOW_FIX : ""));
    } catch (IOException e) {
      throw new InputException("cannot read '" + spec + "': " + e.getMessage(), e);
    }
  }

  Optional<ObjectId> resolve(String spec) {
    try {
      return Optional.ofNullable(repository.resolve(spec + "^{commit}"));
    } catch (AmbiguousObjectException e) {
      throw new InputException(
          "'" + spec + "' is ambiguous: several objects start with it; give more digits");
    } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
      throw new InputException("'" + spec + "' is not a revision git understands");
    } catch (IOException e) {
      throw new InputException("cannot resolve '" + spec + "': " + e.getMessage(), e);
    }
  }

  /** The first default branch that exists, by the name it was found under. */
  String defaultBranch() {
    for (String name : DEFAULT_BRANCHES) {
      if (resolve(name).isPresent()) {
        return name;
      }
    }
    throw new InputException(
        "cannot find the default branch (tried "
            + String.join(", ", DEFAULT_BRANCHES)
            + "); pass --base REV, for example --base origin/develop"
            + (isShallow() ? SHALLOW_FIX : ""));
  }

  RevCommit mergeBase(RevCommit base, String baseSpec, RevCommit head, String headSpec) {
    try {
      walk.reset();
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(base));
      walk.markStart(walk.parseCommit(head));
      RevCommit mergeBase = walk.next();
      walk.reset();
      walk.setRevFilter(RevFilter.ALL);
      if (mergeBase == null) {
        throw new InputException(
            isShallow()
                ? "no merge-base of "
                    + baseSpec
                    + " and "
                    + headSpec
                    + " in this shallow clone"
                    + SHALLOW_FIX
                : baseSpec
                    + " and "
                    + headSpec
                    + " share no history; pass a --base that shares history with the head");
      }
      return walk.parseCommit(mergeBase);
    } catch (MissingObjectException e) {
      throw new InputException(
          "history between "
              + baseSpec
              + " and "
              + headSpec
              + " is incomplete"
              + (isShallow() ? SHALLOW_FIX : "; run git fsck"));
    } catch (IOException e) {
      throw new InputException("cannot walk history: " + e.getMessage(), e);
    }
  }

  boolean isShallow() {
    try {
      return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  static final String SHALLOW_FIX =
      "; this clone is shallow: run git fetch --unshallow (in GitHub Actions, set fetch-depth: 0"
          + " on actions/checkout)";

  private static InputException unknown(String spec, boolean shallow) {
    return new InputException(
        shallow
            ? "unknown revision '" + spec + "', perhaps cut off by the clone's depth" + SHALLOW_FIX
            : "unknown revision '"
                + spec
                + "'; check it with: git rev-parse --verify '"
                + spec
                + "^{commit}'");
  }
}
