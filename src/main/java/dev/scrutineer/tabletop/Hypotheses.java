package dev.scrutineer.tabletop;

import dev.scrutineer.model.Drill.Hypothesis;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Failure hypotheses typical of fluent generated code, each from a rule over what a declaration's
 * changed lines say and which surfaces they touch. A rule states a scenario to rehearse, not a
 * defect found.
 */
final class Hypotheses {
  private record Rule(String id, String title, Surface surface, Pattern lines, String scenario) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "auth-check",
              "Inverted or missing authorization check",
              Surface.AUTH,
              Pattern.compile(
                  "permitAll|authenticated\\(|hasRole|hasAuthority|@PreAuthorize|@Secured"
                      + "|@RolesAllowed|isAdmin|isOwner|canAccess|checkPermission|principal"
                      + "|currentUser|tenant|Objects\\.equals\\([^)]*[iI]d\\b|getId\\(\\)\\s*[!=]="),
              "a condition in %s is inverted or a path skips it: anonymous or foreign callers get"
                  + " what only the owner should, or everyone is locked out"),
          new Rule(
              "boundary-null",
              "Boundary and null handling",
              null,
              Pattern.compile(
                  "\\s(<|<=|>|>=)\\s|\\bfor\\s*\\(|\\bwhile\\s*\\(|\\[[^\\]]+\\]"
                      + "|substring\\(|\\bnull\\b|Optional|\\.get\\(|\\.isEmpty\\(|size\\(\\)"
                      + "|length\\b|@RequestParam|@PathVariable"),
              "%s gets an empty, null, zero, negative or last-index input that the happy path"
                  + " never sent: it throws, returns the wrong element, or drops the last one"),
          new Rule(
              "retry-storm",
              "Retry storm",
              Surface.ERROR_HANDLING,
              Pattern.compile(
                  "(?i)retry|backoff|attempt|RestTemplate|WebClient|HttpClient|Feign|\\.exchange\\("
                      + "|kafkaTemplate|\\.send\\("),
              "a dependency of %s slows down and every caller retries without backoff or a cap,"
                  + " multiplying the load on what is already failing"),
          new Rule(
              "data-corruption",
              "Silent data corruption",
              Surface.DATA_ACCESS,
              Pattern.compile(
                  "(?i)\\b(select|insert|update|delete)\\b|jdbc|\\.save\\(|entityManager"
                      + "|\\.persist\\(|\\.merge\\(|executeUpdate|\\+\\s*\"\\s*'?"),
              "%s writes or reads the wrong rows (a widened WHERE, a concatenated value, a lost"
                  + " update) and nothing fails: the damage shows days later in the data"),
          new Rule(
              "race",
              "Race under concurrency",
              Surface.CONCURRENCY,
              Pattern.compile(
                  "synchronized|volatile|\\bThread\\b|Executor|CompletableFuture|Atomic"
                      + "|ConcurrentHashMap|@Async|parallelStream|\\block\\("),
              "two requests run %s at once and interleave: a check-then-act passes twice, or"
                  + " shared state is read half-written"));

  private Hypotheses() {}

  /** The hypotheses for a declaration, from its changed lines and the surfaces they touch. */
  static List<Hypothesis> of(String subject, List<Line> changedLines, Set<Surface> surfaces) {
    List<Hypothesis> found = new ArrayList<>();
    for (Rule rule : RULES) {
      Optional<String> evidence =
          changedLines.stream()
              .filter(l -> rule.lines().matcher(l.text()).find())
              .findFirst()
              .map(l -> "line " + l.number() + ": " + l.text().strip());
      boolean bySurface = rule.surface() != null && surfaces.contains(rule.surface());
      if (evidence.isPresent() || bySurface) {
        found.add(
            new Hypothesis(
                rule.id(), rule.title(), String.format(rule.scenario(), subject), evidence));
      }
    }
    if (found.isEmpty()) {
      found.add(
          new Hypothesis(
              "wrong-logic",
              "Plausible but wrong logic",
              subject
                  + " reads fluently and compiles, but computes the wrong result for an input no"
                  + " test sends",
              Optional.empty()));
    }
    return found;
  }

  /** The hypothesis for a changed configuration file. */
  static Hypothesis configTypo(String path, Optional<Line> firstChanged) {
    return new Hypothesis(
        "config-typo",
        "Configuration typo",
        "a key in "
            + path
            + " is misspelt, mis-nested or has the wrong unit: the code that reads it silently"
            + " falls back to its default, or the service does not start",
        firstChanged.map(l -> "line " + l.number() + ": " + l.text().strip()));
  }
}
