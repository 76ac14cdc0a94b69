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
import org.junit.jupiter.api.Test;

/** The audit's and the drill's golden JSON conform to their published schemas, which bite. */
class AuditAndDrillSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void theAuditConformsAndAnUnknownAiLevelOrAMissingRuleIsRejected() throws IOException {
    JsonSchema schema = schema("audit-v1");
    JsonNode audit = golden("audit-export-json");
    ObjectNode badLevel = audit.deepCopy();
    ((ObjectNode) badLevel.path("changes").get(0)).put("aiLevel", "vibes");
    ObjectNode missing = audit.deepCopy();
    missing.remove("rubberStampRule");

    assertThat(schema.validate(audit)).isEmpty();
    assertThat(schema.validate(badLevel)).isNotEmpty();
    assertThat(schema.validate(missing)).isNotEmpty();
  }

  @Test
  void theDrillConformsAndAnUnknownHypothesisIsRejected() throws IOException {
    JsonSchema schema = schema("tabletop-v1");
    JsonNode drill = golden("tabletop-demo-json");
    ObjectNode badHypothesis = drill.deepCopy();
    ((ObjectNode) badHypothesis.path("targets").get(0).path("hypotheses").get(0))
        .put("id", "gremlins");
    ObjectNode missing = drill.deepCopy();
    missing.remove("rollback");

    assertThat(schema.validate(drill)).isEmpty();
    assertThat(schema.validate(badHypothesis)).isNotEmpty();
    assertThat(schema.validate(missing)).isNotEmpty();
  }

  private static JsonNode golden(String name) throws IOException {
    return JSON.readTree(Files.readString(GOLDEN.resolve(name).resolve("expected.out")));
  }

  private static JsonSchema schema(String name) throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree(Files.readString(Path.of("schema/" + name + ".schema.json"))));
  }
}
