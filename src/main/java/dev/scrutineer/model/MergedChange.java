package dev.scrutineer.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change that was merged, as a pull-request export or the git history tells it.
 *
 * @param number the pull request's number, when known
 * @param author the pull request's author login, or the commit author's name from git
 * @param openedAt when the pull request was opened; from git, the first commit's author time
 * @param mergeCommit the commit that landed the change (a merge or a squash commit), when known
 * @param range the commits before and after the change, when git has them: the analysis input
 * @param linesAdded lines added as the export counts them, or -1 when only git can tell
 * @param linesDeleted lines deleted as the export counts them, or -1 when only git can tell
 * @param reviews the reviews, when the source has them; empty when it has none or no review data
 * @param reviewComments inline review comments, when the source counts them
 * @param commits the change's commits, oldest first, as far as the source has them
 * @param pullRequest the pull request's evidence for provenance
 */
public record MergedChange(
    Optional<Integer> number,
    String title,
    String author,
    Instant openedAt,
    Instant mergedAt,
    Optional<String> mergeCommit,
    Optional<Range> range,
    int linesAdded,
    int linesDeleted,
    int filesChanged,
    Optional<List<Review>> reviews,
    Optional<Integer> reviewComments,
    List<Commit> commits,
    Optional<PullRequest> pullRequest) {
  public MergedChange {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(mergedAt, "mergedAt");
    Objects.requireNonNull(mergeCommit, "mergeCommit");
    Objects.requireNonNull(range, "range");
    reviews = reviews.map(List::copyOf);
    Objects.requireNonNull(reviewComments, "reviewComments");
    commits = List.copyOf(commits);
    Objects.requireNonNull(pullRequest, "pullRequest");
  }

  /** The same change with the commits before and after it, once git has been asked. */
  public MergedChange withRange(Range found) {
    return new MergedChange(
        number,
        title,
        author,
        openedAt,
        mergedAt,
        mergeCommit,
        Optional.of(found),
        linesAdded,
        linesDeleted,
        filesChanged,
        reviews,
        reviewComments,
        commits,
        pullRequest);
  }

  /**
   * The commits a change spans in git.
   *
   * @param base the first parent of the merge or squash commit
   * @param head the merged branch's tip (a merge's second parent) or the squash commit itself
   */
  public record Range(String base, String head) {
    public Range {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(head, "head");
    }
  }
}
