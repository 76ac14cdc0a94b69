package dev.scrutineer.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One review of a pull request, as GitHub's {@code GET /repos/O/R/pulls/N/reviews} returns it.
 *
 * @param login the reviewer's login
 * @param userType GitHub's user type, {@code User} or {@code Bot}
 * @param commitId the commit the review was given on
 * @param submittedAt ISO-8601 time, as given; empty for a pending review
 */
public record Review(
    String login,
    String userType,
    ReviewState state,
    String commitId,
    Optional<String> submittedAt) {
  public Review {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(userType, "userType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(commitId, "commitId");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }
}
