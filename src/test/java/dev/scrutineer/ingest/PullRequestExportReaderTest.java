package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.InputException;
import dev.scrutineer.model.MergedChange;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.Trailer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullRequestExportReaderTest {
  private static final Path EXPORT = Path.of("src/test/resources/audit/prs.json");

  @Test
  void readsMergedPullRequestsWithReviewsCommitsAndCommentsAndSkipsUnmergedOnes() {
    List<MergedChange> changes = PullRequestExportReader.read(EXPORT);

    assertThat(changes)
        .extracting(c -> c.number().orElseThrow())
        .containsExactly(101, 102, 103, 104, 106);
    MergedChange search = changes.get(1);
    assertThat(search.openedAt()).isEqualTo(Instant.parse("2026-03-09T14:10:00Z"));
    assertThat(search.linesAdded() + search.linesDeleted()).isEqualTo(400);
    assertThat(search.reviewComments()).contains(0);
    assertThat(search.commits().get(0).trailers())
        .contains(new Trailer("Co-Authored-By", "Claude Opus 4.5 <noreply@anthropic.com>"));
    assertThat(search.pullRequest().orElseThrow().labels()).containsExactly("ai-assisted");
    assertThat(changes.get(2).reviews().orElseThrow())
        .extracting(Review::login, Review::bot)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("copilot-pull-request-reviewer[bot]", true),
            org.assertj.core.groups.Tuple.tuple("priya", false));
    assertThat(changes.get(4).reviewComments()).as("a comments array counts").contains(3);
    assertThat(changes.get(0).mergeCommit()).contains("1111111111111111111111111111111111111111");
    assertThat(changes.get(0).range()).isEqualTo(Optional.empty());
  }

  @Test
  void aPullRequestWithoutReviewsSaysItHasNoReviewData() {
    List<MergedChange> changes =
        PullRequestExportReader.parse(
            "[{\"number\":1,\"title\":\"t\",\"user\":{\"login\":\"a\"},"
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"merged_at\":\"2026-01-01T01:00:00Z\"}]",
            "prs.json");

    assertThat(changes.get(0).reviews()).isEmpty();
    assertThat(changes.get(0).reviewComments()).isEmpty();
    assertThat(changes.get(0).linesAdded()).isEqualTo(-1);
  }

  @Test
  void badInputIsOneLineThatSaysWhatToFix() {
    assertThatThrownBy(() -> PullRequestExportReader.parse("{\"number\":1}", "prs.json"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "prs.json: expected a JSON array of pull requests; export merged pull requests as"
                + " described under 'audit' in the README");
    assertThatThrownBy(
            () -> PullRequestExportReader.parse("[{\"merged_at\":\"yesterday\"}]", "prs.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("pull request [0]: merged_at is 'yesterday', not an ISO-8601 time");
    assertThatThrownBy(() -> PullRequestExportReader.parse("[{", "prs.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("prs.json:1: not valid JSON");
    assertThatThrownBy(() -> PullRequestExportReader.read(Path.of("no/such/prs.json")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such file");
  }
}
