package dev.scrutineer.ingest;

import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PackParser;

/**
 * Whether a change could be taken back mechanically: a three-way merge in memory, never a checkout,
 * and nothing written to the repository (merged content is hashed and dropped).
 */
public final class RevertCheck {
  private RevertCheck() {}

  /**
   * What happened when the merge was tried.
   *
   * @param merged true when the change is already part of {@code onto}, so the revert itself was
   *     tried; false when it is not merged yet and only merging it into {@code onto} was tried
   * @param clean true when the merge tried had no conflicts
   * @param conflicts the paths that conflicted, sorted
   */
  public record Result(String onto, boolean merged, boolean clean, List<String> conflicts) {
    public Result {
      conflicts = List.copyOf(conflicts);
    }
  }

  /**
   * Reverts the change from {@code mergeBase} to {@code head} on {@code onto} when {@code head} is
   * already merged there; otherwise merges {@code head} into {@code onto}, since a change that
   * merges cleanly now also reverts cleanly right after.
   */
  public static Result check(Path directory, String mergeBase, String head, String onto) {
    try (Repository repository = Repositories.open(directory);
        RevWalk walk = new RevWalk(repository)) {
      RevCommit target = new Revisions(repository, walk).commit(onto);
      RevCommit headCommit = walk.parseCommit(ObjectId.fromString(head));
      RevCommit baseCommit = walk.parseCommit(ObjectId.fromString(mergeBase));
      boolean merged = walk.isMergedInto(headCommit, target);
      ResolveMerger merger =
          (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(new HashOnly(repository), new Config());
      boolean clean;
      if (merged) {
        merger.setBase(headCommit.getTree());
        clean = merger.merge(false, target.getTree(), baseCommit.getTree());
      } else {
        clean = merger.merge(false, target, headCommit);
      }
      Map<String, ?> failing = merger.getFailingPaths();
      TreeSet<String> conflicts = new TreeSet<>(merger.getUnmergedPaths());
      if (failing != null) {
        conflicts.addAll(failing.keySet());
      }
      return new Result(onto, merged, clean && conflicts.isEmpty(), List.copyOf(conflicts));
    } catch (IllegalArgumentException e) {
      throw new InputException("not a commit id: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("trying the revert failed: " + e.getMessage(), e);
    }
  }

  /** Computes object ids as git would and stores nothing: the merge result is only inspected. */
  private static final class HashOnly extends ObjectInserter {
    private final Repository repository;

    HashOnly(Repository repository) {
      this.repository = repository;
    }

    @Override
    public ObjectId insert(int type, long length, InputStream in) throws IOException {
      return idFor(type, length, in);
    }

    @Override
    public PackParser newPackParser(InputStream in) {
      throw new UnsupportedOperationException("a revert check never receives packs");
    }

    @Override
    public ObjectReader newReader() {
      return repository.newObjectReader();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
