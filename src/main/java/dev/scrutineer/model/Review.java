package dev.scrutineer.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One review of a pull request, as GitHub records it.
 *
 * @param reviewer the reviewer's login
 * @param bot true when GitHub marks the reviewer as a bot: a bot's approval never counts as review
 * @param state {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED} or {@code DISMISSED}
 * @param hasBody true when the review carries a written comment of its own
 */
public record Review(
    String reviewer, boolean bot, String state, Instant submittedAt, boolean hasBody) {
  public Review {
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }

  public boolean approval() {
    return "APPROVED".equals(state);
  }
}
