package dev.scrutineer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the change can reach: everything that transitively depends on its changed declarations,
 * and what among that an engineer recognises.
 *
 * @param declarationsReached dependents of the changed declarations, the changed ones excluded
 * @param byConfidence how many of those were reached at each confidence, {@code [low, medium,
 *     high]}
 * @param entryPoints the entry points reached, most confident first
 * @param tests the tests that exercise changed code
 * @param modules the modules the changed and reached declarations live in
 * @param index what the code index read to answer
 * @param explanation the answer to {@code --why}, when it was asked
 * @param byDeclaration what each changed declaration outside tests reaches on its own, for at most
 *     {@code ReachAnalyzer}'s cap of them, in the order they changed
 */
public record Reach(
    int declarationsReached,
    List<Integer> byConfidence,
    List<EntryPoint> entryPoints,
    List<ReachedTest> tests,
    List<Module> modules,
    IndexSummary index,
    Optional<Explanation> explanation,
    List<DeclarationReach> byDeclaration) {
  public Reach {
    byConfidence = List.copyOf(byConfidence);
    if (byConfidence.size() != Confidence.values().length) {
      throw new IllegalArgumentException("one count per confidence");
    }
    entryPoints = List.copyOf(entryPoints);
    tests = List.copyOf(tests);
    modules = List.copyOf(modules);
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(explanation, "explanation");
    byDeclaration = List.copyOf(byDeclaration);
  }

  /** What {@code declaration} reaches on its own, when it was one of those computed. */
  public Optional<DeclarationReach> of(Symbol declaration) {
    return byDeclaration.stream().filter(d -> d.declaration().equals(declaration)).findFirst();
  }

  public List<Module> services() {
    return modules.stream().filter(Module::service).toList();
  }

  /**
   * What the index read.
   *
   * @param javaFiles Java files indexed
   * @param parsed files parsed in this run, the merge-base's and then the change's; the others'
   *     facts came from the cache
   * @param linked files whose references were linked in this run: the merge-base's when its graph
   *     was not stored yet, then those the change can affect; the others' links came from the
   *     stored graph of the merge-base
   * @param unreadable of those, how many could not be parsed and count at file level
   */
  public record IndexSummary(int javaFiles, int parsed, int linked, int unreadable) {}
}
