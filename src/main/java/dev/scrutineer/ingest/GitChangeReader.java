package dev.scrutineer.ingest;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/** Reads one change from a git repository: its files, changed lines and commits. */
public final class GitChangeReader {
  /** Beyond this many commits, per-commit line counts (used for velocity) are skipped. */
  static final int MAX_MEASURED_COMMITS = 500;

  private GitChangeReader() {}

  /**
   * Reads the change and closes the repository: for callers that need the change set only. To read
   * the files on either side as well, {@link #open} a session instead.
   */
  public static ChangeSet read(ChangeQuery query) {
    try (ChangeSession session = open(query)) {
      return session.change();
    }
  }

  /**
   * Reads the change and keeps the repository open, so that the files on both sides of it can be
   * read (never checked out) until the session is closed.
   */
  public static ChangeSession open(ChangeQuery query) {
    return open(query, Repositories.open(query.repository()));
  }

  /**
   * Like {@link #open(ChangeQuery)}, on the repository {@code reader} has open: a caller reading
   * many changes of one large repository reads its pack index once, not once a change.
   */
  public static ChangeSession open(ChangeQuery query, HistoryReader reader) {
    return open(query, reader.shareRepository());
  }

  /** Opens a session that owns one use of {@code repository}, released when the session closes. */
  private static ChangeSession open(ChangeQuery query, Repository repository) {
    boolean opened = false;
    try (ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      ChangeSet change = read(query, repository, reader, walk);
      AtomicBoolean closed = new AtomicBoolean();
      SourceTree base = new GitSourceTree(repository, treeOf(walk, change.mergeBase()), closed);
      SourceTree head =
          query.worktree()
              ? new WorkTreeSourceTree(repository, closed)
              : new GitSourceTree(repository, treeOf(walk, change.head()), closed);
      ChangeSession session = new ChangeSession(repository, change, base, head, closed);
      opened = true;
      return session;
    } catch (MissingObjectException e) {
      throw new InputException(
          "object "
              + e.getObjectId().name()
              + " is missing from the repository; if this is a shallow or partial clone, run git"
              + " fetch --unshallow (in GitHub Actions, fetch-depth: 0)",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the repository failed: " + e.getMessage(), e);
    } finally {
      if (!opened) {
        repository.close();
      }
    }
  }

  private static ObjectId treeOf(RevWalk walk, Revision commit) throws IOException {
    return walk.parseCommit(ObjectId.fromString(commit.id())).getTree().copy();
  }

  private static ChangeSet read(
      ChangeQuery query, Repository repository, ObjectReader reader, RevWalk walk)
      throws IOException {
    Revisions revisions = new Revisions(repository, walk);
    if (revisions.resolve("HEAD").isEmpty() && query.head().isEmpty()) {
      throw new InputException(
          "the repository has no commits yet; commit something first, then analyze");
    }
    String headSpec = query.head().orElse("HEAD");
    RevCommit head = revisions.commit(headSpec);
    String baseSpec =
        query.base().orElseGet(() -> query.worktree() ? "HEAD" : revisions.defaultBranch());
    RevCommit base = revisions.commit(baseSpec);
    RevCommit mergeBase = revisions.mergeBase(base, baseSpec, head, headSpec);

    List<Diagnostic> diagnostics = new ArrayList<>();
    TreeDiff diff = new TreeDiff(repository, reader);
    CanonicalTreeParser oldTree = new CanonicalTreeParser(null, reader, mergeBase.getTree());
    List<FileChange> files;
    if (query.worktree()) {
      if (repository.isBare()) {
        throw new InputException("--worktree needs a work tree, and this repository is bare");
      }
      FileTreeIterator workTree = new FileTreeIterator(repository);
      files = diff.between(oldTree, workTree, ContentSource.create(workTree));
    } else {
      files =
          diff.between(
              oldTree,
              new CanonicalTreeParser(null, reader, head.getTree()),
              ContentSource.create(reader));
    }
    List<Commit> commits = commits(walk, head, mergeBase, diff, diagnostics);
    diagnostics.addAll(diff.diagnostics());
    if (mergeBase.equals(head) && !query.worktree()) {
      diagnostics.add(
          Diagnostic.info(
              headSpec
                  + " is already part of "
                  + baseSpec
                  + ", so the change is empty; pass --base REV (for example --base HEAD~1) to"
                  + " analyze earlier commits"));
    }
    Revision headRevision =
        query.worktree()
            ? new Revision("worktree", Revision.WORKTREE)
            : new Revision(headSpec, head.name());
    return new ChangeSet(
        new Revision(baseSpec, base.name()),
        new Revision("merge-base", mergeBase.name()),
        headRevision,
        commits,
        files,
        diagnostics);
  }

  private static List<Commit> commits(
      RevWalk walk, RevCommit head, RevCommit mergeBase, TreeDiff diff, List<Diagnostic> out)
      throws IOException {
    walk.reset();
    walk.markStart(walk.parseCommit(head));
    walk.markUninteresting(walk.parseCommit(mergeBase));
    List<RevCommit> newestFirst = new ArrayList<>();
    walk.forEach(newestFirst::add);
    List<RevCommit> revs = CommitOrder.parentsFirst(newestFirst);
    boolean measure = revs.size() <= MAX_MEASURED_COMMITS;
    if (!measure) {
      out.add(
          Diagnostic.info(
              revs.size()
                  + " commits: line counts per commit (and velocity) are skipped above "
                  + MAX_MEASURED_COMMITS));
    }
    CommitReader commitReader = new CommitReader(walk, diff);
    List<Commit> commits = new ArrayList<>(revs.size());
    for (RevCommit rev : revs) {
      commits.add(commitReader.read(rev, measure));
    }
    return commits;
  }
}
