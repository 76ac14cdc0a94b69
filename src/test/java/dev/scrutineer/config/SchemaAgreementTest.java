package dev.scrutineer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.scrutineer.model.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code schema/scrutineer.schema.json} and {@link ConfigLoader} describe the same format: what one
 * accepts the other accepts, and the few checks a schema cannot express are listed here.
 */
class SchemaAgreementTest {
  private static final Path SCHEMA = Path.of("schema/scrutineer.schema.json");
  private static final Path BUILTIN_RULES =
      Path.of("src/main/resources/dev/scrutineer/analysis/surface/builtin-rules.yml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String RULE =
      """
      rules:
        - id: payments.ledger
          surface: data-access
          title: Ledger writes
          because: Ledger rows are money.
      """;

  static final List<String> GOOD =
      List.of(
          "version: 1\n",
          "silence: [deps.npm, ci.github-actions]\n",
          "rules: []\n",
          RULE + "    paths: [\"src/main/java/**/ledger/**\"]\n",
          RULE + "    content: ['ledger\\.insert']\n",
          RULE
              + """
                  paths: ["src/**"]
                  exclude-paths: ["**/test/**"]
                  content: ['UPDATE\\s+ledger']
                  exclude-tests: true
                  match-comments: false
              silence: [payments.ledger]
              version: 1
              """,
          """
          policy:
            low: {approvals: 1}
            high:
              min-score: 0.45
              when:
                ai-level: generated
                surfaces: [authn-authz, migration]
                entry-points-reached: 5
                services-reached: 2
                lines-changed: 1000
                paths: ["src/main/java/**/billing/**"]
              approvals: 3
              code-owners: touched-and-reached
              surface-reviewers:
                authn-authz: ["@shop/security", "@sam", lead@shop.example]
              evidence: [tests-reach-change, rollout-plan]
              disclosure: required
            critical: {}
          """,
          "policy:\n  medium:\n    when: {}\n    disclosure: none\n");

  static final List<String> BAD =
      List.of(
          "version: 2\n",
          "version: \"1\"\n",
          "colour: blue\n",
          "- rules\n",
          "rules: {}\n",
          "rules:\n",
          "silence: deps.npm\n",
          "silence: [Deps.NPM]\n",
          "silence: [deps.npm, deps.npm]\n",
          RULE,
          RULE + "    paths: []\n",
          RULE + "    paths: \"src/**\"\n",
          RULE + "    paths: [\"!src/**\"]\n",
          RULE + "    content: []\n",
          RULE + "    content: [42]\n",
          RULE + "    paths: [a]\n    contnet: [b]\n",
          RULE + "    paths: [a]\n    exclude-tests: \"yes\"\n",
          RULE.replace("data-access", "database") + "    paths: [a]\n",
          RULE.replace("title: Ledger writes", "title: 2024") + "    paths: [a]\n",
          RULE.replace("    title: Ledger writes\n", "") + "    paths: [a]\n",
          RULE.replace("payments.ledger", "Payments_Ledger") + "    paths: [a]\n",
          "policy:\n  urgent: {approvals: 3}\n",
          "policy:\n  high: {aprovals: 3}\n",
          "policy:\n  high: {approvals: -1}\n",
          "policy:\n  high: {approvals: two}\n",
          "policy:\n  high: {min-score: 1.5}\n",
          "policy:\n  high: {code-owners: everyone}\n",
          "policy:\n  high: {evidence: [vibes]}\n",
          "policy:\n  high: {disclosure: maybe}\n",
          "policy:\n  high: {when: {ai-level: lots}}\n",
          "policy:\n  high: {when: {entry-points-reached: 0}}\n",
          "policy:\n  high: {when: {surfaces: [database]}}\n",
          "policy:\n  high: {when: {colour: red}}\n",
          "policy:\n  high: {surface-reviewers: {database: [\"@a\"]}}\n",
          "policy:\n  high: {surface-reviewers: {authn-authz: [security-team]}}\n",
          "policy:\n  high: {surface-reviewers: {authn-authz: []}}\n",
          "policy: [high]\n",
          "policy:\n  high: {evidence: [rollout-plan, rollout-plan]}\n");

  /** What only the loader can see: regexes, uniqueness across items, degenerate patterns. */
  static final List<String> LOADER_ONLY =
      List.of(
          RULE + "    content: ['ledger\\.insert(']\n",
          RULE + "    content: ['x*']\n",
          RULE
              + "    paths: [a]\n  - id: payments.ledger\n    surface: config\n    title: T\n"
              + "    because: B.\n    paths: [b]\n",
          "policy:\n  high: {approvals: 0}\n",
          "policy:\n  critical: {code-owners: none}\n");

  @ParameterizedTest
  @FieldSource("GOOD")
  void goodConfigurationsPassBoth(String yaml) {
    assertThat(ConfigLoader.load(yaml, "scrutineer.yml")).isNotNull();
    assertThat(validate(yaml)).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("BAD")
  void badConfigurationsFailBoth(String yaml) {
    assertThatThrownBy(() -> ConfigLoader.load(yaml, "scrutineer.yml"))
        .isInstanceOf(ConfigException.class);
    assertThat(validate(yaml)).isNotEmpty();
  }

  @ParameterizedTest
  @FieldSource("LOADER_ONLY")
  void someMistakesOnlyTheLoaderCanSee(String yaml) {
    assertThatThrownBy(() -> ConfigLoader.load(yaml, "scrutineer.yml"))
        .isInstanceOf(ConfigException.class);
    assertThat(validate(yaml)).isEmpty();
  }

  @Test
  void theBuiltInRulesAreAValidConfigurationFile() throws IOException {
    assertThat(validate(Files.readString(BUILTIN_RULES))).isEmpty();
  }

  @Test
  void theBuiltInPolicyIsAValidConfigurationFile() throws IOException {
    assertThat(
            validate(
                Files.readString(
                    Path.of("src/main/resources/dev/scrutineer/config/default-policy.yml"))))
        .isEmpty();
  }

  @Test
  void theSchemaListsEveryPolicyKey() throws IOException {
    JsonNode schema = JSON.readTree(SCHEMA.toFile());
    assertThat(names(schema.at("/$defs/tier/properties")))
        .containsExactlyElementsOf(PolicyBinder.TIER_KEYS);
    assertThat(names(schema.at("/$defs/tier/properties/when/properties")))
        .containsExactlyElementsOf(PolicyBinder.WHEN_KEYS);
    assertThat(schema.at("/$defs/surface/enum"))
        .isEqualTo(schema.at("/$defs/rule/properties/surface/enum"));
  }

  @Test
  void theSchemaListsEverySurfaceAndEveryKey() throws IOException {
    JsonNode schema = JSON.readTree(SCHEMA.toFile());
    JsonNode rule = schema.at("/$defs/rule/properties");
    assertThat(names(schema.at("/properties")))
        .containsExactlyElementsOf(ConfigLoader.sectionKeys());
    assertThat(names(rule)).containsExactlyElementsOf(ConfigLoader.RULE_KEYS);
    List<String> surfaces = new ArrayList<>();
    rule.at("/surface/enum").forEach(n -> surfaces.add(n.asText()));
    assertThat(surfaces)
        .containsExactlyElementsOf(Arrays.stream(Surface.values()).map(Surface::id).toList());
    assertThat(schema.at("/$defs/ruleId/pattern").asText())
        .isEqualTo("^" + RuleSpec.ID_FORMAT.pattern().replace("(?:", "(") + "$");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<ValidationMessage> validate(String yaml) {
    try {
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(Files.newInputStream(SCHEMA));
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      return schema.validate(JSON.valueToTree(document));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
