package dev.scrutineer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.GateResult;
import dev.scrutineer.model.RequiredScrutiny;
import dev.scrutineer.model.Requirement;
import dev.scrutineer.model.RequirementStatus;
import dev.scrutineer.model.ReviewStanding;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.TierReason;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gate's verdict in each format: what is met, what is missing, who can satisfy it and why it is
 * required. The JSON shape is {@code schema/gate-v1.schema.json}.
 */
public final class GateReport {
  static final int SCHEMA_VERSION = 1;
  private static final int MAX_PATHS = 5;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GateReport() {}

  public static String render(
      ReportFormat format, Analysis analysis, GateResult result, RenderOptions options) {
    return switch (format) {
      case TEXT -> text(analysis, result);
      case MARKDOWN -> markdown(analysis, result);
      case JSON -> json(analysis, result, options.toolVersion());
    };
  }

  private static String text(Analysis analysis, GateResult result) {
    StringBuilder out = new StringBuilder();
    RequiredScrutiny required = result.required();
    out.append("Scrutineer gate: ").append(Summaries.changeLine(analysis.change())).append('\n');
    analysis
        .pullRequest()
        .ifPresent(
            pr ->
                out.append("Pull request ")
                    .append(pr.number().map(n -> "#" + n + ": ").orElse(""))
                    .append(pr.title())
                    .append(" (by ")
                    .append(pr.authorLogin())
                    .append(")\n"));
    out.append('\n').append(riskLine(required.risk())).append('\n');
    out.append("Tier: ").append(required.tier().id()).append('\n');
    for (TierReason reason : required.reasons()) {
      out.append("  ").append(pad(reason.tier().id(), 9)).append(reason.because()).append('\n');
    }
    List<RequirementStatus> missing = result.missing();
    List<RequirementStatus> met =
        result.statuses().stream().filter(RequirementStatus::met).toList();
    if (!missing.isEmpty()) {
      out.append("\nMissing (")
          .append(missing.size())
          .append(" of ")
          .append(result.statuses().size())
          .append(")\n");
      missing.forEach(s -> textStatus(out, s));
    }
    if (!met.isEmpty()) {
      out.append("\nMet (")
          .append(met.size())
          .append(" of ")
          .append(result.statuses().size())
          .append(")\n");
      met.forEach(s -> textStatus(out, s));
    }
    out.append("\nReviews");
    if (result.reviews().isEmpty()) {
      out.append(": none yet\n");
    } else {
      out.append(" (approvals count on ").append(shortId(result.head())).append(")\n");
      int width = result.reviews().stream().mapToInt(r -> r.login().length()).max().orElse(0);
      for (ReviewStanding r : result.reviews()) {
        out.append("  ")
            .append(r.counts() ? "counts  " : "no      ")
            .append(pad(r.login(), width + 2))
            .append(state(r))
            .append(": ")
            .append(r.note())
            .append('\n');
      }
    }
    List<Diagnostic> diagnostics = required.diagnostics();
    if (!diagnostics.isEmpty()) {
      out.append("\nNotes\n");
      for (Diagnostic d : diagnostics) {
        out.append("  ")
            .append(d.path().map(p -> p + ": ").orElse(""))
            .append(d.message())
            .append('\n');
      }
    }
    out.append('\n').append(verdict(result)).append('\n');
    return out.toString();
  }

  private static void textStatus(StringBuilder out, RequirementStatus status) {
    Requirement r = status.requirement();
    out.append("  ").append(status.met() ? "[x] " : "[ ] ").append(r.description()).append('\n');
    out.append("      who: ").append(who(r)).append('\n');
    if (!r.paths().isEmpty()) {
      out.append("      paths: ").append(paths(r.paths())).append('\n');
    }
    out.append("      ")
        .append(status.met() ? "met: " : "missing: ")
        .append(status.detail())
        .append('\n');
    out.append("      why: ").append(r.because()).append('\n');
  }

