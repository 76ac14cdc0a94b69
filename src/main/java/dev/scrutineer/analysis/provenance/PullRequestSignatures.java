package dev.scrutineer.analysis.provenance;

import dev.scrutineer.analysis.provenance.AgentIdentities.Role;
import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.PullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signals of a pull request: its title, body, labels, author and branch. Text the author wrote is a
 * declaration; the author's identity and the branch name are only detected.
 */
final class PullRequestSignatures {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final String ROBOT = "\uD83E\uDD16";

  /** {@code ai: Cursor}, {@code llm/claude}: an AI prefix, then a slot for a tool's name. */
  private static final Pattern AI_TOOL_LABEL =
      Pattern.compile("^(?:ai|genai|llm)\\s*[:/]\\s*(?<tool>\\S.*)$", FLAGS);

  /** Title tags such as {@code [AI-assisted]} or {@code (🤖 Claude Code)}, read as labels. */
  private static final Pattern TITLE_TAG = Pattern.compile("[\\[(](?<tag>[^\\])\\[(]+)[\\])]");

  /** Branches that agents create for their own pull requests. */
  private static final Pattern AGENT_BRANCH =
      Pattern.compile("^(?:refs/heads/)?(?<prefix>copilot|cursor)/.+", FLAGS);

  /**
   * GitHub Apps that open pull requests without any AI: a {@code Bot} author is a signal, but a
   * dependency update from these is not AI assistance.
   */
  private static final Set<String> AUTOMATION_BOTS =
      Set.of(
          "dependabot",
          "dependabot-preview",
          "renovate",
          "renovate-bot",
          "github-actions",
          "pre-commit-ci",
          "mergify",
          "release-please",
          "allcontributors",
          "imgbot",
          "snyk-bot");

  private PullRequestSignatures() {}

  static List<Hit> find(PullRequest pr) {
    List<Hit> hits = new ArrayList<>();
    title(pr.title()).ifPresent(hits::add);
    hits.addAll(PullRequestBody.find(pr.body()));
    for (String label : pr.labels()) {
      label(label, Source.PR_LABEL, label).ifPresent(hits::add);
    }
    author(pr).ifPresent(hits::add);
    pr.headRef().flatMap(PullRequestSignatures::branch).ifPresent(hits::add);
    return hits;
  }

  /**
   * A label, or a tag in a title, that discloses AI: a robot emoji with a tool ({@code 🤖 Claude
   * Code}), an AI phrase ({@code ai-assisted}), or an AI prefix with a tool ({@code ai: Cursor}). A
   * bare {@code ai} or tool name is left out: repositories use those for a feature area.
   */
  static Optional<Hit> label(String text, Source where, String evidence) {
    String label = text.strip();
    if (label.isEmpty() || DisclosureText.negated(label)) {
      return Optional.empty();
    }
    AiLevel level = DisclosureText.level(label);
    if (label.startsWith(ROBOT)) {
      String rest = label.substring(ROBOT.length()).strip();
      Optional<String> tool =
          Tools.exact(rest)
              .or(() -> Tools.find(rest))
              .or(() -> rest.isEmpty() ? Optional.empty() : Optional.of(rest));
      return Optional.of(Hit.declared(where, tool, Models.find(rest), level, evidence));
    }
    Matcher aiTool = AI_TOOL_LABEL.matcher(label);
    if (aiTool.matches()) {
      Optional<String> tool = Tools.exact(aiTool.group("tool")).or(() -> Tools.find(label));
      if (tool.isPresent()) {
        return Optional.of(Hit.declared(where, tool, Models.find(label), level, evidence));
      }
    }
    if (DisclosureText.isPhrase(label)) {
      return Optional.of(
          Hit.declared(where, Tools.find(label), Models.find(label), level, evidence));
    }
    return Optional.empty();
  }

  private static Optional<Hit> title(String title) {
    Matcher tags = TITLE_TAG.matcher(title);
    while (tags.find()) {
      Optional<Hit> hit = label(tags.group("tag"), Source.PR_TITLE, title);
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  /**
   * An agent's login (GitHub shows the Copilot coding agent as {@code Copilot}, type Bot), or any
   * {@code Bot} author but review bots and dependency updaters. A person's look-alike login, such
   * as {@code claude} of type User, is not an agent.
   */
  private static Optional<Hit> author(PullRequest pr) {
    String login = pr.authorLogin().strip();
    Optional<AgentIdentities.Agent> agent = AgentIdentities.byLogin(login);
    if (agent.isPresent()) {
      return agent
          .filter(a -> a.role() == Role.AGENT)
          .map(
              a -> Hit.detected(Source.PR_AUTHOR, Optional.of(a.tool()), AiLevel.GENERATED, login));
    }
    String app = login.toLowerCase(Locale.ROOT).replaceAll("\\[bot]$", "");
    if (pr.authoredByBot() && !AUTOMATION_BOTS.contains(app)) {
      String evidence = login.isEmpty() ? pr.authorType() : login;
      return Optional.of(
          Hit.detected(Source.PR_AUTHOR, Optional.empty(), AiLevel.GENERATED, evidence));
    }
    return Optional.empty();
  }

  /** {@code copilot/…} and {@code cursor/…}: branches the agents push their own work to. */
  private static Optional<Hit> branch(String ref) {
    Matcher m = AGENT_BRANCH.matcher(ref.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String tool = m.group("prefix").equalsIgnoreCase("copilot") ? "GitHub Copilot" : "Cursor";
    return Optional.of(Hit.detected(Source.PR_BRANCH, Optional.of(tool), AiLevel.GENERATED, ref));
  }
}
