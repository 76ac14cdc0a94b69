package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.Person;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The git and GitHub identities AI agents commit and open pull requests as.
 *
 * <p>GitHub noreply emails ({@code ID+login@users.noreply.github.com}) are matched on the numeric
 * id alone: logins get renamed, ids do not, and a human may pick a look-alike login such as {@code
 * claude}. Logins are only trusted where no id is given, and only those a human cannot register (an
 * App's {@code name[bot]}, GitHub's own {@code Copilot}).
 */
final class AgentIdentities {
  /** Agents write code; reviewers only comment, so their approval or presence is no authorship. */
  enum Role {
    AGENT,
    REVIEWER
  }

  /**
   * One agent or review bot.
   *
   * @param names git author names it commits under, compared case-insensitively
   */
  record Agent(
      String tool,
      Role role,
      Set<Long> ids,
      Set<String> logins,
      Set<String> emails,
      Set<String> names) {}

  /** From the catalogue's vendor signatures table. */
  private static final List<Agent> AGENTS =
      List.of(
          agent(
              "Claude Code",
              Set.of(209825114L, 215619710L, 208546643L),
              Set.of("claude[bot]", "anthropic-claude[bot]", "claude-code-action[bot]"),
              Set.of("noreply@anthropic.com")),
          agent(
              "GitHub Copilot",
              Set.of(198982749L, 223556219L, 167198135L),
              Set.of("copilot", "copilot-swe-agent[bot]", "copilot[bot]"),
              Set.of()),
          new Agent(
              "Cursor",
              Role.AGENT,
              Set.of(),
              Set.of(),
              Set.of("cursoragent@cursor.com", "sos@cursor.sh"),
              Set.of("cursor agent")),
          agent("Aider", Set.of(), Set.of(), Set.of("noreply@aider.chat")),
          agent(
              "OpenAI Codex",
              Set.of(215057067L, 199175422L),
              Set.of("openai-codex[bot]", "chatgpt-codex-connector[bot]"),
              Set.of("noreply@openai.com", "codex@openai.com")),
          agent("Devin", Set.of(158243242L), Set.of("devin-ai-integration[bot]"), Set.of()),
          agent("Google Jules", Set.of(161369871L), Set.of("google-labs-jules[bot]"), Set.of()),
          agent(
              "Amazon Q Developer",
              Set.of(208079219L),
              Set.of("amazon-q-developer[bot]"),
              Set.of()),
          agent("Cline", Set.of(205137888L), Set.of("cline[bot]"), Set.of()),
          agent("Continue", Set.of(230936708L), Set.of("continue[bot]"), Set.of()),
          agent("Sourcegraph Cody", Set.of(201248094L), Set.of("sourcegraph-cody[bot]"), Set.of()),
          agent("JetBrains AI", Set.of(220155983L), Set.of("jetbrains-ai[bot]"), Set.of()),
          agent("OpenHands", Set.of(), Set.of(), Set.of("openhands@all-hands.dev")),
          reviewer("GitHub Copilot", Set.of(), Set.of("copilot-pull-request-reviewer[bot]")),
          reviewer("CodeRabbit", Set.of(136622811L), Set.of("coderabbitai[bot]")),
          reviewer("Gemini", Set.of(176961590L), Set.of("gemini-code-assist[bot]")),
          reviewer("Cursor", Set.of(206951365L), Set.of("cursor[bot]")));

  /**
   * Domains whose addresses belong to AI vendors: a co-author or sign-off named "Claude" there is
   * the tool; the same name at any other address may be a person.
   */
  private static final Set<String> VENDOR_DOMAINS =
      Set.of(
          "anthropic.com",
          "openai.com",
          "cursor.com",
          "cursor.sh",
          "aider.chat",
          "devin.ai",
          "cognition.ai",
          "all-hands.dev");

  private static final Pattern NOREPLY =
      Pattern.compile("^(?:(?<id>\\d+)\\+)?(?<login>[^@]+)@users\\.noreply\\.github\\.com$");

  private AgentIdentities() {}

  /**
   * The agent or reviewer a git identity belongs to. A noreply email with an id decides alone;
   * otherwise the login, the email or the author name may match.
   */
  static Optional<Agent> of(Person person) {
    String email = person.email().strip().toLowerCase(Locale.ROOT);
    Matcher noreply = NOREPLY.matcher(email);
    if (noreply.matches() && noreply.group("id") != null) {
      return byId(parseId(noreply.group("id")));
    }
    if (noreply.matches()) {
      Optional<Agent> byLogin = byLogin(noreply.group("login"));
      if (byLogin.isPresent()) {
        return byLogin;
      }
    }
    String name = person.name().strip().toLowerCase(Locale.ROOT);
    return AGENTS.stream()
        .filter(
            a ->
                a.emails().contains(email)
                    || a.names().contains(name)
                    || (name.endsWith("[bot]") && a.logins().contains(name)))
        .findFirst();
  }

  /** The agent or reviewer behind a GitHub login, such as a pull request's author. */
  static Optional<Agent> byLogin(String login) {
    String key = login.strip().toLowerCase(Locale.ROOT);
    return AGENTS.stream().filter(a -> a.logins().contains(key)).findFirst();
  }

  /**
   * The agent a co-author or sign-off line names: a known identity, or an AI tool or model name at
   * no address or at an AI vendor's address. Reviewers are left out.
   */
  static Optional<String> namedTool(Person person) {
    Optional<Agent> agent = of(person).filter(a -> a.role() == Role.AGENT);
    if (agent.isPresent()) {
      return agent.map(Agent::tool);
    }
    if (of(person).isPresent() || !atNoAddressOrVendor(person.email())) {
      return Optional.empty();
    }
    String name = person.name().strip();
    Optional<String> tool = Tools.exactUnambiguous(name);
    if (tool.isEmpty() && Models.isModel(name)) {
      tool = Tools.find(name);
    }
    return tool;
  }

  /**
   * True for identities that are not a person: known agents and reviewers, and any GitHub App
   * ({@code [bot]}), such as a dependency updater. Used to tell human commits from the rest.
   */
  static boolean isBot(Person person) {
    return of(person).isPresent()
        || person.name().toLowerCase(Locale.ROOT).contains("[bot]")
        || person.email().toLowerCase(Locale.ROOT).contains("[bot]");
  }

  private static Optional<Agent> byId(Optional<Long> id) {
    return id.flatMap(i -> AGENTS.stream().filter(a -> a.ids().contains(i)).findFirst());
  }

  private static Optional<Long> parseId(String digits) {
    try {
      return Optional.of(Long.parseLong(digits));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  private static boolean atNoAddressOrVendor(String email) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    if (address.isEmpty()) {
      return true;
    }
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1);
    return VENDOR_DOMAINS.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
  }

  private static Agent agent(String tool, Set<Long> ids, Set<String> logins, Set<String> emails) {
    return new Agent(tool, Role.AGENT, ids, logins, emails, Set.of());
  }

  private static Agent reviewer(String tool, Set<Long> ids, Set<String> logins) {
    return new Agent(tool, Role.REVIEWER, ids, logins, Set.of(), Set.of());
  }
}
