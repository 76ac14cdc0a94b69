package dev.scrutineer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.Surface;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  private static final String FILE = "scrutineer.yml";

  private static ScrutineerConfig load(String yaml) {
    return ConfigLoader.load(yaml, FILE);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertError(String yaml) {
    return assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# nothing configured yet\n", "---\n", "\n\n  \n", "\uFEFF"})
  void anEmptyFileMeansTheDefaults(String yaml) {
    assertThat(load(yaml)).isEqualTo(ScrutineerConfig.defaults());
    assertThat(ScrutineerConfig.defaults().rules()).isEmpty();
    assertThat(ScrutineerConfig.defaults().silence()).isEmpty();
  }

  @Test
  void readsRulesAndSilences() {
    ScrutineerConfig config =
        load(
            """
            version: 1
            rules:
              - id: payments.ledger
                surface: data-access
                title: Ledger writes
                because: Ledger rows are money; a wrong write is a financial incident.
                paths: ["src/main/java/**/ledger/**"]
                exclude-paths: ["**/test/**"]
                content: ['ledger\\.insert', "UPDATE\\\\s+ledger"]
                exclude-tests: true
                match-comments: true
            silence: [deps.npm, ci.github-actions]
            """);

    assertThat(config.version()).isEqualTo(1);
    assertThat(config.rules()).hasSize(1);
    RuleSpec rule = config.rules().get(0);
    assertThat(rule.id()).isEqualTo("payments.ledger");
    assertThat(rule.surface()).isEqualTo(Surface.DATA_ACCESS);
    assertThat(rule.title()).isEqualTo("Ledger writes");
    assertThat(rule.because()).startsWith("Ledger rows are money");
    assertThat(rule.paths())
        .extracting(Glob::pattern)
        .containsExactly("src/main/java/**/ledger/**");
    assertThat(rule.excludePaths()).extracting(Glob::pattern).containsExactly("**/test/**");
    assertThat(rule.content())
        .extracting(Pattern::pattern)
        .containsExactly("ledger\\.insert", "UPDATE\\s+ledger");
    assertThat(rule.excludeTests()).isTrue();
    assertThat(rule.matchComments()).isTrue();
    assertThat(rule.origin()).isEqualTo(new SourceLine(FILE, 3));
    assertThat(rule.appliesTo("src/main/java/com/acme/ledger/LedgerDao.java")).isTrue();
    assertThat(rule.appliesTo("src/main/java/com/acme/billing/Invoice.java")).isFalse();
    assertThat(config.silencedIds()).containsExactlyInAnyOrder("deps.npm", "ci.github-actions");
    assertThat(config.silence()).extracting(Silence::origin).containsOnly(new SourceLine(FILE, 12));
  }

  @Test
  void optionalRuleKeysHaveQuietDefaults() {
    RuleSpec rule =
        load("""
                rules:
                  - id: team.docs
                    surface: config
                    title: Docs
                    because: Docs matter.
                    paths: ["docs/**"]
                """)
            .rules()
            .get(0);
    assertThat(rule.excludePaths()).isEmpty();
    assertThat(rule.content()).isEmpty();
    assertThat(rule.pathOnly()).isTrue();
    assertThat(rule.excludeTests()).isFalse();
    assertThat(rule.matchComments()).isFalse();
  }

  @Test
  void unknownKeyNamesTheLineTheRuleAndTheValidKeys() {
    assertError(
            """
            rules:
              - id: a.one
                surface: config
                title: One
                because: Reasons.
                paths: [a]
              - id: a.two
                surface: config
                title: Two
                because: Reasons.
                paths: [b]
              - id: a.three
                surface: config
                title: Three
                because: Reasons.
                contnet: [x]
            """)
        .hasMessage(
            "scrutineer.yml:16: unknown key 'contnet' in rules[2] (did you mean 'content'?);"
                + " expected one of: id, surface, title, because, paths, exclude-paths, content,"
                + " exclude-tests, match-comments");
  }

  @Test
  void unknownTopLevelKeySuggestsTheSection() {
    assertError("version: 1\nrule: []\n")
        .hasMessage(
            "scrutineer.yml:2: unknown key 'rule' at the top level (did you mean 'rules'?);"
                + " expected one of: version, rules, silence, policy");
    assertError("colour: blue\n")
        .hasMessage(
            "scrutineer.yml:1: unknown key 'colour' at the top level; expected one of: version,"
                + " rules, silence, policy");
  }

  @Test
  void badRegexNamesItsLine() {
    assertError(
            """
            rules:
              - id: payments.ledger
                surface: data-access
                title: Ledger
                because: Money.
                content:
                  - 'ledger\\.update'
                  - 'ledger\\.insert('
            """)
        .hasMessageStartingWith(
            "scrutineer.yml:8: rules[0].content[1] 'ledger\\.insert(' is not a valid regular"
                + " expression: Unclosed group")
        .hasMessageContaining("; fix the pattern");
  }

  @Test
  void aRegexThatMatchesEveryLineIsAMistake() {
    assertError(
            """
            rules:
              - id: all.lines
                surface: config
                title: Everything
                because: Why not.
                content: ['x*']
            """)
        .hasMessageStartingWith("scrutineer.yml:6: rules[0].content[0] 'x*' matches every line;");
  }

  @Test
  void badGlobNamesItsLine() {
    assertError(
            """
            rules:
              - id: neg.glob
                surface: config
                title: Negated
                because: Reasons.
                paths:
                  - "src/**"
                  - "!src/test/**"
            """)
        .hasMessageStartingWith(
            "scrutineer.yml:8: rules[0].paths[1] '!src/test/**' is not a valid glob: '!' negation"
                + " is not supported");
  }

  @Test
  void unknownSurfaceListsTheValidOnes() {
    assertError(
            """
            rules:
              - id: payments.ledger
                surface: database
                title: Ledger
                because: Money.
                paths: ["**/ledger/**"]
            """)
        .hasMessage(
            "scrutineer.yml:3: unknown surface 'database' in rules[0]; expected one of:"
                + " authn-authz, crypto-secrets, data-access, migration, infrastructure, ci-cd,"
                + " dependencies, concurrency, error-handling, public-api, config, agent-config");
  }

  @Test
  void duplicateKeysAreErrorsAtTheSecondOne() {
    assertError(
            """
            rules:
              - id: payments.ledger
                surface: data-access
                title: Ledger
                because: Money.
                paths: ["a/**"]
                paths: ["b/**"]
            """)
        .hasMessage(
            "scrutineer.yml:7: duplicate key 'paths' in rules[0] (first written at line 6); keep"
                + " only one of them");
    assertError("silence: [deps.npm]\nversion: 1\nsilence: [deps.go]\n")
        .hasMessage(
            "scrutineer.yml:3: duplicate key 'silence' at the top level (first written at line 1);"
                + " keep only one of them");
  }

  @Test
  void duplicateRuleIdsAreErrors() {
    assertError(
            """
            rules:
              - id: team.rule
                surface: config
                title: A
                because: A.
                paths: [a]
              - id: team.rule
                surface: config
                title: B
                because: B.
                paths: [b]
            """)
        .hasMessage(
            "scrutineer.yml:7: rule id 'team.rule' is used twice (first at line 2); give each rule"
                + " its own id");
  }

  @Test
  void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
    String rule =
        """
        rules:
          - id: team.rule
            surface: config
            title: A
            because: A.
        """;
    assertError(rule + "    paths: \"src/**\"\n")
        .hasMessage(
            "scrutineer.yml:6: rules[0].paths must be a list, not a string; write paths:"
                + " [\"src/main/**/ledger/**\"]");
    assertError(rule + "    paths: [src]\n    exclude-tests: \"yes\"\n")
        .hasMessage(
            "scrutineer.yml:7: rules[0].exclude-tests must be true or false, not a string;"
                + " write exclude-tests: true or exclude-tests: false, unquoted");
    assertError(rule + "    paths: [42]\n")
        .hasMessageStartingWith(
            "scrutineer.yml:6: rules[0].paths[0] must be a string, not a number;");
    assertError(rule + "    paths:\n")
        .hasMessageStartingWith("scrutineer.yml:6: rules[0].paths must be a list, not empty;");
    assertError("rules:\n  id: team.rule\n")
        .hasMessageStartingWith("scrutineer.yml:2: rules must be a list, not a mapping;");
    assertError("rules:\n  - team.rule\n")
        .hasMessageStartingWith("scrutineer.yml:2: rules[0] must be a mapping, not a string;");
    assertError("silence: deps.npm\n")
        .hasMessage(
            "scrutineer.yml:1: silence must be a list, not a string; write silence: [deps.npm,"
                + " ci.github-actions]");
    assertError("- rules\n")
        .hasMessage(
            "scrutineer.yml:1: the top level must be a mapping, not a list; start the file with a"
                + " key such as 'rules:' or 'silence:'")
        .hasMessageNotContaining("\n");
    assertError(
            """
            rules:
              - id: team.rule
                surface: config
                title: 2024
                because: A.
                paths: [a]
            """)
        .hasMessageStartingWith("scrutineer.yml:4: rules[0].title must be a string, not a number;");
  }

  @Test
  void requiredKeysAreNamedAtTheRule() {
    assertError(
            """
            rules:
              - id: team.rule
                surface: config
                because: A.
                paths: [a]
            """)
        .hasMessage("scrutineer.yml:2: rules[0] has no 'title'; add title: <a short name>");
    assertError(
            """
            rules:
              - id: team.rule
                surface: config
                title: A
                because: A.
            """)
        .hasMessageStartingWith(
            "scrutineer.yml:2: rule 'team.rule' has neither paths nor content; add paths:");
    assertError(
            """
            rules:
              - id: team.rule
                surface: config
                title: A
                because: A.
                paths: []
            """)
        .hasMessage(
            "scrutineer.yml:6: rules[0].paths is an empty list; add an entry or remove paths");
  }

  @Test
  void ruleIdsHaveOneSpelling() {
    assertError(
            """
            rules:
              - id: Team_Rule
                surface: config
                title: A
                because: A.
                paths: [a]
            """)
        .hasMessageStartingWith("scrutineer.yml:2: 'Team_Rule' is not a valid rule id;");
    assertError("silence: [Deps.NPM]\n")
        .hasMessageStartingWith("scrutineer.yml:1: 'Deps.NPM' is not a rule id;");
    assertError("silence:\n  - deps.npm\n  - deps.go\n  - deps.npm\n")
        .hasMessage(
            "scrutineer.yml:4: 'deps.npm' is silenced twice (first at line 2); list each rule id"
                + " once");
  }

  @Test
  void onlyVersionOneExists() {
    assertThat(load("version: 1\n").version()).isEqualTo(1);
    assertError("\nversion: 2\n")
        .hasMessage(
            "scrutineer.yml:2: version 2 is not supported; this Scrutineer reads version 1; write"
                + " version: 1 or upgrade Scrutineer");
    assertError("version: \"1\"\n")
        .hasMessage(
            "scrutineer.yml:1: version must be a whole number, not a string; write version: 1");
  }

  @Test
  void billionLaughsIsRejectedAtTheAliasThatGoesTooFar() {
    assertError(
            """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            """)
        .hasMessageStartingWith(
            "scrutineer.yml:4: more than 20 aliases to lists or mappings (an alias expansion like"
                + " this can exhaust memory);");
  }

  @Test
  void aFewAliasesToScalarsAndListsAreFine() {
    ScrutineerConfig config =
        load(
            """
            rules:
              - id: a.one
                surface: config
                title: &title Shared title
                because: &why Shared reason.
                paths: &paths ["a/**", "b/**"]
              - id: a.two
                surface: config
                title: *title
                because: *why
                paths: *paths
            """);
    assertThat(config.rules()).extracting(RuleSpec::title).containsOnly("Shared title");
    assertThat(config.rules().get(1).paths())
        .extracting(Glob::pattern)
        .containsExactly("a/**", "b/**");
  }

  @Test
  void deepNestingIsRejectedWhereItGoesTooDeep() {
    String deep = "rules:\n" + "  - [".repeat(1) + "[".repeat(25) + "]".repeat(26) + "\n";
    assertError(deep)
        .hasMessageStartingWith(
            "scrutineer.yml:2: lists and mappings are nested more than 20 levels deep;");
  }

  @Test
  void aRecursiveAliasIsRejected() {
    assertError("silence: &loop [a, *loop]\n")
        .hasMessageStartingWith(
            "scrutineer.yml:1: alias *loop refers to a list or mapping that contains it;");
  }

  @Test
  void tagsThatCouldConstructObjectsAreRejected() {
    assertError("version: 1\nsilence: !!javax.script.ScriptEngineManager [x]\n")
        .hasMessageStartingWith(
            "scrutineer.yml:2: the YAML tag '!!javax.script.ScriptEngineManager' is not allowed;");
    assertError("silence: [!custom deps.npm]\n")
        .hasMessageStartingWith("scrutineer.yml:1: the YAML tag '!custom' is not allowed;");
    assertThat(load("silence: [!!str deps.npm]\n").silencedIds()).containsExactly("deps.npm");
  }

  @Test
  void mergeKeysAreNotSupported() {
    assertError(
            """
            base: &base {surface: config}
            rules:
              - <<: *base
                id: a.one
            """)
        .hasMessageStartingWith("scrutineer.yml:1: unknown key 'base' at the top level");
    assertError(
            """
            rules:
              - id: a.one
                <<: {surface: config}
            """)
        .hasMessageStartingWith(
            "scrutineer.yml:3: merge keys ('<<') are not supported in rules[0];");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertError("silence: [deps.npm, deps.go\nversion: 1\n")
        .hasMessageStartingWith("scrutineer.yml:2: not valid YAML: ")
        .hasMessageContaining("at line 1)");
    assertError("version: 1\n---\nversion: 1\n")
        .hasMessageStartingWith("scrutineer.yml:2: not valid YAML: but found another document");
    assertError("rules:\n\t- id: x\n").hasMessageStartingWith("scrutineer.yml:2: not valid YAML:");
  }

  @Test
  void everyMessageIsOneLineWithWhatAndHowToFix() {
    List<String> broken =
        List.of(
            "rules: [",
            "silence: 'a\nb'",
            "rules:\n  - id: x\n    surface: \"multi\\nline\"\n",
            "\"key\\nwith\\nnewlines\": 1",
            "- a\n- b");
    for (String yaml : broken) {
      assertThatThrownBy(() -> load(yaml))
          .isInstanceOf(ConfigException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
                assertThat(e.getMessage()).startsWith(FILE + ":").contains("; ");
              });
    }
  }

  @Test
  void theExceptionCarriesSourceAndLine() {
    ConfigException e =
        (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> load("\n\nx: 1\n"));
    assertThat(e.source()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(OptionalInt.of(3));
    assertThat(new ConfigException("f.yml", "too big", "shrink it").line()).isEmpty();
    assertThat(new ConfigException("f.yml", "too big", "shrink it"))
        .hasMessage("f.yml: too big; shrink it");
  }

  @Test
  void loadsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("scrutineer.yml");
    Files.writeString(file, "silence:\n  - deps.npm\n");
    ScrutineerConfig config = ConfigLoader.load(file);
    assertThat(config.silencedIds()).containsExactly("deps.npm");
    assertThat(config.silence().get(0).origin()).isEqualTo(new SourceLine(file.toString(), 2));
  }

  @Test
  void aMissingFileIsAClearError(@TempDir Path dir) {
    Path file = dir.resolve("scrutineer.yml");
    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": file not found; check the path, or create the file");
  }

  @Test
  void aFileLargerThanTheLimitIsRejectedBeforeParsing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("scrutineer.yml");
    byte[] big = new byte[ConfigLoader.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) '#');
    Files.write(file, big);
    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": the file is larger than 1024 KiB;");
    assertThatThrownBy(() -> ConfigLoader.load("#".repeat(ConfigLoader.MAX_BYTES + 1), FILE))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(FILE + ": the file is larger than 1024 KiB;");
  }

  @Test
  void aFileThatIsNotUtf8IsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("scrutineer.yml");
    Files.write(file, "silence: [d\u00e9ps]\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": the file is not valid UTF-8; save it as UTF-8");
  }

  @Test
  void aByteOrderMarkIsIgnored(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("scrutineer.yml");
    Files.write(file, "\uFEFFsilence: [deps.npm]\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ConfigLoader.load(file).silencedIds()).containsExactly("deps.npm");
  }

  @Test
  void ruleIdsAreCheckedAgainstTheBuiltInOnes() {
    List<String> builtin = List.of("deps.npm", "ci.github-actions");
    ScrutineerConfig clash =
        load(
            """
            rules:
              - id: deps.npm
                surface: dependencies
                title: Mine
                because: Mine.
                paths: [package.json]
            """);
    assertThatThrownBy(() -> clash.checkRuleIds(builtin))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "scrutineer.yml:2: rule id 'deps.npm' is already a built-in rule's id; choose another"
                + " id (to replace the built-in rule, also list deps.npm under silence)");

    ScrutineerConfig typo = load("version: 1\nsilence: [deps.nmp]\n");
    assertThatThrownBy(() -> typo.checkRuleIds(builtin))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "scrutineer.yml:2: silence lists 'deps.nmp', which is neither a built-in nor a"
                + " configured rule (did you mean 'deps.npm'?); correct or remove it: a silence"
                + " that matches no rule is a mistake");

    ScrutineerConfig own =
        load(
            """
            rules:
              - id: team.rule
                surface: config
                title: A
                because: A.
                paths: [a]
            silence: [team.rule, deps.npm]
            """);
    own.checkRuleIds(builtin);
    assertThat(own.silencedIds()).containsExactlyInAnyOrder("team.rule", "deps.npm");
  }
}
