package dev.scrutineer.report;

import dev.scrutineer.model.Drill;
import dev.scrutineer.model.Drill.Hypothesis;
import dev.scrutineer.model.Drill.Migration;
import dev.scrutineer.model.Drill.Revert;
import dev.scrutineer.model.Drill.Target;
import dev.scrutineer.model.RiskTier;
import java.util.List;

/** The drill as Markdown, to read in a meeting or paste into a pull request. */
final class DrillMarkdown {
  private DrillMarkdown() {}

  static String render(Drill drill) {
    StringBuilder out = new StringBuilder("# Failure drill");
    drill.pullRequest().ifPresent(pr -> out.append(": ").append(pr.title()));
    out.append("\n\n");
    out.append("- change: `")
        .append(drill.change().mergeBase().shortId())
        .append("..")
        .append(drill.change().head().shortId())
        .append("` (base ")
        .append(drill.change().base().spec())
        .append("), ")
        .append(drill.change().files().size())
        .append(" files, +")
        .append(drill.change().linesAdded())
        .append(" -")
        .append(drill.change().linesDeleted())
        .append('\n');
    out.append("- AI assistance: ").append(drill.aiLevel().id()).append('\n');
    out.append("- risk tier: ").append(drill.tier().map(RiskTier::id).orElse("n/a")).append('\n');
    drill.notes().forEach(n -> out.append("- note: ").append(n).append('\n'));
    out.append('\n');
    if (drill.targets().isEmpty()) {
      out.append("Nothing in this change ranks as risky enough to rehearse.\n\n");
    }
    int n = 1;
    for (Target target : drill.targets()) {
      target(out, n++, target);
    }
    rollback(out, drill.rollback());
    drill.mutation().ifPresent(m -> mutation(out, m));
    out.append("## Questions for the team\n\n");
    if (drill.questions().isEmpty()) {
      out.append("None.\n");
    }
    int q = 1;
    for (String question : drill.questions()) {
      out.append(q++).append(". ").append(question).append('\n');
    }
    return out.toString();
  }

  private static void target(StringBuilder out, int n, Target target) {
    out.append("## ")
        .append(n)
        .append(". `")
        .append(target.subject())
        .append("` (")
        .append(target.change())
        .append(")\n\n");
    out.append("`").append(target.location()).append("`");
    if (!target.why().isEmpty()) {
      out.append(": ").append(String.join("; ", target.why()));
    }
    out.append("\n\n**Failure hypotheses**\n\n");
    for (Hypothesis h : target.hypotheses()) {
      out.append("- **").append(h.title()).append("**: ").append(h.scenario());
      h.evidence().ifPresent(e -> out.append(" (").append(code(e)).append(")"));
      out.append('\n');
    }
    out.append("\n**What breaks**: ");
    list(
        out,
        target.breaks().stream()
            .map(
                b ->
                    "`"
                        + b.label()
                        + "`"
                        + (b.chain().size() > 1 ? ", via " + String.join(" → ", b.chain()) : "")
                        + " ("
                        + b.confidence().id()
                        + " confidence)")
            .toList(),
        "no entry point traced to it");
    out.append("**Services**: ");
    list(out, target.services(), "none identified");
    out.append("**Who gets paged**: ");
    list(out, target.owners(), "n/a: no owner is named for this file");
    out.append("**How it would be detected**: ");
    list(out, target.tests().stream().map(t -> "test " + t).toList(), "no test traced to it");
    if (!target.breaks().isEmpty()) {
      out.append("**Watch after deploy**: ");
      list(out, target.breaks().stream().map(b -> "`" + b.label() + "`").toList(), "");
    }
    out.append('\n');
  }

  private static void rollback(StringBuilder out, Drill.Rollback rollback) {
    out.append("## Rollback\n\n");
    Revert revert = rollback.revert();
    out.append("- ");
    if (revert.merged()) {
      out.append(
          revert.clean()
              ? "a revert on " + revert.onto() + " applies cleanly (tried in memory)"
              : "a revert on "
                  + revert.onto()
                  + " conflicts in "
                  + String.join(", ", revert.conflicts()));
    } else {
      out.append(
          revert.clean()
              ? "not merged into "
                  + revert.onto()
                  + " yet; it merges cleanly now, so a revert right after merging is mechanical"
                  + " (later commits on the same lines would make it conflict)"
              : "not merged into "
                  + revert.onto()
                  + " yet, and merging it conflicts in "
                  + String.join(", ", revert.conflicts()));
    }
    out.append('\n');
    if (rollback.migrations().isEmpty()) {
      out.append("- migrations: none in the change\n");
    }
    for (Migration m : rollback.migrations()) {
      out.append("- migration `")
          .append(m.path())
          .append("`: ")
          .append(m.undo().map(u -> "undo: `" + u + "`").orElse("**no undo script or rollback**"))
          .append('\n');
    }
    if (rollback.featureFlags().isEmpty()) {
      out.append("- feature flag: none found in the change; switching it off means a deploy\n");
    }
    for (String flag : rollback.featureFlags()) {
      out.append("- feature flag: ").append(code(flag)).append('\n');
    }
    out.append('\n');
  }

  private static void mutation(StringBuilder out, Drill.Mutation mutation) {
    out.append("## Mutation testing (trusted mode)\n\n`")
        .append(mutation.command())
        .append("`\n\n")
        .append(mutation.mutants())
        .append(" mutants on changed lines, ")
        .append(mutation.survivors().size())
        .append(" survived:\n\n");
    for (Drill.Survivor s : mutation.survivors()) {
      out.append("- `")
          .append(s.path())
          .append(':')
          .append(s.line())
          .append("` ")
          .append(s.mutator())
          .append(": ")
          .append(s.description())
          .append('\n');
    }
    out.append('\n');
  }

  private static void list(StringBuilder out, List<String> items, String none) {
    if (items.isEmpty()) {
      out.append(none).append("\n\n");
      return;
    }
    out.append('\n');
    items.forEach(i -> out.append("- ").append(i).append('\n'));
    out.append('\n');
  }

  /** Inline code that survives backticks in the text. */
  private static String code(String text) {
    String fence = text.contains("`") ? "`` " : "`";
    return fence + text + (fence.length() > 1 ? " ``" : "`");
  }
}
