package dev.scrutineer.analysis.reach.framework;

import static dev.scrutineer.analysis.reach.framework.Facts.ann;
import static dev.scrutineer.analysis.reach.framework.Facts.callOn;
import static dev.scrutineer.analysis.reach.framework.Facts.file;
import static dev.scrutineer.analysis.reach.framework.Facts.method;
import static dev.scrutineer.analysis.reach.framework.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildModulesTest {
  private static String pom(String artifactId, String... modules) {
    StringBuilder list = new StringBuilder();
    for (String module : modules) {
      list.append("    <module>").append(module).append("</module>\n");
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <parent><artifactId>parent-pom</artifactId></parent>
          <artifactId>%s</artifactId>
          <modules>
        %s  </modules>
        </project>
        """
        .formatted(artifactId, list);
  }

  @Test
  void mavenMultiModuleWithServicesFromApplicationClasses() {
    MemoryTree tree =
        new MemoryTree()
            .put("pom.xml", pom("shop", "orders-service", "common", "../outside"))
            .put("orders-service/pom.xml", pom("orders"))
            .put("common/pom.xml", pom("shop-common"))
            .put("tools/pom.xml", pom("tools"));
    List<FileFacts> files =
        List.of(
            file("orders-service/src/main/java/com/acme/OrdersApp.java", "com.acme")
                .with(type("OrdersApp").annotate(ann("SpringBootApplication")))
                .build(),
            file("common/src/main/java/com/acme/Money.java", "com.acme")
                .with(type("Money"))
                .build(),
            file("common/src/test/java/com/acme/MoneyMain.java", "com.acme")
                .with(type("MoneyMain").with(method("main", "String[]").modifiers("static")))
                .build(),
            file("tools/src/main/java/com/acme/Tool.java", "com.acme")
                .with(type("Tool").with(method("main", "String[]").modifiers("static")))
                .build());

    FrameworkFacts facts = FrameworkFacts.analyze(files, tree, Fixtures.change());

    assertThat(facts.modules())
        .containsExactly(
            new Module("shop", "", false),
            new Module("shop-common", "common", false),
            new Module("orders", "orders-service", true),
            new Module("tools", "tools", true));
    assertThat(facts.moduleOf("orders-service/src/main/java/com/acme/OrdersApp.java"))
        .contains(new Module("orders", "orders-service", true));
    assertThat(facts.moduleOf("README.md")).contains(new Module("shop", "", false));
    assertThat(facts.moduleOf("orders-service-x/file")).contains(new Module("shop", "", false));
  }

  @Test
  void gradleSettingsIncludesAndBuildFiles() {
    MemoryTree tree =
        new MemoryTree()
            .put(
                "settings.gradle.kts",
                """
                rootProject.name = "platform"
                include("api", ":services:billing")
                include 'web'
                """)
            .put("build.gradle.kts", "plugins { java }")
            .put("api/build.gradle.kts", "")
            .put("services/billing/build.gradle", "")
            .put("web/build.gradle", "");
    List<FileFacts> files =
        List.of(
            file("services/billing/src/main/java/com/acme/Billing.java", "com.acme")
                .imports("io.micronaut.runtime.Micronaut")
                .with(
                    type("Billing")
                        .with(
                            method("start")
                                .refs(callOn("Micronaut", "run", 1, 3))
                                .modifiers("static")))
                .build());

    FrameworkFacts facts = FrameworkFacts.analyze(files, tree, Fixtures.change());

    assertThat(facts.modules())
        .containsExactly(
            new Module("platform", "", false),
            new Module("api", "api", false),
            new Module("billing", "services/billing", true),
            new Module("web", "web", false));
    assertThat(facts.moduleOf("web/src/main/resources/app.yml")).map(Module::name).contains("web");
    assertThat(BuildModules.gradleIncludes("include ':a:b', 'c'")).containsExactly("a/b", "c");
  }

  @Test
  void aPomWithADoctypeIsRefusedWithoutExpandingAnything() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <project><artifactId>&secret;</artifactId><modules><module>a</module></modules></project>
        """;
    MemoryTree tree = new MemoryTree().put("svc/pom.xml", xxe).put("svc/a/pom.xml", pom("a"));

    FrameworkFacts facts =
        FrameworkFacts.analyze(
            List.of(file("svc/src/main/java/X.java", "").with(type("X")).build()),
            tree,
            Fixtures.change());

    assertThat(facts.modules()).containsExactly(new Module("svc", "svc", false));
    assertThat(facts.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).contains("svc/pom.xml");
              assertThat(d.message()).contains("not read").doesNotContain("root:");
            });
    assertThat(facts.diagnostics()).extracting(Diagnostic::severity).isNotEmpty();
  }

  @Test
  void noBuildFilesMeansNoModules() {
    FrameworkFacts facts =
        FrameworkFacts.analyze(
            List.of(file("src/main/java/X.java", "").with(type("X")).build()),
            new MemoryTree(),
            Fixtures.change());

    assertThat(facts.modules()).isEmpty();
    assertThat(facts.moduleOf("src/main/java/X.java")).isEmpty();
  }

  @Test
  void aListableTreeFindsModulesNoAnalysedFileLivesIn() {
    SourceTree tree =
        SourceTree.of(
            Map.of(
                "pom.xml", pom("shop").getBytes(StandardCharsets.UTF_8),
                "batch/pom.xml", pom("batch-jobs").getBytes(StandardCharsets.UTF_8)));

    FrameworkFacts facts = FrameworkFacts.analyze(List.of(), tree, Fixtures.change());

    assertThat(facts.modules())
        .containsExactly(new Module("shop", "", false), new Module("batch-jobs", "batch", false));
  }
}
