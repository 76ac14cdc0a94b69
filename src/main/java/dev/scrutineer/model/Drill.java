package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure drill for one change: what could break, who would be paged, how it would be noticed,
 * whether it can be taken back, and what to ask the team before merging.
 *
 * @param targets the riskiest changed declarations and changed config files, riskiest first
 * @param notes what limits the drill, such as inputs that were not available
 */
public record Drill(
    ChangeSet change,
    Optional<PullRequest> pullRequest,
    AiLevel aiLevel,
    Optional<RiskTier> tier,
    List<Target> targets,
    Rollback rollback,
    List<String> questions,
    Optional<Mutation> mutation,
    List<String> notes) {
  public Drill {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(pullRequest, "pullRequest");
    Objects.requireNonNull(aiLevel, "aiLevel");
    Objects.requireNonNull(tier, "tier");
    targets = List.copyOf(targets);
    Objects.requireNonNull(rollback, "rollback");
    questions = List.copyOf(questions);
    Objects.requireNonNull(mutation, "mutation");
    notes = List.copyOf(notes);
  }

  /**
   * One thing the change alters that could fail.
   *
   * @param subject a declaration's symbol, or a config file's path
   * @param location {@code path:line}
   * @param change {@code added}, {@code signature}, {@code body}, {@code removed} or {@code config}
   * @param why why it ranks where it does
   * @param breaks the entry points reached through it, with the chain that reaches each: what to
   *     watch after the deploy
   * @param services the deployable modules those are in
   * @param owners who is paged for its file; empty when nobody is named
   * @param tests the tests that reach it: what would detect a failure before production
   */
  public record Target(
      String subject,
      String location,
      String change,
      List<String> why,
      List<Hypothesis> hypotheses,
      List<Break> breaks,
      List<String> services,
      List<String> owners,
      List<String> tests) {
    public Target {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(change, "change");
      why = List.copyOf(why);
      hypotheses = List.copyOf(hypotheses);
      breaks = List.copyOf(breaks);
      services = List.copyOf(services);
      owners = List.copyOf(owners);
      tests = List.copyOf(tests);
    }
  }

  /**
   * An entry point that fails when a target does.
   *
   * @param label the entry point as on-call engineers know it: {@code GET /orders/{id}}
   * @param chain the declarations from the target to the entry point, by their short names
   */
  public record Break(String label, List<String> chain, Confidence confidence) {
    public Break {
      Objects.requireNonNull(label, "label");
      chain = List.copyOf(chain);
      Objects.requireNonNull(confidence, "confidence");
    }
  }

  /**
   * A way the change could fail, of the kind fluent generated code gets wrong.
   *
   * @param id a stable name: {@code auth-check}, {@code boundary-null}, {@code retry-storm}, {@code
   *     data-corruption}, {@code race}, {@code config-typo}, {@code wrong-logic}
   * @param evidence the changed line that suggested it, when one did
   */
  public record Hypothesis(String id, String title, String scenario, Optional<String> evidence) {
    public Hypothesis {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  /**
   * Whether the change can be taken back mechanically.
   *
   * @param revert what trying a revert (or, for an unmerged change, a merge) in memory showed
   * @param migrations schema migrations the change adds or edits, each with its undo script if any
   * @param featureFlags changed lines that look like a feature flag or a switch for the change
   */
  public record Rollback(Revert revert, List<Migration> migrations, List<String> featureFlags) {
    public Rollback {
      Objects.requireNonNull(revert, "revert");
      migrations = List.copyOf(migrations);
      featureFlags = List.copyOf(featureFlags);
    }
  }

  /**
   * A revert or merge tried in memory.
   *
   * @param onto the revision it was tried on
   * @param merged true when the change is already in {@code onto}, so the revert itself was tried
   * @param clean true when there was no conflict
   * @param conflicts the paths that conflicted
   */
  public record Revert(String onto, boolean merged, boolean clean, List<String> conflicts) {
    public Revert {
      Objects.requireNonNull(onto, "onto");
      conflicts = List.copyOf(conflicts);
    }
  }

  /**
   * A migration the change adds or edits.
   *
   * @param undo the undo script or rollback block that reverses it, when there is one
   */
  public record Migration(String path, Optional<String> undo) {
    public Migration {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(undo, "undo");
    }
  }

  /**
   * Mutation testing on the changed lines, run only in trusted mode.
   *
   * @param command what was run
   * @param mutants mutants on changed lines
   * @param survivors the mutants on changed lines that no test killed: evidence of untested logic
   */
  public record Mutation(String command, int mutants, List<Survivor> survivors) {
    public Mutation {
      Objects.requireNonNull(command, "command");
      survivors = List.copyOf(survivors);
    }
  }

  /** A mutant no test killed. */
  public record Survivor(String path, int line, String mutator, String description) {
    public Survivor {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(mutator, "mutator");
      Objects.requireNonNull(description, "description");
    }
  }
}
