package dev.scrutineer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.CommitProvenance;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.ReachStep;
import dev.scrutineer.model.ReachedTest;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskFactor;
import dev.scrutineer.model.Trailer;
import dev.scrutineer.model.Velocity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine-readable report. Its shape is versioned and described by {@code
 * schema/report-v1.schema.json}; a field is never removed or changed in meaning within a major
 * version.
 */
final class JsonReport {
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String toolVersion;

  JsonReport(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  String render(Analysis analysis) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.putObject("tool").put("name", "scrutineer").put("version", toolVersion);
    root.set("change", change(analysis.change()));
    analysis
        .pullRequest()
        .ifPresentOrElse(
            pr -> root.set("pullRequest", pullRequest(pr)), () -> root.putNull("pullRequest"));
    root.set("risk", risk(analysis.risk()));
    root.set("provenance", provenance(analysis.provenance()));
    ArrayNode declarations = root.putArray("changedDeclarations");
    analysis.changedDeclarations().forEach(d -> declarations.add(declaration(d)));
    analysis
        .reach()
        .ifPresentOrElse(reach -> root.set("reach", reach(reach)), () -> root.putNull("reach"));
    ArrayNode findings = root.putArray("findings");
    analysis.findings().forEach(f -> findings.add(finding(f)));
    ArrayNode diagnostics = root.putArray("diagnostics");
    analysis.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  private static ObjectNode risk(Risk risk) {
    ObjectNode node = JSON.createObjectNode();
    node.put("score", risk.score());
    node.put("tier", risk.tier().id());
    node.put("model", risk.model());
    ArrayNode factors = node.putArray("factors");
    for (RiskFactor factor : risk.factors()) {
      factors
          .addObject()
          .put("id", factor.id())
          .put("contribution", factor.contribution())
          .put("because", factor.because());
    }
    return node;
  }

  private static ObjectNode change(ChangeSet change) {
    ObjectNode node = JSON.createObjectNode();
    node.set("base", revision(change.base()));
    node.put("mergeBase", change.mergeBase().id());
    node.set("head", revision(change.head()));
    node.put("worktree", change.isWorktree());
    node.put("filesChanged", change.files().size());
    node.put("linesAdded", change.linesAdded());
    node.put("linesDeleted", change.linesDeleted());
    ArrayNode commits = node.putArray("commits");
    change.commits().forEach(c -> commits.add(commit(c)));
    ArrayNode files = node.putArray("files");
    change.files().forEach(f -> files.add(file(f)));
    return node;
  }

  private static ObjectNode revision(Revision revision) {
    return JSON.createObjectNode().put("spec", revision.spec()).put("id", revision.id());
  }

  private static ObjectNode commit(Commit commit) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", commit.id());
    ArrayNode parents = node.putArray("parents");
    commit.parentIds().forEach(parents::add);
    node.set("author", person(commit.author()));
    node.put("authoredAt", commit.authoredAt().toString());
    node.set("committer", person(commit.committer()));
    node.put("committedAt", commit.committedAt().toString());
    node.put("subject", commit.subject());
    node.put("message", commit.message());
    ArrayNode trailers = node.putArray("trailers");
    for (Trailer trailer : commit.trailers()) {
      trailers.addObject().put("key", trailer.key()).put("value", trailer.value());
    }
    putCount(node, "linesAdded", commit.linesAdded());
    putCount(node, "linesDeleted", commit.linesDeleted());
    return node;
  }

  private static void putCount(ObjectNode node, String field, int count) {
    if (count < 0) {
      node.putNull(field);
    } else {
      node.put(field, count);
    }
  }

  private static ObjectNode person(Person person) {
    return JSON.createObjectNode().put("name", person.name()).put("email", person.email());
  }

  private static ObjectNode file(FileChange file) {
    ObjectNode node = JSON.createObjectNode();
    node.put("path", file.path());
    putOptional(node, "oldPath", file.oldPath());
    putOptional(node, "newPath", file.newPath());
    node.put("type", lower(file.type().name()));
    node.put("oldMode", lower(file.oldMode().name()));
    node.put("newMode", lower(file.newMode().name()));
    node.put("content", lower(file.content().name()));
    node.put("similarity", file.similarity());
    node.put("nonUtf8", file.nonUtf8());
    putOptional(node, "symlinkTarget", file.symlinkTarget());
    node.put("linesAdded", file.linesAdded());
    node.put("linesDeleted", file.linesDeleted());
    return node;
  }

  private static ObjectNode pullRequest(PullRequest pr) {
    ObjectNode node = JSON.createObjectNode();
    pr.number().ifPresentOrElse(n -> node.put("number", n), () -> node.putNull("number"));
    node.put("title", pr.title());
    node.put("author", pr.authorLogin());
    node.put("authorType", pr.authorType());
    putOptional(node, "headRef", pr.headRef());
    ArrayNode labels = node.putArray("labels");
    pr.labels().forEach(labels::add);
    return node;
  }

