package dev.scrutineer.config;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Surface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds the {@code policy:} section.
 *
 * <pre>{@code
 * policy:
 *   high:                        # low, medium, high or critical
 *     min-score: 0.4             # a risk score from which a change is at least this tier
 *     when:                      # any one puts a change in this tier whatever its score
 *       ai-level: generated      # AI assistance at least this level
 *       surfaces: [authn-authz]  # any of these touched
 *       entry-points-reached: 5  # at least this many
 *       services-reached: 2
 *       lines-changed: 1000
 *       paths: ["src/main/java/**}{@code /billing/**"]
 *     approvals: 2               # human approvals on the current head
 *     code-owners: touched-and-reached   # none, touched or touched-and-reached
 *     surface-reviewers: {authn-authz: ["@org/security"]}
 *     evidence: [tests-reach-change, rollout-plan, drill-acknowledged]
 *     disclosure: required       # AI assistance must be declared; or: none
 * }</pre>
 */
final class PolicyBinder {
  static final List<String> TIER_KEYS =
      List.of(
          "min-score",
          "when",
          "approvals",
          "code-owners",
          "surface-reviewers",
          "evidence",
          "disclosure");

  static final List<String> WHEN_KEYS =
      List.of(
          "ai-level",
          "surfaces",
          "entry-points-reached",
          "services-reached",
          "lines-changed",
          "paths");

  /**
   * A user ({@code @octocat}), a team ({@code @org/team}) or an email, as CODEOWNERS names them.
   */
  static final Pattern REVIEWER =
      Pattern.compile("@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?|[^@\\s]+@[^@\\s]+");

  private PolicyBinder() {}

  /** Reads the built-in policy: every tier written, on top of nothing. */
  static PolicySpec builtin(String text, String source) {
    Node root = SafeYaml.compose(text, source, ConfigLoader.MAX_BYTES).orElseThrow();
    YamlValue.Mapping top = new YamlValue(root, source, "").asMapping("policy:");
    List<TierSpec> empty = new ArrayList<>();
    for (RiskTier tier : RiskTier.values()) {
      empty.add(TierSpec.empty(tier, new SourceLine(source, 1)));
    }
    return bind(top.require("policy", "policy:"), new PolicySpec(empty));
  }

  /**
   * Each key a tier writes in {@code value} replaces that key of {@code base}'s tier (a {@code
   * when:} replaces all of the base's triggers); the keys and tiers it does not write stay.
   */
  static PolicySpec bind(YamlValue value, PolicySpec base) {
    YamlValue.Mapping tiers =
        value.asMapping("write policy: with tiers, such as high: {approvals: 2}");
    List<String> tierIds = Arrays.stream(RiskTier.values()).map(RiskTier::id).toList();
    tiers.allowOnly(tierIds);
    List<TierSpec> bound = new ArrayList<>(base.tiers());
    Map<RiskTier, YamlValue> written = new EnumMap<>(RiskTier.class);
    for (RiskTier tier : RiskTier.values()) {
      Optional<YamlValue> tierValue = tiers.get(tier.id());
      if (tierValue.isPresent()) {
        bound.set(tier.ordinal(), tier(base.tier(tier), tierValue.get()));
        written.put(tier, tierValue.get());
      }
    }
    checkMonotonic(bound, written);
    return new PolicySpec(bound);
  }

