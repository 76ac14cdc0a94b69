package dev.scrutineer.report;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.Explanation;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.ReachStep;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskFactor;
import dev.scrutineer.model.Surface;
import dev.scrutineer.model.Velocity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Phrases that the text and Markdown reports share, so both say the same thing the same way. */
final class Summaries {
  private Summaries() {}

  static String changeLine(ChangeSet change) {
    int files = change.files().size();
    String range =
        change.isWorktree()
            ? "uncommitted changes on " + change.mergeBase().shortId()
            : change.mergeBase().shortId() + ".." + change.head().shortId();
    return plural(files, "file")
        + " changed (+"
        + change.linesAdded()
        + " -"
        + change.linesDeleted()
        + ") in "
        + plural(change.commits().size(), "commit")
        + ", "
        + range
        + " (merge-base of "
        + change.base().spec()
        + " and "
        + change.head().spec()
        + ")";
  }

  /** "high (0.62), built-in defaults". */
  static String riskLine(Risk risk) {
    return String.format(
        Locale.ROOT, "%s (%.2f), %s", risk.tier().id(), risk.score(), risk.model());
  }

  /** "+0.9: touches authentication": what a factor adds to the log-odds, and why. */
  static String factorLine(RiskFactor factor) {
    return String.format(Locale.ROOT, "%+.1f: %s", factor.contribution(), factor.because());
  }

  static String provenanceLine(Provenance provenance) {
    if (provenance.level() == AiLevel.NONE) {
      return "no disclosure found";
    }
    StringBuilder line = new StringBuilder(provenance.level().id());
    line.append(provenance.declared() ? ", declared" : ", detected but not declared");
    if (!provenance.tools().isEmpty()) {
      line.append(": ").append(String.join(", ", provenance.tools()));
    }
    if (!provenance.models().isEmpty()) {
      line.append(" (").append(String.join(", ", provenance.models())).append(')');
    }
    return line.toString();
  }

  /** The commit a signal came from, or the pull request, or the change's files. */
  static String signalOrigin(ProvenanceSignal signal) {
    String where =
        signal
            .commitId()
            .map(Summaries::shortId)
            .orElse(signal.source().startsWith("pr-") ? "PR" : "diff");
    return where + " " + signal.source();
  }

  static String velocityLine(Velocity v) {
    return String.format(
        Locale.ROOT,
        "%s: %d lines in %.1f min (%.1f lines/min) between %s and %s",
        v.authorEmail(),
        v.linesChanged(),
        v.minutes(),
        v.linesPerMinute(),
        shortId(v.fromCommit()),
        shortId(v.toCommit()));
  }

  static Map<Surface, List<Finding>> bySurface(List<Finding> findings) {
    Map<Surface, List<Finding>> grouped = new EnumMap<>(Surface.class);
    for (Finding finding : findings) {
      grouped.computeIfAbsent(finding.surface(), s -> new ArrayList<>()).add(finding);
    }
    return grouped;
  }

  static String fileLine(FileChange file) {
    String path =
        switch (file.type()) {
          case RENAMED, COPIED ->
              file.oldPath().orElseThrow()
                  + " -> "
                  + file.newPath().orElseThrow()
                  + " ("
                  + file.similarity()
                  + "%)";
          default -> file.path();
        };
    List<String> notes = new ArrayList<>();
    switch (file.content()) {
      case BINARY -> notes.add("binary");
      case TOO_LARGE -> notes.add("too large to diff");
      case SUBMODULE -> notes.add("submodule pointer");
      case TEXT -> {
        if (file.linesAdded() + file.linesDeleted() > 0) {
          notes.add("+" + file.linesAdded() + " -" + file.linesDeleted());
        }
      }
    }
    if (file.modeChanged()) {
      notes.add("mode " + mode(file.oldMode()) + " -> " + mode(file.newMode()));
    }
    file.symlinkTarget().ifPresent(target -> notes.add("symlink to " + target));
    if (file.nonUtf8()) {
      notes.add("not UTF-8");
    }
    return file.type().letter()
        + "  "
        + path
        + (notes.isEmpty() ? "" : "  " + String.join(", ", notes));
  }

