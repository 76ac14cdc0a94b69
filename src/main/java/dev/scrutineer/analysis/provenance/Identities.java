package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is a person and who is an agent or a bot, for the policy's rules on approvals: approvals by
 * AI review bots never count, and for agent-authored changes neither does the approval of the
 * person who asked the agent.
 */
public final class Identities {
  private static final Pattern PERSON = Pattern.compile("^(?<name>.*?)\\s*<(?<email>[^>]*)>\\s*$");
  private static final Pattern NOREPLY =
      Pattern.compile("^(?:\\d+\\+)?(?<login>[^@+]+)@users\\.noreply\\.github\\.com$");

  private Identities() {}

  /**
   * True for a reviewer that is not a person: GitHub's {@code Bot} type, any App ({@code [bot]}),
   * or a known AI agent or review bot (GitHub's {@code Copilot} login has no suffix).
   */
  public static boolean isBot(String login, String userType) {
    return "Bot".equalsIgnoreCase(userType)
        || login.toLowerCase(Locale.ROOT).endsWith("[bot]")
        || AgentIdentities.byLogin(login).isPresent();
  }

  /** True when an AI review bot (not a coding agent) is behind the login. */
  public static boolean isReviewBot(String login) {
    return AgentIdentities.byLogin(login)
        .filter(a -> a.role() == AgentIdentities.Role.REVIEWER)
        .isPresent();
  }

  /**
   * True when an AI agent wrote the change: the pull request was opened by an agent, or a commit is
   * authored by an agent's identity.
   */
  public static boolean agentAuthored(List<Commit> commits, Optional<PullRequest> pullRequest) {
    return pullRequest.map(pr -> isAgentLogin(pr.authorLogin())).orElse(false)
        || commits.stream().anyMatch(c -> isAgent(c.author()));
  }

  /**
   * The GitHub logins of the people who asked the agent, as far as git records them: the humans
   * named in {@code Co-authored-by:} on agent-authored commits (GitHub's coding agent adds the
   * person who assigned it), when their email is a GitHub noreply address. Other emails are
   * returned as they are, lower case, for a teams file to map.
   */
  public static List<String> requesters(List<Commit> commits) {
    List<String> requesters = new ArrayList<>();
    for (Commit commit : commits) {
      if (!isAgent(commit.author())) {
        continue;
      }
      for (Trailer trailer : commit.trailers()) {
        if (!trailer.key().equalsIgnoreCase("Co-authored-by")) {
          continue;
        }
        Matcher m = PERSON.matcher(trailer.value().strip());
        if (!m.matches()) {
          continue;
        }
        Person person = new Person(m.group("name"), m.group("email"));
        if (AgentIdentities.isBot(person) || AgentIdentities.namedTool(person).isPresent()) {
          continue;
        }
        String email = person.email().strip().toLowerCase(Locale.ROOT);
        Matcher noreply = NOREPLY.matcher(email);
        String id = noreply.matches() ? noreply.group("login") : email;
        if (!id.isEmpty() && !requesters.contains(id)) {
          requesters.add(id);
        }
      }
    }
    return requesters;
  }

  private static boolean isAgent(Person person) {
    return AgentIdentities.of(person)
        .filter(a -> a.role() == AgentIdentities.Role.AGENT)
        .isPresent();
  }

  private static boolean isAgentLogin(String login) {
    return AgentIdentities.byLogin(login)
        .filter(a -> a.role() == AgentIdentities.Role.AGENT)
        .isPresent();
  }
}
