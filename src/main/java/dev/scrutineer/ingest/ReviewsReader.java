package dev.scrutineer.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Review;
import dev.scrutineer.model.ReviewState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a pull request's reviews as GitHub's API returns them ({@code gh api
 * repos/OWNER/REPO/pulls/N/reviews --paginate}): a JSON array, in the order they were given. Fields
 * other than the reviewer, state, commit and time are ignored.
 */
public final class ReviewsReader {
  private static final String HOW = "save the output of gh api repos/OWNER/REPO/pulls/N/reviews";

  private ReviewsReader() {}

  public static List<Review> read(Path file) {
    return parse(JsonInput.read(file, HOW), file.toString());
  }

  static List<Review> parse(String json, String name) {
    JsonNode root = JsonInput.parse(json, name, HOW);
    if (!root.isArray()) {
      throw new InputException(name + ": expected a JSON array of reviews; " + HOW);
    }
    List<Review> reviews = new ArrayList<>();
    for (JsonNode review : root) {
      reviews.add(review(review, name + ": review " + (reviews.size() + 1)));
    }
    return reviews;
  }

  /** One of GitHub's review objects; {@code where} names it in errors. */
  static Review review(JsonNode review, String where) {
    String login = review.path("user").path("login").asText("");
    String state = review.path("state").asText("");
    if (login.isEmpty() || state.isEmpty()) {
      throw new InputException(where + " has no user.login or state; " + HOW);
    }
    ReviewState reviewState;
    try {
      reviewState = ReviewState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          where
              + " has state '"
              + state
              + "'; expected APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING");
    }
    JsonNode submitted = review.path("submitted_at");
    Optional<Instant> at = Optional.empty();
    if (submitted.isTextual()) {
      try {
        at = Optional.of(Instant.parse(submitted.asText()));
      } catch (DateTimeParseException e) {
        throw new InputException(
            where
                + " has submitted_at '"
                + submitted.asText()
                + "', not an ISO-8601 time like 2026-03-09T14:02:00Z");
      }
    }
    return new Review(
        login,
        review.path("user").path("type").asText("User"),
        reviewState,
        review.path("commit_id").asText(""),
        at,
        !review.path("body").asText("").isBlank());
  }
}
