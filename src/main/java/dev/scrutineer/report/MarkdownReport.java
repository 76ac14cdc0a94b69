package dev.scrutineer.report;

import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskFactor;
import dev.scrutineer.model.Surface;
import dev.scrutineer.model.Velocity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report to paste as a pull-request comment: the verdicts first, the detail folded. Kept under
 * GitHub's 65,536-character comment limit by folding long lists.
 */
final class MarkdownReport {
  /** GitHub rejects longer comments; leave room for a header a front end may add. */
  static final int MAX_CHARS = 60_000;

  private static final int MAX_FILES = 300;

  /** Entry points and tests listed; the rest are counted. Most confident come first. */
  private static final int MAX_LISTED = 20;

  private static final int MAX_DECLARATIONS = 300;

  private final StringBuilder out = new StringBuilder();

  String render(Analysis analysis) {
    line("## Scrutineer");
    line("");
    line(Summaries.changeLine(analysis.change()) + ".");
    line("");
    line("| | |");
    line("|---|---|");
    line("| Risk | " + cell(Summaries.riskLine(analysis.risk())) + " |");
    line("| AI assistance | " + cell(Summaries.provenanceLine(analysis.provenance())) + " |");
    analysis
        .reach()
        .ifPresent(reach -> line("| Blast radius | " + cell(Summaries.reachLine(reach)) + " |"));
    line("| Sensitive surfaces | " + cell(surfaceCell(analysis.findings())) + " |");
    line(
        "| Changed declarations | "
            + cell(Summaries.declarationCounts(analysis.changedDeclarations()))
            + " |");
    line("");
    risk(analysis.risk());
    provenance(analysis.provenance());
    analysis.reach().ifPresent(this::reach);
    findings(analysis.findings());
    declarations(analysis.changedDeclarations());
    files(analysis.change().files());
    diagnostics(analysis.diagnostics());
    return fitted();
  }

