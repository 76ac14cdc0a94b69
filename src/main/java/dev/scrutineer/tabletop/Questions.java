package dev.scrutineer.tabletop;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.Drill.Hypothesis;
import dev.scrutineer.model.Drill.Migration;
import dev.scrutineer.model.Drill.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Questions for the team, each about something concrete in this change. */
final class Questions {
  private Questions() {}

  static List<String> of(Analysis analysis, List<Target> targets, Drill.Rollback rollback) {
    Set<String> questions = new LinkedHashSet<>();
    Set<String> unowned = new LinkedHashSet<>();
    Set<String> watched = new LinkedHashSet<>();
    for (Target target : targets) {
      String name = target.subject().substring(target.subject().lastIndexOf('.') + 1);
      for (Hypothesis hypothesis : target.hypotheses()) {
        switch (hypothesis.id()) {
          case "auth-check" ->
              questions.add(
                  "Which test fails if the check in "
                      + name
                      + " is inverted? "
                      + (target.tests().isEmpty()
                          ? "No test is traced to it."
                          : "Tests that reach it: " + DrillComposer.some(target.tests(), 3) + "."));
          case "data-corruption" ->
              questions.add(
                  "If "
                      + name
                      + " writes or returns the wrong rows, how would we find out which, and is"
                      + " there a backup or audit trail older than the deploy to repair them?");
          case "retry-storm" ->
              questions.add(
                  "What caps the retries around "
                      + name
                      + " (attempts, backoff, circuit breaker) when its dependency is slow?");
          case "race" ->
              questions.add("What happens when two requests run " + name + " at the same moment?");
          case "config-typo" ->
              questions.add(
                  "Which startup check or test fails if a key in "
                      + target.subject()
                      + " is misspelt?");
          default -> {}
        }
      }
      if (target.tests().isEmpty() && !"config".equals(target.change())) {
        questions.add(
            "No test is traced to "
                + name
                + " ("
                + target.location()
                + "): how would we notice it broke before users do?");
      }
      target.breaks().forEach(b -> watched.add(b.label()));
      if (target.owners().isEmpty()) {
        unowned.add(target.location().replaceFirst(":\\d+$", ""));
      }
    }
    if (!watched.isEmpty()) {
      questions.add(
          "Who watches "
              + DrillComposer.some(List.copyOf(watched), 4)
              + " after the deploy, and what error rate or latency means roll back?");
    }
    if (!unowned.isEmpty()) {
      questions.add(
          "Who is paged when "
              + DrillComposer.some(List.copyOf(unowned), 3)
              + " fails? No owner is named for "
              + (unowned.size() == 1 ? "it." : "them."));
    }
    for (Migration migration : rollback.migrations()) {
      if (migration.undo().isEmpty()) {
        questions.add(
            migration.path()
                + " has no undo script: can the previous release run against the migrated"
                + " schema, or is rolling forward the only way back?");
      }
    }
    if (rollback.featureFlags().isEmpty() && !targets.isEmpty()) {
      questions.add(
          "Nothing in the change switches it off without a deploy: is redeploying the previous"
              + " version fast enough if it misbehaves?");
    }
    if (!rollback.revert().clean()) {
      questions.add(
          (rollback.revert().merged() ? "Reverting" : "Merging")
              + " conflicts in "
              + DrillComposer.some(rollback.revert().conflicts(), 3)
              + ": who resolves that under pressure?");
    }
    AiLevel level = analysis.provenance().level();
    if (level != AiLevel.NONE) {
      questions.add(
          "The change is "
              + level.id()
              + " AI-assisted"
              + (analysis.provenance().tools().isEmpty()
                  ? ""
                  : " (" + String.join(", ", analysis.provenance().tools()) + ")")
              + ": which of the lines above did a person check line by line?");
    }
    return List.copyOf(questions);
  }
}
