package dev.scrutineer.analysis.surface;

import static dev.scrutineer.analysis.surface.Changes.added;
import static dev.scrutineer.analysis.surface.Changes.change;
import static dev.scrutineer.analysis.surface.Changes.deleted;
import static dev.scrutineer.analysis.surface.Changes.line;
import static dev.scrutineer.analysis.surface.Changes.modified;
import static dev.scrutineer.analysis.surface.Changes.numbered;
import static dev.scrutineer.analysis.surface.Changes.renamed;
import static dev.scrutineer.analysis.surface.Changes.unreadable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.config.ConfigException;
import dev.scrutineer.config.ConfigLoader;
import dev.scrutineer.config.RuleSpec;
import dev.scrutineer.config.ScrutineerConfig;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Surface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SurfaceAnalyzerTest {
  private static final SurfaceAnalyzer DEFAULTS = new SurfaceAnalyzer(ScrutineerConfig.defaults());
  private static final String SERVICE = "src/main/java/com/acme/shop/OrderService.java";

  private static List<Finding> analyze(FileChange... files) {
    return DEFAULTS.analyze(change(files));
  }

  private static List<Finding> only(String ruleId, List<Finding> findings) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  private static Finding one(String ruleId, List<Finding> findings) {
    List<Finding> own = only(ruleId, findings);
    assertThat(own).as("findings of %s in %s", ruleId, findings).hasSize(1);
    return own.get(0);
  }

  @Test
  void aPathRuleGivesOneFindingPerFileWithThePathAsEvidence() {
    Finding finding =
        one("infra.dockerfile", analyze(added("Dockerfile", "FROM eclipse-temurin:21")));
    assertThat(finding.surface()).isEqualTo(Surface.INFRASTRUCTURE);
    assertThat(finding.title()).isEqualTo("Container image build");
    assertThat(finding.because()).contains("base image");
    assertThat(finding.path()).isEqualTo("Dockerfile");
    assertThat(finding.lines()).isEmpty();
    assertThat(finding.removed()).isFalse();
    assertThat(finding.evidence()).isEqualTo("Dockerfile");
    assertThat(finding.location()).isEqualTo("Dockerfile");
    assertThat(finding.fingerprint()).matches("[0-9a-f]{32}");
  }

  @Test
  void aContentRuleListsEveryMatchingLineAndQuotesTheFirst() {
    FileChange file =
        added(
            SERVICE,
            "class OrderService {",
            "  private final Map<Long, Order> cache = new ConcurrentHashMap<>();",
            "  void place(Order order) {",
            "    cache.put(order.id(), order);",
            "    COUNT.incrementAndGet();",
            "  }",
            "}");
    Finding finding = one("concurrency.shared-state", analyze(file));
    assertThat(finding.lines()).containsExactly(2, 5);
    assertThat(finding.evidence())
        .isEqualTo("private final Map<Long, Order> cache = new ConcurrentHashMap<>();");
    assertThat(finding.location()).isEqualTo(SERVICE + ":2");
  }

  @Test
  void lineNumbersAreCappedAndLongLinesCut() {
    String[] lines = new String[80];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "  volatile long counter" + i + "; // " + "x".repeat(300);
    }
    Finding finding = one("concurrency.locking", analyze(added(SERVICE, lines)));
    assertThat(finding.lines()).hasSize(SurfaceAnalyzer.MAX_LINES).startsWith(1, 2, 3).endsWith(50);
    assertThat(finding.evidence())
        .hasSize(Evidence.MAX_CHARS + 1)
        .startsWith("volatile long counter0;")
        .endsWith("…");
  }

  @Test
  void addedLinesArePreferredOverRemovedOnes() {
    FileChange edit =
        modified(
            SERVICE,
            List.of(line(10, "  @PreAuthorize(\"hasRole('ADMIN')\")")),
            List.of(line(12, "  @PreAuthorize(\"hasRole('USER')\")")));
    Finding finding = one("auth.method-security", analyze(edit));
    assertThat(finding.removed()).isFalse();
    assertThat(finding.lines()).containsExactly(12);
    assertThat(finding.evidence()).isEqualTo("@PreAuthorize(\"hasRole('USER')\")");
  }

  @Test
  void aRemovalAloneIsReportedWithBaseLineNumbers() {
    FileChange edit =
        modified(
            SERVICE,
            List.of(
                line(7, "  @PreAuthorize(\"hasRole('ADMIN')\")"),
                line(8, "  public void purge() {")),
            List.of(line(7, "  public void purge() {")));
    Finding finding = one("auth.method-security", analyze(edit));
    assertThat(finding.removed()).isTrue();
    assertThat(finding.lines()).containsExactly(7);
    assertThat(finding.evidence()).isEqualTo("@PreAuthorize(\"hasRole('ADMIN')\")");
  }

  @Test
  void aChangedOrRemovedPublicSignatureIsFlagged() {
    FileChange removal =
        modified(
            SERVICE, List.of(line(20, "  public void cancel(long id) {")), List.of(line(20, "")));
    Finding finding = one("api.java-signatures", analyze(removal));
    assertThat(finding.removed()).isTrue();
    assertThat(finding.lines()).containsExactly(20);
    assertThat(finding.surface()).isEqualTo(Surface.PUBLIC_API);
  }

  @Test
  void binaryAndOversizedFilesMatchPathRulesOnly() {
    FileChange keystore = unreadable("src/main/resources/keystore.jks", Content.BINARY);
    assertThat(one("secrets.key-files", analyze(keystore)).lines()).isEmpty();

    for (Content content : List.of(Content.BINARY, Content.TOO_LARGE, Content.SUBMODULE)) {
      FileChange code = unreadable(SERVICE, content, "  private volatile boolean running;");
      assertThat(only("concurrency.locking", analyze(code))).as(content.name()).isEmpty();
    }
    FileChange big = unreadable("src/main/resources/db/migration/V9__big.sql", Content.TOO_LARGE);
    assertThat(only("migration.flyway", analyze(big))).hasSize(1);
  }

  @Test
  void aDeletedFileIsMatchedByItsOldPathAndItsRemovedLines() {
    List<Finding> findings =
        analyze(
            deleted(".github/workflows/release.yml", "on: push"),
            deleted(SERVICE, "  @Secured(\"ROLE_ADMIN\")", "  void purge() {}"));
    assertThat(one("ci.github-actions", findings).path())
        .isEqualTo(".github/workflows/release.yml");
    Finding secured = one("auth.method-security", findings);
    assertThat(secured.removed()).isTrue();
    assertThat(secured.lines()).containsExactly(1);
  }

  @Test
  void aRenameIsMatchedByEitherPathAndReportedUnderTheNewOne() {
    List<Finding> out = analyze(renamed("k8s/api/deployment.yaml", "archive/api/deployment.yaml"));
    assertThat(one("infra.kubernetes", out).path()).isEqualTo("archive/api/deployment.yaml");
    List<Finding> in = analyze(renamed("archive/api/deployment.yaml", "k8s/api/deployment.yaml"));
    assertThat(one("infra.kubernetes", in).evidence()).isEqualTo("k8s/api/deployment.yaml");
  }

  @Test
  void commentOnlyLinesDoNotMatchCodeRules() {
    FileChange comments =
        added(
            SERVICE,
            "  // synchronized by the caller, see OrderLock",
            "  /* volatile on purpose */",
            "   * @PreAuthorize is checked by the facade",
            "  /** Uses a ConcurrentHashMap underneath. */");
    assertThat(analyze(comments))
        .extracting(Finding::ruleId)
        .doesNotContain("concurrency.locking", "auth.method-security", "concurrency.shared-state");
    FileChange yaml =
        added(
            "k8s/api/deployment.yaml",
            "          # privileged: true",
            "          privileged: true");
    assertThat(one("infra.workload-privileges", analyze(yaml)).lines()).containsExactly(2);
  }

  @Test
  void aCredentialInACommentIsStillACredential() {
    FileChange file = added(SERVICE, "  // String password = \"hunter2-prod\";");
    Finding finding = one("secrets.hardcoded", analyze(file));
    assertThat(finding.evidence()).isEqualTo("// String password = \"****\";");
  }

  @Test
  void testSourcesAreLeftOutOfCodeRulesButNotOutOfKeyRules() {
    String test = "src/test/java/com/acme/shop/OrderServiceTest.java";
    List<Finding> findings =
        analyze(
            added(
                test,
                "    } catch (IOException e) {",
                "    String pem = \"-----BEGIN PRIVATE KEY-----\";",
                "    // password = \"hunter2-test\""));
    assertThat(findings).extracting(Finding::ruleId).containsExactly("secrets.private-keys");
  }

  @Test
  void secretsAreMaskedInEvidenceAndFingerprints() {
    String first = "  private static final String DB_PASSWORD = \"hunter2-prod\";";
    String second = "  private static final String DB_PASSWORD = \"correct-horse\";";
    Finding a = one("secrets.hardcoded", analyze(added(SERVICE, first)));
    Finding b = one("secrets.hardcoded", analyze(added(SERVICE, second)));
    assertThat(a.evidence())
        .isEqualTo("private static final String DB_PASSWORD = \"****\";")
        .doesNotContain("hunter2");
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());

    Finding token =
        one(
            "secrets.token-formats",
            analyze(added("deploy/env.sh", "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE # ci")));
    assertThat(token.evidence()).isEqualTo("export AWS_ACCESS_KEY_ID=**** # ci");
  }

  @Test
  void userRulesAreAddedAndSilencedRulesRemoved() {
    ScrutineerConfig config =
        ConfigLoader.load(
            """
            rules:
              - id: payments.ledger
                surface: data-access
                title: Ledger writes
                because: Ledger rows are money; a wrong write is a financial incident.
                paths: ["src/main/java/**/ledger/**"]
                content: ['ledger\\.insert', 'UPDATE\\s+ledger']
            silence: [deps.npm, ci.github-actions]
            """,
            "scrutineer.yml");
    SurfaceAnalyzer analyzer = new SurfaceAnalyzer(config);
    assertThat(analyzer.rules())
        .extracting(RuleSpec::id)
        .contains("payments.ledger", "deps.maven")
        .doesNotContain("deps.npm", "ci.github-actions");
    assertThat(analyzer.rules()).hasSize(SurfaceAnalyzer.builtinRules().size() - 2 + 1);

    List<Finding> findings =
        analyzer.analyze(
            change(
                added(
                    "src/main/java/com/acme/ledger/LedgerWriter.java",
                    "class LedgerWriter {",
                    "    ledger.insert(entry);",
                    "}"),
                added("src/main/java/com/acme/billing/Invoices.java", "    ledger.insert(entry);"),
                added("package.json", "{}"),
                added(".github/workflows/ci.yml", "on: push")));
    Finding ledger = one("payments.ledger", findings);
    assertThat(ledger.surface()).isEqualTo(Surface.DATA_ACCESS);
    assertThat(ledger.path()).isEqualTo("src/main/java/com/acme/ledger/LedgerWriter.java");
    assertThat(ledger.lines()).containsExactly(2);
    assertThat(ledger.because()).startsWith("Ledger rows are money");
    assertThat(findings)
        .extracting(Finding::ruleId)
        .doesNotContain("deps.npm", "ci.github-actions");
  }

  @Test
  void silencingAnUnknownIdIsAnErrorAtItsLine() {
    ScrutineerConfig config =
        ConfigLoader.load(
            "version: 1\nsilence:\n  - deps.npm\n  - ci.githb-actions\n", "scrutineer.yml");
    assertThatThrownBy(() -> new SurfaceAnalyzer(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "scrutineer.yml:4: silence lists 'ci.githb-actions', which is neither a built-in nor a"
                + " configured rule (did you mean 'ci.github-actions'?); correct or remove it: a"
                + " silence that matches no rule is a mistake");
  }

  @Test
  void aUserRuleCannotTakeABuiltInId() {
    ScrutineerConfig config =
        ConfigLoader.load(
            """
            version: 1
            rules:
              - id: infra.dockerfile
                surface: infrastructure
                title: Our images
                because: Ours.
                paths: ["images/**"]
            """,
            "scrutineer.yml");
    assertThatThrownBy(() -> new SurfaceAnalyzer(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "scrutineer.yml:3: rule id 'infra.dockerfile' is already a built-in rule's id;");
  }

  @Test
  void aUserRuleCanBeSilencedToo() {
    ScrutineerConfig config =
        ConfigLoader.load(
            """
            rules:
              - id: team.docs
                surface: config
                title: Docs
                because: Docs change what people do.
                paths: ["docs/**"]
            silence: [team.docs]
            """,
            "scrutineer.yml");
    SurfaceAnalyzer analyzer = new SurfaceAnalyzer(config);
    assertThat(analyzer.rules()).extracting(RuleSpec::id).doesNotContain("team.docs");
    assertThat(analyzer.analyze(change(added("docs/a.md", "x")))).isEmpty();
  }

  @Test
  void theDefaultConfigurationAppliesEveryBuiltInRule() {
    assertThat(DEFAULTS.rules()).containsExactlyElementsOf(SurfaceAnalyzer.builtinRules());
    assertThat(DEFAULTS.analyze(change())).isEmpty();
  }

  @Test
  void fingerprintsIgnoreLineNumbersAndIndentation() {
    String code = "  private final Lock lock = new ReentrantLock();";
    Finding before = one("concurrency.locking", analyze(added(SERVICE, numbered(3, code))));
    Finding after =
        one("concurrency.locking", analyze(added(SERVICE, numbered(40, "\t\t" + code.strip()))));
    assertThat(before.lines()).containsExactly(3);
    assertThat(after.lines()).containsExactly(40);
    assertThat(after.fingerprint()).isEqualTo(before.fingerprint());

    Finding otherPath =
        one(
            "concurrency.locking",
            analyze(added("src/main/java/com/acme/shop/Other.java", numbered(3, code))));
    Finding otherLine =
        one(
            "concurrency.locking",
            analyze(added(SERVICE, numbered(3, "  private final Lock l2;"))));
    assertThat(otherPath.fingerprint()).isNotEqualTo(before.fingerprint());
    assertThat(otherLine.fingerprint()).isNotEqualTo(before.fingerprint());
    assertThat(before.fingerprint())
        .isEqualTo(Evidence.fingerprint("concurrency.locking", SERVICE, before.evidence()));
  }

  @Test
  void crlfLinesGiveTheSameFindingsAsLf() {
    List<FileChange> lf = new ArrayList<>();
    List<FileChange> crlf = new ArrayList<>();
    for (var example : BuiltinRulesTest.EXAMPLES) {
      lf.add(added(example.path(), "first line", example.line(), "last line"));
      crlf.add(added(example.path(), "first line\r", example.line() + "\r", "last line\r"));
    }
    List<Finding> expected = DEFAULTS.analyze(change(lf));
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(DEFAULTS.analyze(change(crlf))).isEqualTo(expected);
  }

  @Test
  void findingsAreSortedByPathThenRuleAndIndependentOfFileOrder() {
    List<FileChange> files = new ArrayList<>();
    for (var example : BuiltinRulesTest.EXAMPLES) {
      files.add(added(example.path(), example.line()));
    }
    List<Finding> expected = DEFAULTS.analyze(change(files));
    for (int i = 0; i < expected.size() - 1; i++) {
      Finding a = expected.get(i);
      Finding b = expected.get(i + 1);
      int byPath = a.path().compareTo(b.path());
      assertThat(byPath < 0 || (byPath == 0 && a.ruleId().compareTo(b.ruleId()) <= 0))
          .as("%s before %s", a.location() + " " + a.ruleId(), b.location() + " " + b.ruleId())
          .isTrue();
    }
    Random random = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<FileChange> shuffled = new ArrayList<>(files);
      Collections.shuffle(shuffled, random);
      assertThat(DEFAULTS.analyze(change(shuffled))).isEqualTo(expected);
    }
  }

  @Test
  void anyTextAtAllIsAnalysedWithoutFailing() {
    Random random = new Random(7);
    List<String> paths =
        SurfaceAnalyzer.builtinRules().stream()
            .flatMap(r -> r.paths().stream())
            .map(g -> g.pattern().replace("**/", "a/").replace("/**", "/b").replace("*", "x"))
            .distinct()
            .toList();
    for (int round = 0; round < 200; round++) {
      String path = paths.get(random.nextInt(paths.size())).replaceFirst("^/", "");
      String[] lines = IntStream.range(0, 5).mapToObj(i -> noise(random)).toArray(String[]::new);
      List<Finding> findings = DEFAULTS.analyze(change(added(path, lines)));
      for (Finding f : findings) {
        assertThat(f.evidence().length()).isLessThanOrEqualTo(Evidence.MAX_CHARS + 1);
        assertThat(f.lines()).allSatisfy(n -> assertThat(n).isBetween(1, 5));
      }
    }
    String huge = "password = \"" + "x".repeat(50_000) + "\"";
    assertThat(DEFAULTS.analyze(change(added(SERVICE, huge)))).isNotNull();
  }

  @Test
  void builtInPatternsStayFastOnAdversarialLines() {
    String[] seeds = {
      " ",
      "\t",
      "a ",
      "SELECT ",
      "select a, ",
      "@a ",
      "@a() ",
      "password",
      "\"",
      "${{ ",
      "x.",
      "-",
      "catch (",
      "token ",
      "= \"",
      "feature.",
      "uses: a@",
      "public ",
      "DROP ",
      "<!-- ",
      "aA0_-."
    };
    long start = System.nanoTime();
    for (RuleSpec rule : SurfaceAnalyzer.builtinRules()) {
      for (var pattern : rule.content()) {
        for (String seed : seeds) {
          String line = seed.repeat(SurfaceAnalyzer.MAX_LINE_CHARS / seed.length());
          pattern.matcher(line).find();
          pattern.matcher(line + "!").find();
        }
      }
    }
    // Quadratic backtracking made single patterns take ten seconds here; linear ones take
    // well under one for the whole set.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aPatternThatExhaustsTheStackIsReportedAgainstItsRule() throws InterruptedException {
    ScrutineerConfig config =
        ConfigLoader.load(
            """
            rules:
              - id: team.greedy
                surface: config
                title: Greedy
                because: A pattern written without care.
                content: ['(a|b)*c']
            """,
            "scrutineer.yml");
    SurfaceAnalyzer analyzer = new SurfaceAnalyzer(config);
    ChangeSet change = change(added("notes.txt", "ab".repeat(5_000)));
    Throwable[] thrown = new Throwable[1];
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                analyzer.analyze(change);
              } catch (Throwable t) {
                thrown[0] = t;
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();
    assertThat(thrown[0])
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "scrutineer.yml:2: a content pattern of rule team.greedy ran out of stack on"
                + " notes.txt:1 ((a|b)*c); simplify the pattern");
  }

  /** Random text with the characters regexes and comments care about. */
  private static String noise(Random random) {
    String alphabet = "aZ09 \t\"'`/*#-{}()[]$@.:=<>\\\r\u00e9\u20ac\ud83d\ude00";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(400);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
