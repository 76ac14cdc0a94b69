package dev.scrutineer.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One review of a pull request, as GitHub's {@code GET /repos/O/R/pulls/N/reviews} returns it.
 *
 * @param login the reviewer's login
 * @param userType GitHub's user type, {@code User} or {@code Bot}
 * @param commitId the commit the review was given on; empty when the source does not say
 * @param submittedAt when it was submitted; empty for a pending review
 * @param hasBody true when the review carries a written comment of its own
 */
public record Review(
    String login,
    String userType,
    ReviewState state,
    String commitId,
    Optional<Instant> submittedAt,
    boolean hasBody) {
  public Review {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(userType, "userType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(commitId, "commitId");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }

  /** True when GitHub marks the reviewer as a bot: a bot's approval never counts as review. */
  public boolean bot() {
    return "Bot".equalsIgnoreCase(userType);
  }

  public boolean approval() {
    return state == ReviewState.APPROVED;
  }
}