  /** Changed declarations grouped by file, in the order given. */
  static Map<String, List<ChangedDeclaration>> byPath(List<ChangedDeclaration> declarations) {
    Map<String, List<ChangedDeclaration>> grouped = new LinkedHashMap<>();
    for (ChangedDeclaration declaration : declarations) {
      grouped.computeIfAbsent(declaration.path(), p -> new ArrayList<>()).add(declaration);
    }
    return grouped;
  }

  /** How many declarations changed each way: {@code 3 added, 1 signature, 1 body}. */
  static String declarationCounts(List<ChangedDeclaration> declarations) {
    if (declarations.isEmpty()) {
      return "none";
    }
    Map<DeclarationChange, Integer> counts = new EnumMap<>(DeclarationChange.class);
    declarations.forEach(d -> counts.merge(d.change(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (change, n) ->
            parts.add(
                change == DeclarationChange.UNKNOWN
                    ? plural(n, "file") + " not parsed"
                    : n + " " + change.id()));
    return String.join(", ", parts);
  }

  /**
   * What changed, as a short label: {@code + method} and {@code - field} for declarations added or
   * removed, {@code ~ signature} or {@code ~ body} for altered ones, {@code ? not parsed} for a
   * file that could not be read.
   */
  static String declarationLabel(ChangedDeclaration declaration) {
    return switch (declaration.change()) {
      case ADDED -> "+ " + declaration.kind().id();
      case REMOVED -> "- " + declaration.kind().id();
      case SIGNATURE_CHANGED, BODY_CHANGED -> "~ " + declaration.change().id();
      case UNKNOWN -> "? not parsed";
    };
  }

  /**
   * The declaration's name without its package, which its file already says, and its line: {@code
   * OrderController#search(String,String) :29}, or {@code base:12} for a removed one; then the name
   * it had before, if it had another.
   */
  static String declarationLine(ChangedDeclaration declaration) {
    if (declaration.change() == DeclarationChange.UNKNOWN) {
      return "(see diagnostics)";
    }
    String line =
        declaration.symbol().name()
            + "  "
            + (declaration.change() == DeclarationChange.REMOVED ? "base:" : ":")
            + declaration.line();
    return formerName(declaration).map(old -> line + "  (was " + old + ")").orElse(line);
  }

  /** The name a declaration had in the base, qualified only when its package changed. */
  static Optional<String> formerName(ChangedDeclaration declaration) {
    return declaration
        .oldSymbol()
        .map(
            old ->
                old.packageName().equals(declaration.symbol().packageName())
                    ? old.name()
                    : old.qualified());
  }

  static String countsLine(Analysis analysis) {
    return plural(analysis.findings().size(), "finding")
        + " on "
        + plural(bySurface(analysis.findings()).size(), "sensitive surface");
  }

  private static String mode(FileMode mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  static String shortId(String id) {
    return id.substring(0, Math.min(12, id.length()));
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code 14 declarations reached (3 high, 9 medium, 2 low), 2 entry points, 1 test}. */
  static String reachLine(Reach reach) {
    List<String> parts = new ArrayList<>();
    List<Confidence> levels = List.of(Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW);
    for (Confidence level : levels) {
      int n = reach.byConfidence().get(level.ordinal());
      if (n > 0) {
        parts.add(n + " " + level.id());
      }
    }
    return plural(reach.declarationsReached(), "declaration")
        + " reached"
        + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
        + ", "
        + plural(reach.entryPoints().size(), "entry point")
        + ", "
        + plural(reach.tests().size(), "test")
        + ", "
        + plural(reach.services().size(), "service");
  }

  /** A chain as a reader follows it: {@code A#m() -> B#n() (call) -> C#o() (override)}. */
  static String chainLine(List<ReachStep> chain) {
    StringBuilder line = new StringBuilder();
    for (ReachStep step : chain) {
      if (line.length() > 0) {
        line.append(" -> ");
      }
      line.append(step.symbol().name());
      if (!"changed".equals(step.via())) {
        line.append(" (").append(step.via()).append(')');
      }
    }
    return line.toString();
  }

  static String moduleLine(Module module) {
    String where = module.directory().isEmpty() ? "repository root" : module.directory();
    return module.name() + " (" + where + (module.service() ? ", service)" : ")");
  }

  /** {@code why GET /orders: A#m() -> B#n() (call)}, or that the target is not reached. */
  static String explanationLine(Explanation why) {
    return why.reached()
        ? "why " + why.target() + ": " + chainLine(why.chain())
        : "why " + why.target() + ": not reached; no dependency leads there from the change";
  }
}
