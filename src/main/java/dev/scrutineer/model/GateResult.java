package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * The required scrutiny held against a pull request's review state.
 *
 * @param head the commit approvals must be given on
 * @param statuses one per requirement, in the requirements' order
 * @param reviews every reviewer's latest review, with whether it counts
 */
public record GateResult(
    RequiredScrutiny required,
    String head,
    List<RequirementStatus> statuses,
    List<ReviewStanding> reviews) {
  public GateResult {
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(head, "head");
    statuses = List.copyOf(statuses);
    reviews = List.copyOf(reviews);
  }

  /** True when every requirement is met. */
  public boolean passed() {
    return statuses.stream().allMatch(RequirementStatus::met);
  }

  public List<RequirementStatus> missing() {
    return statuses.stream().filter(s -> !s.met()).toList();
  }
}