  private static ObjectNode provenance(Provenance provenance) {
    ObjectNode node = JSON.createObjectNode();
    node.put("level", provenance.level().id());
    node.put("declared", provenance.declared());
    node.put("undeclared", provenance.undeclared());
    strings(node.putArray("tools"), provenance.tools());
    strings(node.putArray("models"), provenance.models());
    putOptional(node, "canonicalTrailer", provenance.canonicalTrailer());
    ArrayNode signals = node.putArray("signals");
    for (ProvenanceSignal signal : provenance.signals()) {
      ObjectNode s = signals.addObject();
      s.put("source", signal.source());
      putOptional(s, "commit", signal.commitId());
      putOptional(s, "tool", signal.tool());
      putOptional(s, "model", signal.model());
      s.put("level", signal.level().id());
      s.put("declared", signal.declared());
      s.put("evidence", signal.evidence());
    }
    ArrayNode commits = node.putArray("commits");
    for (CommitProvenance commit : provenance.commits()) {
      commits.addObject().put("commit", commit.commitId()).put("level", commit.level().id());
    }
    ArrayNode velocity = node.putArray("velocity");
    for (Velocity v : provenance.velocity()) {
      velocity
          .addObject()
          .put("author", v.authorEmail())
          .put("from", v.fromCommit())
          .put("to", v.toCommit())
          .put("minutes", v.minutes())
          .put("linesChanged", v.linesChanged())
          .put("linesPerMinute", v.linesPerMinute());
    }
    return node;
  }

  private static ObjectNode declaration(ChangedDeclaration declaration) {
    ObjectNode node = JSON.createObjectNode();
    node.put("path", declaration.path());
    node.put("symbol", declaration.symbol().qualified());
    putOptional(node, "oldSymbol", declaration.oldSymbol().map(s -> s.qualified()));
    node.put("kind", declaration.kind().id());
    node.put("change", declaration.change().id());
    node.put("line", declaration.line());
    node.put("endLine", declaration.endLine());
    return node;
  }

  private static ObjectNode reach(Reach reach) {
    ObjectNode node = JSON.createObjectNode();
    node.put("declarationsReached", reach.declarationsReached());
    ObjectNode confidence = node.putObject("byConfidence");
    for (Confidence level : Confidence.values()) {
      confidence.put(level.id(), reach.byConfidence().get(level.ordinal()));
    }
    ArrayNode entryPoints = node.putArray("entryPoints");
    for (EntryPoint entry : reach.entryPoints()) {
      ObjectNode e = entryPoints.addObject();
      e.put("kind", entry.kind());
      e.put("label", entry.label());
      e.put("symbol", entry.symbol().qualified());
      e.put("path", entry.path());
      e.put("line", entry.line());
      e.put("confidence", entry.confidence().id());
      e.set("chain", chain(entry.chain()));
    }
    ArrayNode tests = node.putArray("tests");
    for (ReachedTest test : reach.tests()) {
      ObjectNode t = tests.addObject();
      t.put("symbol", test.symbol().qualified());
      t.put("path", test.path());
      t.put("line", test.line());
      t.put("confidence", test.confidence().id());
      t.set("chain", chain(test.chain()));
    }
    ArrayNode modules = node.putArray("modules");
    for (Module module : reach.modules()) {
      modules
          .addObject()
          .put("name", module.name())
          .put("directory", module.directory())
          .put("service", module.service());
    }
    reach
        .explanation()
        .ifPresentOrElse(
            why -> {
              ObjectNode w = node.putObject("explanation");
              w.put("query", why.query());
              w.put("target", why.target());
              w.put("reached", why.reached());
              w.set("chain", chain(why.chain()));
            },
            () -> node.putNull("explanation"));
    node.putObject("index")
        .put("javaFiles", reach.index().javaFiles())
        .put("parsed", reach.index().parsed())
        .put("unreadable", reach.index().unreadable());
    return node;
  }

  private static ArrayNode chain(List<ReachStep> steps) {
    ArrayNode chain = JSON.createArrayNode();
    for (ReachStep step : steps) {
      chain
          .addObject()
          .put("symbol", step.symbol().qualified())
          .put("path", step.path())
          .put("line", step.line())
          .put("via", step.via())
          .put("confidence", step.confidence().id());
    }
    return chain;
  }

  private static ObjectNode finding(Finding finding) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ruleId", finding.ruleId());
    node.put("surface", finding.surface().id());
    node.put("title", finding.title());
    node.put("because", finding.because());
    node.put("path", finding.path());
    ArrayNode lines = node.putArray("lines");
    finding.lines().forEach(lines::add);
    node.put("removed", finding.removed());
    node.put("evidence", finding.evidence());
    node.put("fingerprint", finding.fingerprint());
    return node;
  }

  private static ObjectNode diagnostic(Diagnostic diagnostic) {
    ObjectNode node = JSON.createObjectNode();
    node.put("severity", lower(diagnostic.severity().name()));
    putOptional(node, "path", diagnostic.path());
    node.put("message", diagnostic.message());
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void putOptional(ObjectNode node, String field, Optional<String> value) {
    value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
