package dev.scrutineer.model;

import java.util.Objects;

/**
 * A reviewer's latest review and whether it counts as an approval.
 *
 * @param counts true for an approval of the current head by a human who may approve
 * @param note why it does not count (stale, a bot, the author, the agent's requester), or what it
 *     is
 */
public record ReviewStanding(String login, ReviewState state, boolean counts, String note) {
  public ReviewStanding {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(note, "note");
  }
}
