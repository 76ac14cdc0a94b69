package dev.scrutineer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.RiskTier;
import java.util.List;

/** The drill as JSON, described by {@code schema/tabletop-v1.schema.json}. */
final class DrillJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DrillJson() {}

  static String render(Drill drill, String toolVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 1);
    root.putObject("tool").put("name", "scrutineer").put("version", toolVersion);
    ObjectNode change = root.putObject("change");
    change.put("base", drill.change().base().spec());
    change.put("mergeBase", drill.change().mergeBase().id());
    change.put("head", drill.change().head().id());
    change.put("files", drill.change().files().size());
    change.put("linesAdded", drill.change().linesAdded());
    change.put("linesDeleted", drill.change().linesDeleted());
    drill
        .pullRequest()
        .ifPresentOrElse(pr -> root.put("title", pr.title()), () -> root.putNull("title"));
    root.put("aiLevel", drill.aiLevel().id());
    drill
        .tier()
        .map(RiskTier::id)
        .ifPresentOrElse(t -> root.put("riskTier", t), () -> root.putNull("riskTier"));
    strings(root.putArray("notes"), drill.notes());
    ArrayNode targets = root.putArray("targets");
    for (Drill.Target t : drill.targets()) {
      ObjectNode node = targets.addObject();
      node.put("subject", t.subject());
      node.put("location", t.location());
      node.put("change", t.change());
      strings(node.putArray("why"), t.why());
      ArrayNode hypotheses = node.putArray("hypotheses");
      for (Drill.Hypothesis h : t.hypotheses()) {
        ObjectNode hn = hypotheses.addObject();
        hn.put("id", h.id());
        hn.put("title", h.title());
        hn.put("scenario", h.scenario());
        h.evidence().ifPresentOrElse(e -> hn.put("evidence", e), () -> hn.putNull("evidence"));
      }
      ArrayNode breaks = node.putArray("breaks");
      for (Drill.Break b : t.breaks()) {
        ObjectNode bn = breaks.addObject();
        bn.put("label", b.label());
        strings(bn.putArray("chain"), b.chain());
        bn.put("confidence", b.confidence().id());
      }
      strings(node.putArray("services"), t.services());
      strings(node.putArray("owners"), t.owners());
      strings(node.putArray("tests"), t.tests());
    }
    ObjectNode rollback = root.putObject("rollback");
    Drill.Revert revert = drill.rollback().revert();
    ObjectNode rn = rollback.putObject("revert");
    rn.put("onto", revert.onto());
    rn.put("merged", revert.merged());
    rn.put("clean", revert.clean());
    strings(rn.putArray("conflicts"), revert.conflicts());
    ArrayNode migrations = rollback.putArray("migrations");
    for (Drill.Migration m : drill.rollback().migrations()) {
      ObjectNode mn = migrations.addObject();
      mn.put("path", m.path());
      m.undo().ifPresentOrElse(u -> mn.put("undo", u), () -> mn.putNull("undo"));
    }
    strings(rollback.putArray("featureFlags"), drill.rollback().featureFlags());
    strings(root.putArray("questions"), drill.questions());
    drill
        .mutation()
        .ifPresentOrElse(
            m -> {
              ObjectNode mn = root.putObject("mutation");
              mn.put("command", m.command());
              mn.put("mutants", m.mutants());
              ArrayNode survivors = mn.putArray("survivors");
              for (Drill.Survivor s : m.survivors()) {
                survivors
                    .addObject()
                    .put("path", s.path())
                    .put("line", s.line())
                    .put("mutator", s.mutator())
                    .put("description", s.description());
              }
            },
            () -> root.putNull("mutation"));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
