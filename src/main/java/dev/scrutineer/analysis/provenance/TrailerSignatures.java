package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trailers that disclose AI assistance: policy-grade ({@code Assisted-by}, {@code Generated-by},
 * {@code Synthesized-by}), vendor co-authors, agent session links, and AI names in {@code
 * Signed-off-by}. The same rules read trailer-shaped lines found elsewhere (a commit body, a pull
 * request body), because disclosure is accepted wherever the author wrote it.
 */
final class TrailerSignatures implements CommitSignature {
  /** Policy-grade trailers: the key itself names the level. */
  private static final Map<String, AiLevel> POLICY =
      Map.of(
          "assisted-by", AiLevel.ASSISTED,
          "generated-by", AiLevel.GENERATED,
          "synthesized-by", AiLevel.GENERATED);

  /**
   * Session trailers, written by an agent run and naming the tool by their key. An agent that links
   * its session did the work itself, hence {@link AiLevel#GENERATED}.
   */
  private static final Map<String, String> SESSIONS =
      Map.of("claude-session", "Claude Code", "agent-logs-url", "GitHub Copilot");

  /** Entire records every agent session under a family of keys: Entire-Session, -Agent, … */
  private static final String ENTIRE_PREFIX = "entire-";

  /** {@code Made-with: Cursor}: a session trailer naming the tool in its value. */
  private static final String MADE_WITH = "made-with";

  private static final String CO_AUTHOR = "co-authored-by";
  private static final String SIGN_OFF = "signed-off-by";

  /** The Linux kernel form {@code AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2]}. */
  private static final Pattern KERNEL =
      Pattern.compile("^(?<agent>[^:\\s]+):(?<model>\\S+)(?<tools>(?:\\s+\\S+)*)\\s*$");

  /**
   * {@code TOOL:MODEL} with a spaced tool name, as in {@code Assisted-by: Claude Code:Claude Opus
   * 4.5}: the form of the canonical trailer this package suggests, so it reads back the same.
   */
  private static final Pattern NAMED_TOOL =
      Pattern.compile("^(?<tool>[^:]+):\\s*(?<model>[^:\\s][^:]*)$");

  private static final Pattern LINE =
      Pattern.compile("^\\s*(?<key>[A-Za-z][A-Za-z0-9-]*)\\s*:\\s*(?<value>\\S.*)$");

  private static final Pattern PERSON = Pattern.compile("^(?<name>.*?)\\s*<(?<email>[^>]*)>\\s*$");

  /** Aider names its model in the co-author: {@code aider (gpt-4o) <noreply@aider.chat>}. */
  private static final Pattern AIDER_MODEL =
      Pattern.compile("(?i)^aider\\s*\\((?<model>[^)]+)\\)\\s*$");

  @Override
  public List<Hit> find(Commit commit) {
    List<Hit> hits = new ArrayList<>();
    for (Trailer t : commit.trailers()) {
      match(t.key(), t.value(), t.key().strip() + ": " + t.value().strip(), Source.TRAILER)
          .ifPresent(hits::add);
    }
    return hits;
  }

  /** A trailer-shaped line ({@code Key: value}) anywhere in a text, such as a PR body. */
  static Optional<Hit> matchLine(String line, Source where) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    return match(m.group("key"), m.group("value"), line, where);
  }

  /** The key and value of a trailer-shaped line, lower case and trimmed, to compare with. */
  static Optional<String> identity(String line) {
    Matcher m = LINE.matcher(line);
    return m.matches() ? Optional.of(identity(m.group("key"), m.group("value"))) : Optional.empty();
  }

  static String identity(String key, String value) {
    return key.strip().toLowerCase(Locale.ROOT) + ":" + value.strip().toLowerCase(Locale.ROOT);
  }

  private static Optional<Hit> match(String key, String value, String evidence, Source where) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    String v = value.strip();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (POLICY.containsKey(k)) {
      return Optional.of(policy(v, POLICY.get(k), evidence, where));
    }
    if (SESSIONS.containsKey(k)) {
      return Optional.of(session(SESSIONS.get(k), evidence, where));
    }
    if (k.startsWith(ENTIRE_PREFIX)) {
      // Entire-Agent names the agent Entire recorded; the other keys only name Entire.
      String tool = k.equals("entire-agent") ? Tools.exact(v).orElse("Entire") : "Entire";
      return Optional.of(session(tool, evidence, where));
    }
    if (k.equals(MADE_WITH)) {
      return Tools.exact(v).map(tool -> session(tool, evidence, where));
    }
    if (k.equals(CO_AUTHOR)) {
      return coAuthor(v, evidence, where);
    }
    if (k.equals(SIGN_OFF)) {
      // The kernel forbids an AI sign-off: it is a finding of its own, whatever else is there.
      Source source = where == Source.PR_BODY ? Source.PR_BODY : Source.SIGNED_OFF_BY;
      return coAuthor(v, evidence, source);
    }
    return Optional.empty();
  }

  private static Hit policy(String value, AiLevel level, String evidence, Source where) {
    Matcher kernel = KERNEL.matcher(value);
    if (kernel.matches() && !kernel.group("model").startsWith("//")) {
      String agent = kernel.group("agent");
      Optional<String> tool = Tools.exact(agent).or(() -> Optional.of(agent));
      return Hit.declared(where, tool, Optional.of(kernel.group("model")), level, evidence);
    }
    Matcher named = NAMED_TOOL.matcher(value);
    if (named.matches()) {
      Optional<String> tool = Tools.exact(named.group("tool"));
      if (tool.isPresent()) {
        return Hit.declared(
            where, tool, Optional.of(named.group("model").strip()), level, evidence);
      }
    }
    return Hit.declared(
        where, Tools.exact(value).or(() -> Tools.find(value)), Models.find(value), level, evidence);
  }

  private static Hit session(String tool, String evidence, Source where) {
    return Hit.declared(where, Optional.of(tool), Optional.empty(), AiLevel.GENERATED, evidence);
  }

  /** A co-author (or sign-off) is a signal when it is an AI agent, never when it is a person. */
  private static Optional<Hit> coAuthor(String value, String evidence, Source where) {
    Person person = person(value);
    return AgentIdentities.namedTool(person)
        .map(
            tool ->
                Hit.declared(
                    where, Optional.of(tool), model(person.name()), AiLevel.ASSISTED, evidence));
  }

  private static Optional<String> model(String name) {
    Matcher aider = AIDER_MODEL.matcher(name.strip());
    return aider.matches() ? Optional.of(aider.group("model").strip()) : Models.find(name);
  }

  private static Person person(String value) {
    Matcher m = PERSON.matcher(value);
    return m.matches() ? new Person(m.group("name"), m.group("email")) : new Person(value, "");
  }
}
