package dev.scrutineer.policy;

import dev.scrutineer.config.Teams;
import dev.scrutineer.model.Review;
import java.util.List;
import java.util.Objects;

/**
 * What the gate holds the required scrutiny against.
 *
 * @param reviews the pull request's reviews, oldest first, as GitHub lists them
 * @param teams who is behind the teams and emails that owners and reviewers name
 * @param assignees the pull request's assignees; for an agent-authored change, they asked for it
 * @param drillAcknowledged a failure drill was acknowledged ({@code --drill-ack})
 */
public record ReviewContext(
    List<Review> reviews, Teams teams, List<String> assignees, boolean drillAcknowledged) {
  public ReviewContext {
    reviews = List.copyOf(reviews);
    Objects.requireNonNull(teams, "teams");
    assignees = List.copyOf(assignees);
  }
}