  private static String markdown(Analysis analysis, GateResult result) {
    StringBuilder out = new StringBuilder();
    RequiredScrutiny required = result.required();
    out.append("## Scrutineer gate: ")
        .append(result.passed() ? "ready to merge" : result.missing().size() + " missing")
        .append("\n\n");
    out.append(Summaries.changeLine(analysis.change())).append("\n\n");
    out.append("**Tier: ")
        .append(required.tier().id())
        .append("**. ")
        .append(riskLine(required.risk()))
        .append("\n\n");
    for (TierReason reason : required.reasons()) {
      out.append("- ")
          .append(reason.tier().id())
          .append(": ")
          .append(md(reason.because()))
          .append('\n');
    }
    if (!required.reasons().isEmpty()) {
      out.append('\n');
    }
    out.append("| | requirement | who can satisfy it | status | why |\n|---|---|---|---|---|\n");
    for (RequirementStatus s : result.statuses()) {
      Requirement r = s.requirement();
      out.append("| ")
          .append(s.met() ? "✅" : "❌")
          .append(" | ")
          .append(md(r.description()))
          .append(r.paths().isEmpty() ? "" : "<br>" + md(paths(r.paths())))
          .append(" | ")
          .append(
              r.eligible().isEmpty()
                  ? "any person but the author"
                  : md(String.join(", ", r.eligible())))
          .append(" | ")
          .append(md(s.detail()))
          .append(" | ")
          .append(md(r.because()))
          .append(" |\n");
    }
    if (!result.reviews().isEmpty()) {
      out.append("\n<details><summary>Reviews</summary>\n\n");
      for (ReviewStanding r : result.reviews()) {
        out.append("- ")
            .append(r.counts() ? "✅ " : "➖ ")
            .append('`')
            .append(r.login())
            .append('`')
            .append(" ")
            .append(state(r))
            .append(": ")
            .append(md(r.note()))
            .append('\n');
      }
      out.append("\n</details>\n");
    }
    if (!required.diagnostics().isEmpty()) {
      out.append("\n<details><summary>Notes</summary>\n\n");
      for (Diagnostic d : required.diagnostics()) {
        out.append("- ")
            .append(md(d.path().map(p -> p + ": ").orElse("") + d.message()))
            .append('\n');
      }
      out.append("\n</details>\n");
    }
    out.append('\n').append(verdict(result)).append('\n');
    return out.toString();
  }

  private static String json(Analysis analysis, GateResult result, String toolVersion) {
    RequiredScrutiny required = result.required();
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.putObject("tool").put("name", "scrutineer").put("version", toolVersion);
    ObjectNode change = root.putObject("change");
    change.put("base", analysis.change().base().spec());
    change.put("mergeBase", analysis.change().mergeBase().id());
    change.put("head", result.head());
    analysis
        .pullRequest()
        .flatMap(pr -> pr.number())
        .ifPresentOrElse(n -> root.put("pullRequest", n), () -> root.putNull("pullRequest"));
    root.put("passed", result.passed());
    root.put("tier", required.tier().id());
    ObjectNode risk = root.putObject("risk");
    risk.put("available", required.risk().isPresent());
    required
        .risk()
        .ifPresent(
            r -> risk.put("score", r.score()).put("tier", r.tier().id()).put("model", r.model()));
    ArrayNode reasons = root.putArray("reasons");
    required
        .reasons()
        .forEach(r -> reasons.addObject().put("tier", r.tier().id()).put("because", r.because()));
    ArrayNode requirements = root.putArray("requirements");
    for (RequirementStatus s : result.statuses()) {
      Requirement r = s.requirement();
      ObjectNode node = requirements.addObject();
      node.put("id", r.id());
      node.put("kind", r.kind().id());
      node.put("met", s.met());
      node.put("description", r.description());
      node.put("approvals", r.approvals());
      r.eligible().forEach(node.putArray("eligible")::add);
      r.paths().forEach(node.putArray("paths")::add);
      node.put("tier", r.tier().id());
      node.put("because", r.because());
      s.satisfiedBy().forEach(node.putArray("satisfiedBy")::add);
      node.put("detail", s.detail());
    }
    ArrayNode reviews = root.putArray("reviews");
    for (ReviewStanding r : result.reviews()) {
      reviews
          .addObject()
          .put("login", r.login())
          .put("state", r.state().name().toLowerCase(Locale.ROOT))
          .put("counts", r.counts())
          .put("note", r.note());
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (Diagnostic d : required.diagnostics()) {
      ObjectNode node = diagnostics.addObject();
      node.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
      d.path().ifPresentOrElse(p -> node.put("path", p), () -> node.putNull("path"));
      node.put("message", d.message());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  /** Who can satisfy a requirement: the eligible reviewers, any reviewer, or the author. */
  private static String who(Requirement r) {
    if (!r.eligible().isEmpty()) {
      return String.join(", ", r.eligible());
    }
    return switch (r.kind()) {
      case APPROVALS, CODE_OWNERS, SURFACE_REVIEW -> "any person but the author";
      case EVIDENCE, DISCLOSURE -> "the author";
    };
  }

  private static String riskLine(Optional<Risk> risk) {
    return risk.map(
            r ->
                String.format(
                    Locale.ROOT, "Risk score: %.2f (%s, %s)", r.score(), r.tier().id(), r.model()))
        .orElse("Risk score: not available; the tier comes from the policy's triggers alone");
  }

  private static String verdict(GateResult result) {
    if (result.passed()) {
      return "Ready to merge: every requirement is met.";
    }
    int n = result.missing().size();
    return "Not ready: " + n + (n == 1 ? " requirement is" : " requirements are") + " missing.";
  }

  private static String state(ReviewStanding r) {
    return r.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String paths(List<String> paths) {
    String shown = String.join(", ", paths.subList(0, Math.min(MAX_PATHS, paths.size())));
    return paths.size() > MAX_PATHS
        ? shown + " and " + (paths.size() - MAX_PATHS) + " more"
        : shown;
  }

  private static String shortId(String id) {
    return id.substring(0, Math.min(12, id.length()));
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }

  /** Table cells: a pipe would end the cell, a newline the row. */
  private static String md(String text) {
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }
}
