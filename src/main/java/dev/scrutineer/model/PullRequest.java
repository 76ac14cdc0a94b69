package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a pull request that are evidence about the change.
 *
 * @param authorType GitHub's user type, {@code User} or {@code Bot}
 * @param headRef the source branch name, such as {@code copilot/fix-login}
 */
public record PullRequest(
    Optional<Integer> number,
    String title,
    String body,
    List<String> labels,
    String authorLogin,
    String authorType,
    Optional<String> headRef) {
  public PullRequest {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    labels = List.copyOf(labels);
    Objects.requireNonNull(authorLogin, "authorLogin");
    Objects.requireNonNull(authorType, "authorType");
  }

  public boolean authoredByBot() {
    return "Bot".equalsIgnoreCase(authorType);
  }
}
