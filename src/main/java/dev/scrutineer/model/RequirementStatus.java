package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;

/**
 * Whether one requirement is met by the pull request's current state.
 *
 * @param satisfiedBy the approvers or evidence that meet it, as far as they go
 * @param detail what is met or what is still missing, in words
 */
public record RequirementStatus(
    Requirement requirement, boolean met, List<String> satisfiedBy, String detail) {
  public RequirementStatus {
    Objects.requireNonNull(requirement, "requirement");
    satisfiedBy = List.copyOf(satisfiedBy);
    Objects.requireNonNull(detail, "detail");
  }
}
