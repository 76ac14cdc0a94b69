package dev.scrutineer.ingest;

import dev.scrutineer.model.Commit;
import dev.scrutineer.model.MergedChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Finds merged changes in a branch's first-parent history, when no pull-request export is there:
 * every merge commit is one change (its second parent's commits), every other commit is one change
 * of its own (a squash or a direct push). Git keeps no review data, so none is returned.
 */
public final class MergeHistoryReader {
  /** Commits read per merged change, to keep one huge merge from dominating the run. */
  static final int MAX_COMMITS_PER_CHANGE = 500;

  private static final Pattern MERGED_PR = Pattern.compile("^Merge pull request #(\\d+)");
  private static final Pattern SQUASHED_PR = Pattern.compile("\\(#(\\d+)\\)\\s*$");

  private MergeHistoryReader() {}

  /**
   * The changes merged into {@code branch} (the default branch when empty) since {@code since},
   * oldest first.
   */
  public static List<MergedChange> read(Path directory, Optional<String> branch, Instant since) {
    try (Repository repository = Repositories.open(directory);
        ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      Revisions revisions = new Revisions(repository, walk);
      RevCommit tip = revisions.commit(branch.orElseGet(revisions::defaultBranch));
      CommitReader commits = new CommitReader(walk, null);
      List<MergedChange> changes = new ArrayList<>();
      for (RevCommit c = tip; c != null && c.getParentCount() > 0; ) {
        walk.parseHeaders(c);
        if (c.getCommitterIdent().getWhenAsInstant().isBefore(since)) {
          break;
        }
        changes.add(change(walk, commits, c));
        c = walk.parseCommit(c.getParent(0));
      }
      changes.sort(Comparator.comparing(MergedChange::mergedAt));
      return changes;
    } catch (MissingObjectException e) {
      throw new dev.scrutineer.model.InputException(
          "object " + e.getObjectId().name() + " is missing" + Revisions.SHALLOW_FIX, e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the history failed: " + e.getMessage(), e);
    }
  }

  /**
   * The commits before and after each change whose merge commit is in the repository; changes whose
   * merge commit git does not have are returned as they came.
   */
  public static List<MergedChange> locate(Path directory, List<MergedChange> changes) {
    try (Repository repository = Repositories.open(directory);
        RevWalk walk = new RevWalk(repository)) {
      List<MergedChange> located = new ArrayList<>();
      for (MergedChange change : changes) {
        Optional<RevCommit> merge = change.mergeCommit().flatMap(id -> parse(walk, id));
        located.add(
            merge
                .filter(m -> m.getParentCount() > 0)
                .map(m -> change.withRange(range(m)))
                .orElse(change));
      }
      return located;
    }
  }

  /** GitHub writes the pull request's title under a merge's subject; else the branch tip's. */
  private static String title(Commit landed, boolean pullRequestMerge, Commit last) {
    String body = landed.message().substring(landed.message().indexOf('\n') + 1).strip();
    if (pullRequestMerge && !body.isEmpty() && landed.message().contains("\n")) {
      return body.lines().findFirst().orElse(body).strip();
    }
    return landed.parentIds().size() > 1 ? last.subject() : landed.subject();
  }

  private static Optional<RevCommit> parse(RevWalk walk, String id) {
    try {
      return Optional.of(walk.parseCommit(ObjectId.fromString(id)));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty(); // not a commit id, or not in this clone: the change stays unlocated
    }
  }

  private static MergedChange.Range range(RevCommit merge) {
    RevCommit head = merge.getParentCount() > 1 ? merge.getParent(1) : merge;
    return new MergedChange.Range(merge.getParent(0).name(), head.name());
  }

  private static MergedChange change(RevWalk walk, CommitReader reader, RevCommit merge)
      throws IOException {
    List<Commit> commits = new ArrayList<>();
    if (merge.getParentCount() > 1) {
      try (RevWalk branch = new RevWalk(walk.getObjectReader())) {
        branch.markStart(branch.parseCommit(merge.getParent(1)));
        branch.markUninteresting(branch.parseCommit(merge.getParent(0)));
        for (RevCommit c : branch) {
          if (commits.size() == MAX_COMMITS_PER_CHANGE) {
            break;
          }
          commits.add(reader.read(c, false));
        }
      }
      commits.sort(Comparator.comparing(Commit::authoredAt));
    } else {
      commits.add(reader.read(merge, false));
    }
    Commit first = commits.isEmpty() ? reader.read(merge, false) : commits.get(0);
    Commit landed = reader.read(merge, false);
    Commit last = commits.isEmpty() ? landed : commits.get(commits.size() - 1);
    Matcher pr = (merge.getParentCount() > 1 ? MERGED_PR : SQUASHED_PR).matcher(landed.subject());
    return new MergedChange(
        pr.find(0) ? Optional.of(Integer.parseInt(pr.group(1))) : Optional.empty(),
        title(landed, pr.find(0) && merge.getParentCount() > 1, last),
        first.author().name(),
        first.authoredAt(),
        landed.committedAt(),
        Optional.of(merge.name()),
        Optional.of(range(merge)),
        -1,
        -1,
        0,
        Optional.empty(),
        Optional.empty(),
        commits,
        Optional.empty());
  }
}
