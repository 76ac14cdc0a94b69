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

/** Every golden JSON gate report conforms to {@code schema/gate-v1.schema.json}, which bites. */
class GateReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  @Test
  void everyGoldenGateReportConformsToTheSchema() throws IOException {
    long checked = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
      for (Path file : files.filter(f -> f.endsWith("expected.out")).toList()) {
        String text = Files.readString(file);
        String command = Files.readAllLines(file.resolveSibling("args")).get(0).strip();
        if (text.startsWith("{") && command.equals("gate")) {
          assertThat(SCHEMA.validate(JSON.readTree(text))).as(file.toString()).isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).as("golden JSON gate reports").isPositive();
  }

  @Test
  void theSchemaRejectsAnUnknownKindOrAMissingVerdict() throws IOException {
    JsonNode report =
        JSON.readTree(
            Files.readString(
                Path.of("src/test/resources/golden/gate-demo-partial-json/expected.out")));
    ObjectNode badKind = report.deepCopy();
    ((ObjectNode) badKind.path("requirements").get(0)).put("kind", "vibes");
    ObjectNode noVerdict = report.deepCopy();
    noVerdict.remove("passed");

    assertThat(SCHEMA.validate(report)).isEmpty();
    assertThat(SCHEMA.validate(badKind)).isNotEmpty();
    assertThat(SCHEMA.validate(noVerdict)).isNotEmpty();
  }

  private static JsonSchema schema() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(JSON.readTree(Files.readString(Path.of("schema/gate-v1.schema.json"))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