  private static String surfaceCell(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "none touched";
    }
    StringBuilder cell = new StringBuilder();
    for (Map.Entry<Surface, List<Finding>> group : Summaries.bySurface(findings).entrySet()) {
      if (cell.length() > 0) {
        cell.append(", ");
      }
      cell.append(group.getKey().id()).append(" (").append(group.getValue().size()).append(')');
    }
    return cell.toString();
  }

  private void risk(Risk risk) {
    if (risk.factors().isEmpty()) {
      return;
    }
    line("<details><summary>Risk factors (" + risk.factors().size() + ")</summary>");
    line("");
    for (RiskFactor factor : risk.factors()) {
      line("- " + Summaries.factorLine(factor));
    }
    line("");
    line("</details>");
    line("");
  }

  private void provenance(Provenance provenance) {
    if (provenance.undeclared()) {
      line(
          "> [!NOTE]\n> AI assistance was detected but not declared. Please add a disclosure to the"
              + " PR description or an `Assisted-by:` trailer, so reviewers can weigh it.");
      line("");
    }
    if (provenance.signals().isEmpty()) {
      return;
    }
    line(
        "<details><summary>AI-assistance evidence (" + provenance.signals().size() + ")</summary>");
    line("");
    line("| where | tool | evidence |");
    line("|---|---|---|");
    for (ProvenanceSignal signal : provenance.signals()) {
      line(
          "| "
              + cell(Summaries.signalOrigin(signal))
              + " | "
              + cell(signal.tool().orElse(""))
              + " | "
              + code(signal.evidence())
              + " |");
    }
    line("");
    for (Velocity velocity : provenance.velocity()) {
      line("- Velocity " + escape(Summaries.velocityLine(velocity)));
    }
    provenance
        .canonicalTrailer()
        .ifPresent(t -> line("\nFor a squash merge, keep provenance with: " + code(t)));
    line("");
    line("</details>");
    line("");
  }

  private void reach(Reach reach) {
    reach
        .explanation()
        .ifPresent(why -> line("**" + escape(Summaries.explanationLine(why)) + "**\n"));
    if (!reach.entryPoints().isEmpty()) {
      line("### Entry points reached");
      line("");
      line("| entry point | handler | confidence | why |");
      line("|---|---|---|---|");
      for (EntryPoint entry : reach.entryPoints().stream().limit(MAX_LISTED).toList()) {
        line(
            "| "
                + code(entry.label())
                + " | "
                + code(entry.symbol().name())
                + " | "
                + entry.confidence().id()
                + " | "
                + escape(Summaries.chainLine(entry.chain()))
                + " |");
      }
      if (reach.entryPoints().size() > MAX_LISTED) {
        line("\n_... and " + (reach.entryPoints().size() - MAX_LISTED) + " more entry points._");
      }
      line("");
    }
    if (!reach.tests().isEmpty() || !reach.modules().isEmpty()) {
      line(
          "<details><summary>Tests ("
              + reach.tests().size()
              + ") and modules ("
              + reach.modules().size()
              + ") reached</summary>");
      line("");
      reach.tests().stream()
          .limit(MAX_LISTED)
          .forEach(t -> line("- test " + code(t.symbol().name()) + " " + t.confidence().id()));
      if (reach.tests().size() > MAX_LISTED) {
        line("- ... and " + (reach.tests().size() - MAX_LISTED) + " more tests");
      }
      reach.modules().forEach(m -> line("- module " + escape(Summaries.moduleLine(m))));
      line("");
      line("</details>");
      line("");
    }
  }

  private void findings(List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    line("### Sensitive surfaces");
    line("");
    for (Map.Entry<Surface, List<Finding>> group : Summaries.bySurface(findings).entrySet()) {
      line("**" + group.getKey().id() + "** (" + group.getKey().description() + ")");
      line("");
      for (Finding finding : group.getValue()) {
        line(
            "- "
                + code(finding.location())
                + (finding.removed() ? " (removed)" : "")
                + " "
                + escape(finding.title())
                + ": "
                + escape(finding.because())
                + (finding.lines().isEmpty() ? "" : " " + code(finding.evidence())));
      }
      line("");
    }
  }

  private void declarations(List<ChangedDeclaration> declarations) {
    if (declarations.isEmpty()) {
      return;
    }
    line("<details><summary>Changed declarations (" + declarations.size() + ")</summary>");
    line("");
    line("| change | declaration | where |");
    line("|---|---|---|");
    for (ChangedDeclaration declaration : declarations.stream().limit(MAX_DECLARATIONS).toList()) {
      line(
          "| "
              + cell(Summaries.declarationLabel(declaration))
              + " | "
              + declarationCell(declaration)
              + " | "
              + code(
                  (declaration.change() == DeclarationChange.REMOVED ? "base " : "")
                      + declaration.location())
              + " |");
    }
    if (declarations.size() > MAX_DECLARATIONS) {
      line("");
      line("... and " + (declarations.size() - MAX_DECLARATIONS) + " more");
    }
    line("");
    line("</details>");
    line("");
  }

  private static String declarationCell(ChangedDeclaration declaration) {
    if (declaration.kind() == DeclarationKind.FILE) {
      return "(see diagnostics)";
    }
    return code(declaration.symbol().name())
        + Summaries.formerName(declaration).map(old -> " (was " + code(old) + ")").orElse("");
  }

  private void files(List<FileChange> files) {
    line("<details><summary>Files (" + files.size() + ")</summary>");
    line("");
    line("```");
    files.stream().limit(MAX_FILES).forEach(f -> line(Summaries.fileLine(f)));
    if (files.size() > MAX_FILES) {
      line("... and " + (files.size() - MAX_FILES) + " more");
    }
    line("```");
    line("");
    line("</details>");
    line("");
  }

  private void diagnostics(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      return;
    }
    line("<details><summary>Diagnostics (" + diagnostics.size() + ")</summary>");
    line("");
    for (Diagnostic d : diagnostics) {
      line(
          "- "
              + d.severity().name().toLowerCase(Locale.ROOT)
              + ": "
              + d.path().map(p -> code(p) + ": ").orElse("")
              + escape(d.message()));
    }
    line("");
    line("</details>");
  }

  /** Cuts at a line boundary and closes whatever fence or fold the cut left open. */
  private String fitted() {
    if (out.length() <= MAX_CHARS) {
      return out.toString();
    }
    StringBuilder cut = new StringBuilder(out.substring(0, out.lastIndexOf("\n", MAX_CHARS) + 1));
    if (count(cut, "```") % 2 == 1) {
      cut.append("```\n");
    }
    for (int open = count(cut, "<details>") - count(cut, "</details>"); open > 0; open--) {
      cut.append("\n</details>\n");
    }
    return cut.append(
            "\n_(report cut to fit a comment; run scrutineer with --format text for all of it)_\n")
        .toString();
  }

  private static int count(CharSequence text, String token) {
    int n = 0;
    for (int i = text.toString().indexOf(token);
        i >= 0;
        i = text.toString().indexOf(token, i + 1)) {
      n++;
    }
    return n;
  }

  /** Inline code that survives backticks and pipes inside it. */
  static String code(String text) {
    String clean = text.replace('\n', ' ').replace("|", "\\|");
    String fence = clean.contains("`") ? "``" : "`";
    return fence + (fence.length() > 1 ? " " + clean + " " : clean) + fence;
  }

  /** Plain text that Markdown shows as written. */
  static String escape(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
  }

  private static String cell(String text) {
    return escape(text);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
