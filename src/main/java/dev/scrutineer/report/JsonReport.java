package dev.scrutineer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.CommitProvenance;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.Explanation;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

  /**
   * Streams the report rather than building a tree first: a change with a wide reach lists tens of
   * thousands of tests, and a tree of them cost more than writing them. Tests name where their
   * chain starts and its length instead of the chain: every chain of 24,645 tests made 70 MB of an
   * 84 MB report that no one reads, and {@code --why} prints any one of them.
   */
  String render(Analysis analysis) {
    // Jackson's own writer for a string result: a StringWriter's buffer is synchronized and is
    // copied whole each time it grows, for reports of ten megabytes.
    SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
    try {
      write(analysis, out);
      return out.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON report failed to serialise", e);
    }
  }

  /** Writes the report to {@code out}, which it leaves open. */
  void write(Analysis analysis, Writer out) throws IOException {
    try (JsonGenerator g =
        JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      write(g, analysis);
      g.writeRaw('\n');
    }
  }

  private void write(JsonGenerator g, Analysis analysis) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schemaVersion", SCHEMA_VERSION);
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", "scrutineer");
    g.writeStringField("version", toolVersion);
    g.writeEndObject();
    g.writeFieldName("change");
    change(g, analysis.change());
    g.writeFieldName("pullRequest");
    if (analysis.pullRequest().isPresent()) {
      pullRequest(g, analysis.pullRequest().get());
    } else {
      g.writeNull();
    }
    g.writeFieldName("risk");
    risk(g, analysis.risk());
    g.writeFieldName("provenance");
    provenance(g, analysis.provenance());
    g.writeArrayFieldStart("changedDeclarations");
    for (ChangedDeclaration d : analysis.changedDeclarations()) {
      declaration(g, d);
    }
    g.writeEndArray();
    g.writeFieldName("reach");
    if (analysis.reach().isPresent()) {
      reach(g, analysis.reach().get());
    } else {
      g.writeNull();
    }
    g.writeArrayFieldStart("findings");
    for (Finding f : analysis.findings()) {
      finding(g, f);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("diagnostics");
    for (Diagnostic d : analysis.diagnostics()) {
      diagnostic(g, d);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void risk(JsonGenerator g, Risk risk) throws IOException {
    g.writeStartObject();
    g.writeNumberField("score", risk.score());
    g.writeStringField("tier", risk.tier().id());
    g.writeStringField("model", risk.model());
    g.writeArrayFieldStart("factors");
    for (RiskFactor factor : risk.factors()) {
      g.writeStartObject();
      g.writeStringField("id", factor.id());
      g.writeNumberField("contribution", factor.contribution());
      g.writeStringField("because", factor.because());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void change(JsonGenerator g, ChangeSet change) throws IOException {
    g.writeStartObject();
    g.writeFieldName("base");
    revision(g, change.base());
    g.writeStringField("mergeBase", change.mergeBase().id());
    g.writeFieldName("head");
    revision(g, change.head());
    g.writeBooleanField("worktree", change.isWorktree());
    g.writeNumberField("filesChanged", change.files().size());
    g.writeNumberField("linesAdded", change.linesAdded());
    g.writeNumberField("linesDeleted", change.linesDeleted());
    g.writeArrayFieldStart("commits");
    for (Commit c : change.commits()) {
      commit(g, c);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("files");
    for (FileChange f : change.files()) {
      file(g, f);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void revision(JsonGenerator g, Revision revision) throws IOException {
    g.writeStartObject();
    g.writeStringField("spec", revision.spec());
    g.writeStringField("id", revision.id());
    g.writeEndObject();
  }

  private static void commit(JsonGenerator g, Commit commit) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", commit.id());
    strings(g, "parents", commit.parentIds());
    g.writeFieldName("author");
    person(g, commit.author());
    g.writeStringField("authoredAt", commit.authoredAt().toString());
    g.writeFieldName("committer");
    person(g, commit.committer());
    g.writeStringField("committedAt", commit.committedAt().toString());
    g.writeStringField("subject", commit.subject());
    g.writeStringField("message", commit.message());
    g.writeArrayFieldStart("trailers");
    for (Trailer trailer : commit.trailers()) {
      g.writeStartObject();
      g.writeStringField("key", trailer.key());
      g.writeStringField("value", trailer.value());
      g.writeEndObject();
    }
    g.writeEndArray();
    count(g, "linesAdded", commit.linesAdded());
    count(g, "linesDeleted", commit.linesDeleted());
    g.writeEndObject();
  }

  private static void count(JsonGenerator g, String field, int count) throws IOException {
    if (count < 0) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, count);
    }
  }

  private static void person(JsonGenerator g, Person person) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", person.name());
    g.writeStringField("email", person.email());
    g.writeEndObject();
  }

  private static void file(JsonGenerator g, FileChange file) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", file.path());
    optional(g, "oldPath", file.oldPath());
    optional(g, "newPath", file.newPath());
    g.writeStringField("type", lower(file.type().name()));
    g.writeStringField("oldMode", lower(file.oldMode().name()));
    g.writeStringField("newMode", lower(file.newMode().name()));
    g.writeStringField("content", lower(file.content().name()));
    g.writeNumberField("similarity", file.similarity());
    g.writeBooleanField("nonUtf8", file.nonUtf8());
    optional(g, "symlinkTarget", file.symlinkTarget());
    g.writeNumberField("linesAdded", file.linesAdded());
    g.writeNumberField("linesDeleted", file.linesDeleted());
    g.writeEndObject();
  }

  private static void pullRequest(JsonGenerator g, PullRequest pr) throws IOException {
    g.writeStartObject();
    if (pr.number().isPresent()) {
      g.writeNumberField("number", pr.number().get());
    } else {
      g.writeNullField("number");
    }
    g.writeStringField("title", pr.title());
    g.writeStringField("author", pr.authorLogin());
    g.writeStringField("authorType", pr.authorType());
    optional(g, "headRef", pr.headRef());
    strings(g, "labels", pr.labels());
    g.writeEndObject();
  }

  private static void provenance(JsonGenerator g, Provenance provenance) throws IOException {
    g.writeStartObject();
    g.writeStringField("level", provenance.level().id());
    g.writeBooleanField("declared", provenance.declared());
    g.writeBooleanField("undeclared", provenance.undeclared());
    strings(g, "tools", provenance.tools());
    strings(g, "models", provenance.models());
    optional(g, "canonicalTrailer", provenance.canonicalTrailer());
    g.writeArrayFieldStart("signals");
    for (ProvenanceSignal signal : provenance.signals()) {
      g.writeStartObject();
      g.writeStringField("source", signal.source());
      optional(g, "commit", signal.commitId());
      optional(g, "tool", signal.tool());
      optional(g, "model", signal.model());
      g.writeStringField("level", signal.level().id());
      g.writeBooleanField("declared", signal.declared());
      g.writeStringField("evidence", signal.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("commits");
    for (CommitProvenance commit : provenance.commits()) {
      g.writeStartObject();
      g.writeStringField("commit", commit.commitId());
      g.writeStringField("level", commit.level().id());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("velocity");
    for (Velocity v : provenance.velocity()) {
      g.writeStartObject();
      g.writeStringField("author", v.authorEmail());
      g.writeStringField("from", v.fromCommit());
      g.writeStringField("to", v.toCommit());
      g.writeNumberField("minutes", v.minutes());
      g.writeNumberField("linesChanged", v.linesChanged());
      g.writeNumberField("linesPerMinute", v.linesPerMinute());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void declaration(JsonGenerator g, ChangedDeclaration declaration)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("path", declaration.path());
    g.writeStringField("symbol", declaration.symbol().qualified());
    optional(g, "oldSymbol", declaration.oldSymbol().map(s -> s.qualified()));
    g.writeStringField("kind", declaration.kind().id());
    g.writeStringField("change", declaration.change().id());
    g.writeNumberField("line", declaration.line());
    g.writeNumberField("endLine", declaration.endLine());
    g.writeEndObject();
  }

  private static void reach(JsonGenerator g, Reach reach) throws IOException {
    g.writeStartObject();
    g.writeNumberField("declarationsReached", reach.declarationsReached());
    g.writeObjectFieldStart("byConfidence");
    for (Confidence level : Confidence.values()) {
      g.writeNumberField(level.id(), reach.byConfidence().get(level.ordinal()));
    }
    g.writeEndObject();
    g.writeArrayFieldStart("entryPoints");
    for (EntryPoint entry : reach.entryPoints()) {
      g.writeStartObject();
      g.writeStringField("kind", entry.kind());
      g.writeStringField("label", entry.label());
      g.writeStringField("symbol", entry.symbol().qualified());
      g.writeStringField("path", entry.path());
      g.writeNumberField("line", entry.line());
      g.writeStringField("confidence", entry.confidence().id());
      chain(g, entry.chain());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tests");
    for (ReachedTest test : reach.tests()) {
      g.writeStartObject();
      g.writeStringField("symbol", test.symbol().qualified());
      g.writeStringField("path", test.path());
      g.writeNumberField("line", test.line());
      g.writeStringField("confidence", test.confidence().id());
      g.writeStringField("from", test.from().qualified());
      g.writeNumberField("hops", test.hops());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("modules");
    for (Module module : reach.modules()) {
      g.writeStartObject();
      g.writeStringField("name", module.name());
      g.writeStringField("directory", module.directory());
      g.writeBooleanField("service", module.service());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (reach.explanation().isPresent()) {
      Explanation why = reach.explanation().get();
      g.writeObjectFieldStart("explanation");
      g.writeStringField("query", why.query());
      g.writeStringField("target", why.target());
      g.writeBooleanField("reached", why.reached());
      chain(g, why.chain());
      g.writeEndObject();
    } else {
      g.writeNullField("explanation");
    }
    g.writeObjectFieldStart("index");
    g.writeNumberField("javaFiles", reach.index().javaFiles());
    g.writeNumberField("parsed", reach.index().parsed());
    g.writeNumberField("linked", reach.index().linked());
    g.writeNumberField("unreadable", reach.index().unreadable());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void chain(JsonGenerator g, List<ReachStep> steps) throws IOException {
    g.writeArrayFieldStart("chain");
    for (ReachStep step : steps) {
      g.writeStartObject();
      g.writeStringField("symbol", step.symbol().qualified());
      g.writeStringField("path", step.path());
      g.writeNumberField("line", step.line());
      g.writeStringField("via", step.via());
      g.writeStringField("confidence", step.confidence().id());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void finding(JsonGenerator g, Finding finding) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", finding.ruleId());
    g.writeStringField("surface", finding.surface().id());
    g.writeStringField("title", finding.title());
    g.writeStringField("because", finding.because());
    g.writeStringField("path", finding.path());
    g.writeArrayFieldStart("lines");
    for (int line : finding.lines()) {
      g.writeNumber(line);
    }
    g.writeEndArray();
    g.writeBooleanField("removed", finding.removed());
    g.writeStringField("evidence", finding.evidence());
    g.writeStringField("fingerprint", finding.fingerprint());
    g.writeEndObject();
  }

  private static void diagnostic(JsonGenerator g, Diagnostic diagnostic) throws IOException {
    g.writeStartObject();
    g.writeStringField("severity", lower(diagnostic.severity().name()));
    optional(g, "path", diagnostic.path());
    g.writeStringField("message", diagnostic.message());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void optional(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
