package dev.scrutineer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How each kind of declaration change reads in the three formats. */
class ChangedDeclarationsReportTest {
  private static final Risk LOW_RISK = new Risk(0.1, RiskTier.LOW, List.of(), "built-in defaults");

  private static final String ID = "0123456789abcdef0123456789abcdef01234567";
  private static final String SHOP = "src/main/java/com/example/store/Shop.java";

  private static final List<ChangedDeclaration> DECLARATIONS =
      List.of(
          declaration(
              SHOP,
              "Shop",
              Optional.of(new Symbol("com.example", "Shop")),
              DeclarationKind.CLASS,
              DeclarationChange.SIGNATURE_CHANGED,
              3),
          declaration(
              SHOP,
              "Shop#find(String,int)",
              Optional.of(new Symbol("com.example.store", "Shop#find(String)")),
              DeclarationKind.METHOD,
              DeclarationChange.SIGNATURE_CHANGED,
              12),
          declaration(
              SHOP,
              "Shop#static{}",
              Optional.empty(),
              DeclarationKind.STATIC_INITIALIZER,
              DeclarationChange.ADDED,
              20),
          declaration(
              SHOP,
              "Shop#legacy",
              Optional.empty(),
              DeclarationKind.FIELD,
              DeclarationChange.REMOVED,
              7),
          ChangedDeclaration.unknownFile("src/main/java/com/example/Broken.java"));

  @Test
  void textGroupsByFileWithAlignedLabels() {
    String text = new TextReport(false).render(analysis(DECLARATIONS));

    assertThat(text)
        .contains(
            """
            Changed declarations (5 in 2 files: 1 added, 1 removed, 2 signature, 1 file not parsed)
              src/main/java/com/example/store/Shop.java
                ~ signature           Shop  :3  (was com.example.Shop)
                ~ signature           Shop#find(String,int)  :12  (was Shop#find(String))
                + static-initializer  Shop#static{}  :20
                - field               Shop#legacy  base:7
              src/main/java/com/example/Broken.java
                ? not parsed  (see diagnostics)
            """);
  }

  @Test
  void textSaysWhenNoDeclarationChanged() {
    assertThat(new TextReport(false).render(analysis(List.of())))
        .contains("Changed declarations: none\n");
  }

  @Test
  void markdownSummarisesAndFoldsATable() {
    String markdown = new MarkdownReport().render(analysis(DECLARATIONS));

    assertThat(markdown)
        .contains("| Changed declarations | 1 added, 1 removed, 2 signature, 1 file not parsed |")
        .contains("<details><summary>Changed declarations (5)</summary>")
        .contains(
            "| ~ signature | `Shop#find(String,int)` (was `Shop#find(String)`) | `"
                + SHOP
                + ":12` |")
        .contains("| - field | `Shop#legacy` | `base " + SHOP + ":7` |")
        .contains("| ? not parsed | (see diagnostics) | `src/main/java/com/example/Broken.java` |");
  }

  @Test
  void jsonCarriesEveryDeclarationAndConformsToTheSchema() throws IOException {
    JsonNode report =
        new ObjectMapper().readTree(new JsonReport("test").render(analysis(DECLARATIONS)));

    JsonNode first = report.path("changedDeclarations").get(0);
    assertThat(first.path("symbol").asText()).isEqualTo("com.example.store.Shop");
    assertThat(first.path("oldSymbol").asText()).isEqualTo("com.example.Shop");
    assertThat(first.path("change").asText()).isEqualTo("signature");
    JsonNode unknown = report.path("changedDeclarations").get(4);
    assertThat(unknown.path("kind").asText()).isEqualTo("file");
    assertThat(unknown.path("change").asText()).isEqualTo("unknown");
    assertThat(unknown.path("line").asInt()).isZero();
    assertThat(
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                    new ObjectMapper()
                        .readTree(Files.readString(Path.of("schema/report-v1.schema.json"))))
                .validate(report))
        .isEmpty();
  }

  @Test
  void everyKindAndChangeHasAnIdTheSchemaKnows() throws IOException {
    String schema = Files.readString(Path.of("schema/report-v1.schema.json"));
    Arrays.stream(DeclarationKind.values())
        .forEach(kind -> assertThat(schema).contains("\"" + kind.id() + "\""));
    Arrays.stream(DeclarationChange.values())
        .forEach(change -> assertThat(schema).contains("\"" + change.id() + "\""));
  }

  private static ChangedDeclaration declaration(
      String path,
      String name,
      Optional<Symbol> old,
      DeclarationKind kind,
      DeclarationChange change,
      int line) {
    return new ChangedDeclaration(
        path, new Symbol("com.example.store", name), old, kind, change, line, line + 1);
  }

  private static Analysis analysis(List<ChangedDeclaration> declarations) {
    Revision revision = new Revision("main", ID);
    ChangeSet change =
        new ChangeSet(
            revision, revision, new Revision("HEAD", ID), List.of(), List.of(), List.of());
    Provenance none =
        new Provenance(
            AiLevel.NONE,
            List.of(),
            List.of(),
            false,
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    return new Analysis(
        change,
        Optional.empty(),
        declarations,
        Optional.empty(),
        List.of(),
        none,
        LOW_RISK,
        List.of());
  }
}
