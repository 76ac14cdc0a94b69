package dev.scrutineer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JSON report the golden cases hold conforms to the published schema, and the schema bites.
 */
class JsonReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  @Test
  void everyGoldenJsonReportConformsToTheSchema() throws IOException {
    long checked = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
      for (Path file : files.filter(f -> f.endsWith("expected.out")).toList()) {
        String text = Files.readString(file);
        if (text.startsWith("{") && analysisReport(file)) {
          assertThat(SCHEMA.validate(JSON.readTree(text))).as(file.toString()).isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).as("golden JSON reports").isPositive();
  }

  /** The analysis report's cases; other commands' JSON has schemas of its own. */
  private static boolean analysisReport(Path expected) throws IOException {
    String command = Files.readAllLines(expected.resolveSibling("args")).get(0).strip();
    return command.equals("analyze") || command.equals("demo");
  }

  @Test
  void theSchemaRejectsAReportWithAnUnknownSurfaceOrAMissingField() throws IOException {
    JsonNode report =
        JSON.readTree(
            Files.readString(Path.of("src/test/resources/golden/demo-json/expected.out")));
    ObjectNode badSurface = report.deepCopy();
    ((ObjectNode) badSurface.path("findings").get(0)).put("surface", "vibes");
    ObjectNode missingField = report.deepCopy();
    missingField.remove("provenance");

    assertThat(SCHEMA.validate(badSurface)).isNotEmpty();
    assertThat(SCHEMA.validate(missingField)).isNotEmpty();
  }

  @Test
  void aReachedTestNamesWhereItsChainStartsInsteadOfCarryingIt() throws IOException {
    JsonNode report =
        JSON.readTree(
            Files.readString(Path.of("src/test/resources/golden/demo-json/expected.out")));
    ObjectNode test = (ObjectNode) report.path("reach").path("tests").get(0);
    ObjectNode withChain = report.deepCopy();
    ((ObjectNode) withChain.path("reach").path("tests").get(0)).putArray("chain");
    ObjectNode withoutFrom = report.deepCopy();
    ((ObjectNode) withoutFrom.path("reach").path("tests").get(0)).remove("from");

    assertThat(test.path("from").isTextual()).isTrue();
    assertThat(test.path("hops").isInt()).isTrue();
    assertThat(SCHEMA.validate(withChain)).isNotEmpty();
    assertThat(SCHEMA.validate(withoutFrom)).isNotEmpty();
  }

  private static JsonSchema schema() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(JSON.readTree(Files.readString(Path.of("schema/report-v1.schema.json"))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
