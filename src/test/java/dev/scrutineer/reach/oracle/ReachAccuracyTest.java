package dev.scrutineer.reach.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.reach.graph.CodeGraph;
import dev.scrutineer.analysis.reach.index.FactsExtractor;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the static reach engine (extractor + {@link CodeGraph}) against the bytecode oracle: for
 * every fixture and every method or constructor as the changed declaration, the engine's reverse
 * reach (restricted to the oracle's nodes: methods, constructors, fields, initializers; minus
 * members the compiler declares implicitly) must contain the oracle's. Precision is printed, not
 * asserted: the engine over-approximates on purpose (class-level envelope, overrides depending on
 * what they override, name-only fallbacks).
 */
class ReachAccuracyTest {
  private static final Path FIXTURES = Path.of("src/test/resources/reach-fixtures");

  @TempDir Path classes;

  @Test
  void recallAgainstTheBytecodeOracle() throws IOException {
    long truePositives = 0;
    long falseNegatives = 0;
    long falsePositives = 0;
    List<String> misses = new ArrayList<>();
    List<Path> fixtures;
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      fixtures = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(fixtures).as("fixtures under " + FIXTURES).isNotEmpty();
    StringBuilder perFixture = new StringBuilder();
    for (Path fixture : fixtures) {
      FixtureCompiler.Compiled compiled =
          FixtureCompiler.compile(fixture, classes.resolve(fixture.getFileName().toString()));
      BytecodeCallGraph oracle = BytecodeCallGraph.of(compiled);
      Set<String> implicit = compiled.facts().implicit();
      List<FileFacts> files = facts(fixture);
      Map<String, Symbol> symbols = new HashMap<>();
      for (FileFacts f : files) {
        for (TypeFact t : f.types()) {
          symbols.put(t.symbol().qualified(), t.symbol());
          for (MemberFact m : t.members()) {
            symbols.put(m.symbol().qualified(), m.symbol());
          }
        }
      }
      CodeGraph graph = CodeGraph.link(files, List.of());
      long tp = 0;
      long fn = 0;
      long fp = 0;
      for (String seed : oracle.nodes()) {
        if (!seed.contains("(") || implicit.contains(seed) || !symbols.containsKey(seed)) {
          continue;
        }
        Set<String> expected = new TreeSet<>(oracle.reverseReach(Set.of(seed)));
        expected.removeAll(implicit);
        Set<String> actual =
            graph.reach(List.of(symbols.get(seed))).reached().stream()
                .map(Symbol::qualified)
                .filter(oracle.nodes()::contains)
                .filter(s -> !implicit.contains(s))
                .collect(Collectors.toCollection(TreeSet::new));
        for (String e : expected) {
          if (actual.contains(e)) {
            tp++;
          } else {
            fn++;
            misses.add(fixture.getFileName() + ": " + seed + " -/-> " + e);
          }
        }
        for (String a : actual) {
          if (!expected.contains(a)) {
            fp++;
          }
        }
      }
      perFixture.append(
          String.format(
              "%-16s nodes %4d edges %5d  recall %.3f precision %.3f%n",
              fixture.getFileName(),
              graph.nodeCount(),
              graph.edgeCount(),
              ratio(tp, tp + fn),
              ratio(tp, tp + fp)));
      truePositives += tp;
      falseNegatives += fn;
      falsePositives += fp;
    }
    double recall = ratio(truePositives, truePositives + falseNegatives);
    double precision = ratio(truePositives, truePositives + falsePositives);
    System.out.printf(
        "reach accuracy vs bytecode oracle%n%soverall recall %.4f precision %.4f (tp %d fn %d fp %d)%n",
        perFixture, recall, precision, truePositives, falseNegatives, falsePositives);
    misses.stream().limit(40).forEach(m -> System.out.println("  missed " + m));
    assertThat(recall)
        .as("recall; first misses: %s", misses.stream().limit(20).toList())
        .isGreaterThanOrEqualTo(0.99);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  private static List<FileFacts> facts(Path root) throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<FileFacts> out = new ArrayList<>();
    for (Path p : sources) {
      try {
        out.add(
            FactsExtractor.extract(
                root.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
      } catch (UncheckedIOException e) {
        throw new IllegalStateException("cannot read fixture file " + p, e);
      }
    }
    return out;
  }
}
