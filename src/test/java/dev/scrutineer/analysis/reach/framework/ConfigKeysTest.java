package dev.scrutineer.analysis.reach.framework;

import static dev.scrutineer.analysis.reach.framework.Facts.ann;
import static dev.scrutineer.analysis.reach.framework.Facts.file;
import static dev.scrutineer.analysis.reach.framework.Facts.member;
import static dev.scrutineer.analysis.reach.framework.Facts.method;
import static dev.scrutineer.analysis.reach.framework.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Hunk;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.Symbol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {
  private static final String PKG = "com.acme";

  private static final String YAML =
      """
      spring:
        datasource:
          url: jdbc:postgresql://db/orders
          # the pool
          hikari:
            maximum-pool-size: 20
      orders:
        page-size: 50
        allowed:
          - EUR
          - USD
      ---
      feature:
        search: true
      """;

  private static final String PROPERTIES =
      """
      # comment
      payments.retry.max=3
      payments.endpoint = https://pay/\\
        v2
      mail.from: shop@acme.test
      """;

  private static Line line(int number, String text) {
    return new Line(number, text);
  }

  private static FileFacts readers() {
    return file("src/main/java/com/acme/Settings.java", PKG)
        .with(
            type("OrderProperties").annotate(ann("ConfigurationProperties", "prefix", "orders")),
            type("DataSourceConfig")
                .with(
                    method("dataSource", "String")
                        .annotateParameter(0, ann("Value", "value", "${spring.datasource.url}")),
                    method("pool")
                        .annotate(
                            ann("Bean"),
                            ann("ConfigurationProperties", "value", "spring.datasource.hikari"))),
            type("PaymentClient")
                .with(
                    method("retries")
                        .field("int")
                        .annotate(ann("Value", "value", "${payments.retry.max:5}")),
                    method("endpoint")
                        .field("String")
                        .annotate(ann("Value", "value", "${payments.endpoint}/${mail.from}")),
                    method("unrelated").field("String").annotate(ann("Value", "value", "${x.y}"))),
            type("Search")
                .annotate(ann("ConditionalOnProperty", "prefix", "feature", "name", "search")))
        .build();
  }

  @Test
  void yamlKeysAreRebuiltFromIndentation() {
    MemoryTree tree = new MemoryTree().put("src/main/resources/application.yml", YAML);
    ChangeSet change =
        Fixtures.change(
            Fixtures.modified(
                "src/main/resources/application.yml",
                new Hunk(
                    3,
                    1,
                    3,
                    1,
                    List.of(line(3, "    url: jdbc:h2:mem")),
                    List.of(line(3, "    url: jdbc:postgresql://db/orders"))),
                new Hunk(6, 0, 6, 1, List.of(), List.of(line(6, "      maximum-pool-size: 20"))),
                new Hunk(
                    8,
                    1,
                    8,
                    1,
                    List.of(line(8, "  page-size: 20")),
                    List.of(line(8, "  page-size: 50"))),
                new Hunk(11, 0, 11, 1, List.of(), List.of(line(11, "    - USD"))),
                new Hunk(14, 1, 14, 1, List.of(), List.of(line(14, "  search: true"))),
                new Hunk(15, 1, 15, 0, List.of(line(15, "  removed: 1")), List.of())));

    FrameworkFacts facts = FrameworkFacts.analyze(List.of(readers()), tree, change);

    assertThat(facts.configKeyChanges())
        .extracting(ConfigKeyChange::key, ConfigKeyChange::line)
        .containsExactly(
            tuple("spring.datasource.url", 3),
            tuple("spring.datasource.hikari.maximum-pool-size", 6),
            tuple("orders.page-size", 8),
            tuple("orders.allowed", 11),
            tuple("feature.search", 14),
            tuple("feature.removed", 15));
    assertThat(facts.edges())
        .filteredOn(e -> e.via().equals("config-key"))
        .extracting(e -> e.from().name(), e -> e.to(), Edge::confidence)
        .containsExactlyInAnyOrder(
            tuple(
                "DataSourceConfig#dataSource(String)",
                ConfigKeyChange.node("spring.datasource.url"),
                Confidence.MEDIUM),
            tuple(
                "DataSourceConfig#pool()",
                ConfigKeyChange.node("spring.datasource.hikari.maximum-pool-size"),
                Confidence.MEDIUM),
            tuple("OrderProperties", ConfigKeyChange.node("orders.page-size"), Confidence.MEDIUM),
            tuple("OrderProperties", ConfigKeyChange.node("orders.allowed"), Confidence.MEDIUM),
            tuple("Search", ConfigKeyChange.node("feature.search"), Confidence.MEDIUM));
    assertThat(ConfigKeyChange.node("a.b")).isEqualTo(new Symbol("", "config:a.b"));
    assertThat(ConfigKeyChange.isNode(ConfigKeyChange.node("a.b"))).isTrue();
  }

  @Test
  void propertiesKeysComeFromChangedLinesAndContinuations() {
    MemoryTree tree =
        new MemoryTree().put("src/main/resources/application-prod.properties", PROPERTIES);
    ChangeSet change =
        Fixtures.change(
            Fixtures.modified(
                "src/main/resources/application-prod.properties",
                new Hunk(1, 0, 1, 1, List.of(), List.of(line(1, "# comment"))),
                new Hunk(
                    2,
                    1,
                    2,
                    1,
                    List.of(line(2, "payments.retry.max=2")),
                    List.of(line(2, "payments.retry.max=3"))),
                new Hunk(4, 1, 4, 1, List.of(line(4, "  v1")), List.of(line(4, "  v2"))),
                new Hunk(6, 1, 5, 0, List.of(line(6, "mail.from=old@acme.test")), List.of())));

    FrameworkFacts facts = FrameworkFacts.analyze(List.of(readers()), tree, change);

    assertThat(facts.configKeyChanges())
        .extracting(ConfigKeyChange::key, ConfigKeyChange::path)
        .containsExactly(
            tuple("payments.retry.max", "src/main/resources/application-prod.properties"),
            tuple("payments.endpoint", "src/main/resources/application-prod.properties"),
            tuple("mail.from", "src/main/resources/application-prod.properties"));
    assertThat(facts.edges())
        .filteredOn(e -> e.via().equals("config-key"))
        .extracting(Edge::from, Edge::to)
        .containsExactlyInAnyOrder(
            tuple(
                member(PKG, "PaymentClient", "retries"),
                ConfigKeyChange.node("payments.retry.max")),
            tuple(
                member(PKG, "PaymentClient", "endpoint"),
                ConfigKeyChange.node("payments.endpoint")),
            tuple(member(PKG, "PaymentClient", "endpoint"), ConfigKeyChange.node("mail.from")));
  }

  @Test
  void otherFilesAreNotConfiguration() {
    assertThat(ConfigKeys.isConfigFile("src/main/resources/application.yml")).isTrue();
    assertThat(ConfigKeys.isConfigFile("application-dev.yaml")).isTrue();
    assertThat(ConfigKeys.isConfigFile("config/application.properties")).isTrue();
    assertThat(ConfigKeys.isConfigFile(".github/workflows/ci.yml")).isFalse();
    assertThat(ConfigKeys.isConfigFile("src/main/resources/logback.xml")).isFalse();
  }

  @Test
  void relaxedBindingAndSections() {
    assertThat(ConfigKeys.canonical("spring.data_source.Max-Pool[0]"))
        .isEqualTo("spring.datasource.maxpool");
    assertThat(
            ConfigKeys.valueKeys(
                List.of(ann("Value", "value", "${a.b:${c.d:x}} #{'${e}'}"), ann("Other"))))
        .containsExactly("a.b", "c.d", "e");
  }

  @Test
  void deletedFilesHunksPastTheEndAndUnreadableFilesDoNotThrow() {
    MemoryTree tree = new MemoryTree().put("application.yml", "a:\n  b: 1\n");
    FileChange deleted =
        new FileChange(
            ChangeType.DELETED,
            Optional.of("gone/application.properties"),
            Optional.empty(),
            FileMode.REGULAR,
            FileMode.MISSING,
            Optional.of("1".repeat(40)),
            Optional.empty(),
            0,
            Content.TEXT,
            false,
            Optional.empty(),
            List.of(new Hunk(1, 1, 0, 0, List.of(line(1, "old.key=1")), List.of())),
            0,
            1);
    ChangeSet change =
        Fixtures.change(
            deleted,
            Fixtures.modified(
                "application.yml",
                new Hunk(9, 1, 9, 1, List.of(line(9, "  c: 2")), List.of(line(9, "  c: 3")))));

    FrameworkFacts facts =
        FrameworkFacts.analyze(
            List.of(FileFacts.unreadable("src/main/java/Broken.java", "syntax error")),
            tree,
            change);

    assertThat(facts.configKeyChanges())
        .extracting(ConfigKeyChange::key)
        .containsExactly("old.key", "a.c");
  }
}
