package dev.scrutineer.report;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.CommitProvenance;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.ReachedTest;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Surface;
import dev.scrutineer.model.Velocity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A report for a terminal; ANSI colour only when asked, which front ends do only on a TTY. */
final class TextReport {
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";
  private static final int MAX_RISK_FACTORS = 8;

  /** Entry points and tests listed before the rest are only counted: most confident first. */
  static final int MAX_LISTED = 20;

  private final boolean colour;
  private final StringBuilder out = new StringBuilder();

  TextReport(boolean colour) {
    this.colour = colour;
  }

  String render(Analysis analysis) {
    line(style(BOLD, "Scrutineer") + ": " + Summaries.changeLine(analysis.change()));
    analysis
        .pullRequest()
        .ifPresent(
            pr ->
                line(
                    "Pull request"
                        + pr.number().map(n -> " #" + n).orElse("")
                        + ": "
                        + pr.title()
                        + " (by "
                        + pr.authorLogin()
                        + ")"));
    line("");
    risk(analysis.risk());
    provenance(analysis.provenance());
    analysis.reach().ifPresent(this::reach);
    findings(analysis.findings());
    declarations(analysis.changedDeclarations());
    files(analysis.change().files());
    diagnostics(analysis.diagnostics());
    return out.toString();
  }

  private void risk(Risk risk) {
    String tier =
        risk.tier().compareTo(RiskTier.HIGH) >= 0
            ? style(RED, Summaries.riskLine(risk))
            : Summaries.riskLine(risk);
    line(style(BOLD, "Risk") + ": " + tier);
    // The largest factors say why; the long tail of small ones is in the JSON and Markdown reports.
    risk.factors().stream()
        .limit(MAX_RISK_FACTORS)
        .forEach(factor -> line("  " + Summaries.factorLine(factor)));
    int more = risk.factors().size() - MAX_RISK_FACTORS;
    if (more > 0) {
      line("  ... and " + more + " smaller factors (--format json lists every one)");
    }
    line("");
  }

  private void provenance(Provenance provenance) {
    String level = Summaries.provenanceLine(provenance);
    line(
        style(BOLD, "AI assistance")
            + ": "
            + (provenance.undeclared() ? style(YELLOW, level) : level));
    for (ProvenanceSignal signal : provenance.signals()) {
      line("  " + style(DIM, Summaries.signalOrigin(signal)) + "  " + signal.evidence());
    }
    if (provenance.commits().size() > 1 && provenance.level() != AiLevel.NONE) {
      for (CommitProvenance commit : provenance.commits()) {
        line("  commit " + Summaries.shortId(commit.commitId()) + ": " + commit.level().id());
      }
    }
    for (Velocity velocity : provenance.velocity()) {
      line("  velocity " + Summaries.velocityLine(velocity));
    }
    if (provenance.undeclared()) {
      line(
          "  "
              + style(YELLOW, "action")
              + ": assistance was detected but not declared; add a disclosure to the PR or the"
              + " commits");
    }
    provenance.canonicalTrailer().ifPresent(t -> line("  squash-merge trailer: " + t));
    line("");
  }

  private void findings(List<Finding> findings) {
    if (findings.isEmpty()) {
      line(style(BOLD, "Sensitive surfaces") + ": none touched");
      line("");
      return;
    }
    line(
        style(BOLD, "Sensitive surfaces")
            + " ("
            + Summaries.plural(findings.size(), "finding")
            + ")");
    for (Map.Entry<Surface, List<Finding>> group : Summaries.bySurface(findings).entrySet()) {
      line("  " + style(RED, group.getKey().id()) + "  " + group.getKey().description());
      for (Finding finding : group.getValue()) {
        line(
            "    "
                + finding.location()
                + (finding.removed() ? " (removed)" : "")
                + "  "
                + finding.title()
                + " ["
                + finding.ruleId()
                + "]");
        line("      because: " + finding.because());
        if (!finding.lines().isEmpty()) {
          line("      " + style(DIM, "> " + finding.evidence()));
        }
      }
    }
    line("");
  }

  private void reach(Reach reach) {
    line(style(BOLD, "Blast radius") + ": " + Summaries.reachLine(reach));
    reach.explanation().ifPresent(why -> line("  " + Summaries.explanationLine(why)));
    for (EntryPoint entry : reach.entryPoints().stream().limit(MAX_LISTED).toList()) {
      line(
          "  "
              + style(RED, entry.label())
              + "  "
              + entry.symbol().name()
              + "  "
              + entry.confidence().id());
      line("    why: " + Summaries.chainLine(entry.chain()));
    }
    more(reach.entryPoints().size(), "entry points");
    for (ReachedTest test : reach.tests().stream().limit(MAX_LISTED).toList()) {
      line("  test " + test.symbol().name() + "  " + test.confidence().id());
    }
    more(reach.tests().size(), "tests");
    for (Module module : reach.modules()) {
      line("  module " + Summaries.moduleLine(module));
    }
    Reach.IndexSummary index = reach.index();
    line(
        "  "
            + style(
                DIM,
                "index: "
                    + Summaries.plural(index.javaFiles(), "Java file")
                    + ", "
                    + index.unreadable()
                    + " unreadable; "
                    + index.parsed()
                    + " file versions parsed and "
                    + index.linked()
                    + " linked in this run, the rest read from the cache"));
    line("");
  }

  private void more(int total, String what) {
    if (total > MAX_LISTED) {
      line("  ... and " + (total - MAX_LISTED) + " more " + what + " (all of them: --format json)");
    }
  }

  private void declarations(List<ChangedDeclaration> declarations) {
    if (declarations.isEmpty()) {
      line(style(BOLD, "Changed declarations") + ": none");
      line("");
      return;
    }
    Map<String, List<ChangedDeclaration>> byPath = Summaries.byPath(declarations);
    line(
        style(BOLD, "Changed declarations")
            + " ("
            + declarations.size()
            + " in "
            + Summaries.plural(byPath.size(), "file")
            + ": "
            + Summaries.declarationCounts(declarations)
            + ")");
    for (Map.Entry<String, List<ChangedDeclaration>> file : byPath.entrySet()) {
      line("  " + file.getKey());
      int width =
          file.getValue().stream()
              .mapToInt(d -> Summaries.declarationLabel(d).length())
              .max()
              .orElse(0);
      for (ChangedDeclaration declaration : file.getValue()) {
        String label = Summaries.declarationLabel(declaration);
        line(
            "    "
                + label
                + " ".repeat(width - label.length() + 2)
                + Summaries.declarationLine(declaration));
      }
    }
    line("");
  }

  private void files(List<FileChange> files) {
    line(style(BOLD, "Files") + " (" + files.size() + ")");
    for (FileChange file : files) {
      line("  " + Summaries.fileLine(file));
    }
    line("");
  }

  private void diagnostics(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      return;
    }
    line(style(BOLD, "Diagnostics"));
    for (Diagnostic d : diagnostics) {
      line(
          "  "
              + d.severity().name().toLowerCase(Locale.ROOT)
              + ": "
              + d.path().map(p -> p + ": ").orElse("")
              + d.message());
    }
    line("");
  }

  private String style(String code, String text) {
    return colour ? code + text + RESET : text;
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
