package dev.scrutineer.policy;

import dev.scrutineer.config.EvidenceKind;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.ReachedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a change carries the evidence a tier asks for, and where it was found.
 *
 * <ul>
 *   <li>{@code tests-reach-change}: a test reaches a changed declaration, or the change adds or
 *       edits a test file ({@code src/test/}, {@code *Test.java}, {@code *Tests.java}, {@code
 *       *IT.java}).
 *   <li>{@code rollout-plan}: the pull request's body has a line starting with "Rollout" (a heading
 *       {@code ## Rollout plan} or {@code Rollout: ...}), or a label {@code rollout-plan} or {@code
 *       feature-flag}.
 *   <li>{@code drill-acknowledged}: {@code --drill-ack} was given, or the pull request has the
 *       label {@code drill-acknowledged}.
 * </ul>
 */
final class Evidence {
  private static final Pattern ROLLOUT =
      Pattern.compile("(?im)^\\s*(?:#+\\s*|\\*\\*)?rollout\\b[^\\n]*$");
  private static final Pattern TEST_FILE =
      Pattern.compile("(^|.*/)src/test/.*|.*(Test|Tests|IT)\\.(java|kt)$");
  private static final Set<String> ROLLOUT_LABELS = Set.of("rollout-plan", "feature-flag");
  private static final String DRILL_LABEL = "drill-acknowledged";

  private Evidence() {}

  static String describe(EvidenceKind kind) {
    return switch (kind) {
      case TESTS_REACH_CHANGE -> "tests that reach the changed code";
      case ROLLOUT_PLAN -> "a rollout plan or a feature flag";
      case DRILL_ACKNOWLEDGED -> "an acknowledged failure drill";
    };
  }

  /** What in the change or the pull request provides the evidence; empty when nothing does. */
  static List<String> found(EvidenceKind kind, Analysis analysis, boolean drillAcknowledged) {
    List<String> found = new ArrayList<>();
    switch (kind) {
      case TESTS_REACH_CHANGE -> {
        analysis
            .reach()
            .ifPresent(r -> r.tests().stream().map(Evidence::testName).forEach(found::add));
        analysis.change().files().stream()
            .filter(f -> f.newPath().isPresent())
            .map(FileChange::path)
            .filter(p -> TEST_FILE.matcher(p).matches())
            .map(p -> "changed " + p)
            .forEach(found::add);
      }
      case ROLLOUT_PLAN ->
          analysis
              .pullRequest()
              .ifPresent(
                  pr -> {
                    var m = ROLLOUT.matcher(pr.body());
                    if (m.find()) {
                      found.add("PR body: " + m.group().strip());
                    }
                    labels(pr, ROLLOUT_LABELS).forEach(l -> found.add("label " + l));
                  });
      case DRILL_ACKNOWLEDGED -> {
        if (drillAcknowledged) {
          found.add("--drill-ack");
        }
        analysis
            .pullRequest()
            .ifPresent(pr -> labels(pr, Set.of(DRILL_LABEL)).forEach(l -> found.add("label " + l)));
      }
    }
    return found;
  }

  private static List<String> labels(PullRequest pr, Set<String> wanted) {
    return pr.labels().stream().filter(l -> wanted.contains(l.toLowerCase(Locale.ROOT))).toList();
  }

  private static String testName(ReachedTest test) {
    return "test " + test.symbol().name();
  }
}