  /**
   * A higher tier that writes fewer approvals or narrower code owners than a lower one is almost
   * certainly a misunderstanding: tiers only add scrutiny, so say so at the line. A tier that
   * leaves a key out keeps the lower tiers' value.
   */
  private static void checkMonotonic(List<TierSpec> tiers, Map<RiskTier, YamlValue> written) {
    for (int high = 1; high < tiers.size(); high++) {
      TierSpec upper = tiers.get(high);
      YamlValue at = written.get(upper.tier());
      if (at == null) {
        continue;
      }
      YamlValue.Mapping keys = at.asMapping("");
      for (TierSpec lower : tiers.subList(0, high)) {
        Optional<YamlValue> approvals = keys.get("approvals");
        if (approvals.isPresent() && upper.approvals() < lower.approvals()) {
          throw approvals
              .get()
              .error(
                  "policy."
                      + upper.tier().id()
                      + " asks for "
                      + upper.approvals()
                      + " approval(s), fewer than policy."
                      + lower.tier().id()
                      + "'s "
                      + lower.approvals(),
                  "a higher tier only adds scrutiny: write approvals: "
                      + lower.approvals()
                      + " or more, or leave it out to keep the lower tier's");
        }
        Optional<YamlValue> owners = keys.get("code-owners");
        if (owners.isPresent() && upper.codeOwners().compareTo(lower.codeOwners()) < 0) {
          throw owners
              .get()
              .error(
                  "policy."
                      + upper.tier().id()
                      + " asks code-owners: "
                      + upper.codeOwners().id()
                      + ", less than policy."
                      + lower.tier().id()
                      + "'s "
                      + lower.codeOwners().id(),
                  "a higher tier only adds scrutiny: write code-owners: "
                      + lower.codeOwners().id()
                      + " or more, or leave it out to keep the lower tier's");
        }
      }
    }
  }

  private static TierSpec tier(TierSpec base, YamlValue value) {
    RiskTier tier = base.tier();
    YamlValue.Mapping m = value.asMapping("write " + tier.id() + ": {approvals: 2}");
    m.allowOnly(TIER_KEYS);
    OptionalDouble minScore = base.minScore();
    Optional<YamlValue> score = m.get("min-score");
    if (score.isPresent()) {
      double s = score.get().asDouble("write min-score: 0.4 (a risk score from 0 to 1)");
      if (!(s >= 0 && s <= 1)) {
        throw score.get().error("min-score " + s + " is outside 0..1", "write a score from 0 to 1");
      }
      minScore = OptionalDouble.of(s);
    }
    Triggers when = m.get("when").map(PolicyBinder::when).orElse(base.when());
    int approvals = m.get("approvals").map(v -> count(v, "approvals: 2")).orElse(base.approvals());
    CodeOwnersScope owners =
        m.get("code-owners")
            .map(
                v ->
                    byId(
                        v,
                        CodeOwnersScope::byId,
                        Arrays.stream(CodeOwnersScope.values()).map(CodeOwnersScope::id).toList()))
            .orElse(base.codeOwners());
    Map<Surface, List<String>> reviewers =
        m.get("surface-reviewers")
            .map(PolicyBinder::surfaceReviewers)
            .orElse(base.surfaceReviewers());
    List<EvidenceKind> evidence =
        m.get("evidence").map(PolicyBinder::evidence).orElse(base.evidence());
    boolean disclosure =
        m.get("disclosure").map(PolicyBinder::disclosure).orElse(base.disclosure());
    return new TierSpec(
        tier, minScore, when, approvals, owners, reviewers, evidence, disclosure, value.at());
  }

  private static List<EvidenceKind> evidence(YamlValue value) {
    List<EvidenceKind> evidence = new ArrayList<>();
    for (YamlValue item : value.asList("write evidence: [tests-reach-change]")) {
      EvidenceKind kind =
          byId(
              item,
              EvidenceKind::byId,
              Arrays.stream(EvidenceKind.values()).map(EvidenceKind::id).toList());
      if (evidence.contains(kind)) {
        throw item.error(kind.id() + " is listed twice", "list each evidence once");
      }
      evidence.add(kind);
    }
    return evidence;
  }

  private static boolean disclosure(YamlValue value) {
    String id = value.asString("write disclosure: required, or disclosure: none");
    return switch (id) {
      case "required" -> true;
      case "none" -> false;
      default ->
          throw value.error(
              "unknown value " + ConfigException.quote(id) + " for " + value.name(),
              "expected one of: required, none");
    };
  }

