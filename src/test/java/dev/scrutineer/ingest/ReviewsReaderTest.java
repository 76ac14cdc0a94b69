package dev.scrutineer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.ReviewState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewsReaderTest {
  @Test
  void readsGitHubsReviewsArray() {
    List<Review> reviews =
        ReviewsReader.parse(
            """
            [{"id": 80, "user": {"login": "octocat", "type": "User"}, "body": "LGTM",
              "state": "APPROVED", "commit_id": "ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091",
              "submitted_at": "2019-11-17T17:43:43Z", "author_association": "COLLABORATOR"},
             {"user": {"login": "coderabbitai[bot]", "type": "Bot"}, "state": "COMMENTED",
              "commit_id": "ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091"}]
            """,
            "reviews.json");
    assertThat(reviews)
        .containsExactly(
            new Review(
                "octocat",
                "User",
                ReviewState.APPROVED,
                "ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091",
                Optional.of(Instant.parse("2019-11-17T17:43:43Z")),
                true),
            new Review(
                "coderabbitai[bot]",
                "Bot",
                ReviewState.COMMENTED,
                "ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091",
                Optional.empty(),
                false));
  }

  @Test
  void badInputIsOneLineThatSaysHowToGetTheFile() {
    assertThatThrownBy(() -> ReviewsReader.parse("{\"title\": 1}", "r.json"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "r.json: expected a JSON array of reviews; save the output of gh api"
                + " repos/OWNER/REPO/pulls/N/reviews");
    assertThatThrownBy(() -> ReviewsReader.parse("[{\"user\": {}}]", "r.json"))
        .hasMessageStartingWith("r.json: review 1 has no user.login or state");
    assertThatThrownBy(
            () ->
                ReviewsReader.parse(
                    "[{\"user\": {\"login\": \"a\"}, \"state\": \"LOVED\"}]", "r.json"))
        .hasMessageContaining("has state 'LOVED'");
    assertThatThrownBy(() -> ReviewsReader.parse("[{", "r.json"))
        .hasMessageStartingWith("r.json:1: not valid JSON");
  }
}
