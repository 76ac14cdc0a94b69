package dev.scrutineer.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contents of {@code scrutineer.yml}, validated. {@link #defaults()} is what a repository
 * without the file gets: nothing added, nothing silenced, the built-in policy.
 *
 * <p>To add a top-level section: add a component here (with its default in {@link #defaults()}),
 * and a binder for its key in {@link ConfigLoader}; the JSON schema in {@code
 * schema/scrutineer.schema.json} gets the same key.
 *
 * @param version the format version; only 1 exists
 * @param rules surface rules added to the built-in ones, in file order
 * @param silence rule ids switched off, in file order
 * @param policy the required scrutiny per tier: the built-in policy with the tiers the file writes
 *     replaced
 */
public record ScrutineerConfig(
    int version, List<RuleSpec> rules, List<Silence> silence, PolicySpec policy) {
  public static final int CURRENT_VERSION = 1;

  public ScrutineerConfig {
    if (version != CURRENT_VERSION) {
      throw new IllegalArgumentException("unsupported config version " + version);
    }
    rules = List.copyOf(rules);
    silence = List.copyOf(silence);
    java.util.Objects.requireNonNull(policy, "policy");
  }

  /** The configuration of a repository without {@code scrutineer.yml}. */
  public static ScrutineerConfig defaults() {
    return new ScrutineerConfig(CURRENT_VERSION, List.of(), List.of(), PolicySpec.builtin());
  }

  /** The ids listed under {@code silence:}. */
  public Set<String> silencedIds() {
    return silence.stream().map(Silence::ruleId).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Checks the rule ids of this configuration against the rules that exist without it: a configured
   * rule must not reuse a built-in id, and every silenced id must name a built-in or a configured
   * rule, because a silence that matches nothing is a mistake (usually a typo) that would otherwise
   * pass unnoticed.
   *
   * @param builtinIds the ids of every built-in rule of the analyses that read this configuration
   * @throws ConfigException at the line of the first offending rule or silence
   */
  public void checkRuleIds(Collection<String> builtinIds) {
    Set<String> known = new HashSet<>(builtinIds);
    for (RuleSpec rule : rules) {
      if (builtinIds.contains(rule.id())) {
        throw new ConfigException(
            rule.origin(),
            "rule id " + ConfigException.quote(rule.id()) + " is already a built-in rule's id",
            "choose another id (to replace the built-in rule, also list "
                + rule.id()
                + " under silence)");
      }
      known.add(rule.id());
    }
    for (Silence s : silence) {
      if (!known.contains(s.ruleId())) {
        String hint =
            Suggest.closest(s.ruleId(), known)
                .map(id -> " (did you mean '" + id + "'?)")
                .orElse("");
        throw new ConfigException(
            s.origin(),
            "silence lists "
                + ConfigException.quote(s.ruleId())
                + ", which is neither a built-in nor a configured rule"
                + hint,
            "correct or remove it: a silence that matches no rule is a mistake");
      }
    }
  }
}