  private static Triggers when(YamlValue value) {
    YamlValue.Mapping m = value.asMapping("write when: {ai-level: assisted}");
    m.allowOnly(WHEN_KEYS);
    Optional<AiLevel> ai =
        m.get("ai-level")
            .map(
                v ->
                    byId(
                        v,
                        id ->
                            Arrays.stream(AiLevel.values())
                                .filter(l -> l.id().equals(id))
                                .findFirst(),
                        Arrays.stream(AiLevel.values()).map(AiLevel::id).toList()));
    List<Surface> surfaces = new ArrayList<>();
    for (YamlValue item :
        m.get("surfaces").map(v -> v.asList("write surfaces: [authn-authz]")).orElse(List.of())) {
      surfaces.add(surface(item));
    }
    List<Glob> paths = new ArrayList<>();
    for (YamlValue item :
        m.get("paths").map(v -> v.asList("write paths: [\"src/billing/**\"]")).orElse(List.of())) {
      String pattern = item.asString("write a glob in quotes, such as \"src/billing/**\"");
      try {
        paths.add(Glob.compile(pattern));
      } catch (IllegalArgumentException e) {
        throw item.error(
            item.name()
                + " "
                + ConfigException.quote(pattern)
                + " is not a valid glob: "
                + e.getMessage(),
            "use ** for any directories, * within a name, ? for one character");
      }
    }
    return new Triggers(
        ai,
        surfaces,
        threshold(m.get("entry-points-reached")),
        threshold(m.get("services-reached")),
        threshold(m.get("lines-changed")),
        paths);
  }

  private static OptionalInt threshold(Optional<YamlValue> value) {
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    int n = count(value.get(), "a whole number, at least 1");
    if (n < 1) {
      throw value
          .get()
          .error(
              value.get().name() + " is " + n + ", which every change reaches",
              "write 1 or more, or remove it");
    }
    return OptionalInt.of(n);
  }

  private static int count(YamlValue value, String example) {
    int n = value.asInt("write " + example);
    if (n < 0) {
      throw value.error(value.name() + " is negative", "write " + example);
    }
    return n;
  }

  private static Map<Surface, List<String>> surfaceReviewers(YamlValue value) {
    YamlValue.Mapping m =
        value.asMapping("write surface-reviewers: {authn-authz: [\"@org/security\"]}");
    Map<Surface, List<String>> reviewers = new EnumMap<>(Surface.class);
    for (String key : m.keys()) {
      YamlValue list = m.get(key).orElseThrow();
      Surface surface =
          Surface.byId(key)
              .orElseThrow(
                  () ->
                      list.error(
                          "unknown surface " + ConfigException.quote(key) + " in " + value.name(),
                          "expected one of: " + surfaceIds()));
      List<String> names = new ArrayList<>();
      for (YamlValue item : list.asList("write " + key + ": [\"@org/team\", \"@user\"]")) {
        String name = item.asString("write \"@org/team\", \"@user\" or an email, in quotes");
        if (!REVIEWER.matcher(name).matches()) {
          throw item.error(
              ConfigException.quote(name) + " is not a user, team or email",
              "write \"@user\", \"@org/team\" or name@example.com, as in CODEOWNERS");
        }
        names.add(name.toLowerCase(java.util.Locale.ROOT));
      }
      if (names.isEmpty()) {
        throw list.error(
            list.name() + " names nobody", "name at least one reviewer, or remove " + key);
      }
      reviewers.put(surface, names);
    }
    return reviewers;
  }

  private static Surface surface(YamlValue item) {
    String id = item.asString("write a surface id, such as authn-authz");
    return Surface.byId(id)
        .orElseThrow(
            () ->
                item.error(
                    "unknown surface " + ConfigException.quote(id) + " in " + item.name(),
                    "expected one of: " + surfaceIds()));
  }

  private static <T> T byId(
      YamlValue value, java.util.function.Function<String, Optional<T>> lookup, List<String> ids) {
    String id = value.asString("write one of: " + String.join(", ", ids));
    return lookup
        .apply(id)
        .orElseThrow(
            () -> {
              String hint =
                  Suggest.closest(id, ids).map(s -> " (did you mean '" + s + "'?)").orElse("");
              return value.error(
                  "unknown value " + ConfigException.quote(id) + " for " + value.name() + hint,
                  "expected one of: " + String.join(", ", ids));
            });
  }

  private static String surfaceIds() {
    return Arrays.stream(Surface.values()).map(Surface::id).collect(Collectors.joining(", "));
  }
}
