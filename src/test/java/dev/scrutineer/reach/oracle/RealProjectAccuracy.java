package dev.scrutineer.reach.oracle;

import dev.scrutineer.analysis.reach.graph.CodeGraph;
import dev.scrutineer.analysis.reach.graph.ReverseReach;
import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.ReachStep;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The reach engine's accuracy on a real project, against the bytecode oracle: compiles every {@code
 * .java} file under a directory with {@link FixtureCompiler}, builds the {@link BytecodeCallGraph}
 * and the engine's {@link CodeGraph} (via {@link CodeIndex}) from the same sources, samples method
 * and constructor seeds known to both, and prints micro-averaged recall and precision, overall and
 * per confidence level, restricted as {@link ReachAccuracyTest} restricts (the oracle's nodes minus
 * the members the compiler declares implicitly).
 *
 * <pre>
 *   RealProjectAccuracy SRC_DIR [SEEDS=300] [RNG_SEED=1]
 * </pre>
 *
 * Run it with {@code bench/reach-accuracy.sh}.
 */
final class RealProjectAccuracy {
  private static final Set<String> OBJECT_METHODS =
      Set.of("equals(Object)", "hashCode()", "toString()", "clone()", "finalize()");

  private RealProjectAccuracy() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: RealProjectAccuracy SRC_DIR [SEEDS=300] [RNG_SEED=1]");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    int sampleSize = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    long rngSeed = args.length > 2 ? Long.parseLong(args[2]) : 1;

    long t0 = System.nanoTime();
    Map<String, String> sources = read(root);
    long tRead = System.nanoTime();

    FixtureCompiler.Compiled compiled;
    try {
      compiled = FixtureCompiler.compile(sources);
    } catch (IllegalStateException e) {
      System.err.println("cannot compile " + root + " with the JDK alone (--release 17):");
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    long tCompile = System.nanoTime();
    BytecodeCallGraph oracle = BytecodeCallGraph.of(compiled);
    long tOracle = System.nanoTime();

    Map<String, byte[]> bytes = new TreeMap<>();
    sources.forEach(
        (p, text) -> bytes.put(p, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    CodeIndex index = CodeIndex.build(SourceTree.of(bytes), FactsCache.none());
    long tIndex = System.nanoTime();
    List<FileFacts> files = new ArrayList<>(index.files());
    List<String> unreadable =
        files.stream()
            .filter(f -> f.problem().isPresent())
            .map(f -> f.path() + ": " + f.problem().get())
            .toList();
    if (!unreadable.isEmpty()) {
      System.err.println("the extractor could not read " + unreadable.size() + " file(s):");
      unreadable.forEach(u -> System.err.println("  " + u));
      System.exit(1);
    }
    CodeGraph graph = CodeGraph.link(files, List.of());
    long tLink = System.nanoTime();

    Map<String, Symbol> symbols = new HashMap<>();
    for (FileFacts f : files) {
      for (TypeFact t : f.types()) {
        symbols.put(t.symbol().qualified(), t.symbol());
        for (MemberFact m : t.members()) {
          symbols.put(m.symbol().qualified(), m.symbol());
        }
      }
    }
    Set<String> implicit = compiled.facts().implicit();
    List<String> candidates =
        oracle.nodes().stream()
            .filter(s -> s.contains("(") && !implicit.contains(s) && symbols.containsKey(s))
            .sorted()
            .toList();
    List<String> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new Random(rngSeed));
    List<String> seeds = shuffled.subList(0, Math.min(sampleSize, shuffled.size()));

    BytecodeCallGraph withoutObject = BytecodeCallGraph.withoutObjectDispatch(compiled);
    Scores all = score(oracle, graph, seeds, symbols, implicit);
    Scores direct = score(withoutObject, graph, seeds, symbols, implicit);

    System.out.printf("source: %s (%d files)%n", root, sources.size());
    System.out.printf(
        "oracle: %d nodes, %d edges (%d without dispatch on Object-typed receivers);"
            + " engine: %d nodes, %d edges%n",
        oracle.nodes().size(),
        oracle.edgeCount(),
        withoutObject.edgeCount(),
        graph.nodeCount(),
        graph.edgeCount());
    System.out.printf(
        "seeds: %d sampled (rng seed %d) of %d methods/constructors known to both%n",
        seeds.size(), rngSeed, candidates.size());
    print(all);
    System.out.println(
        "against the oracle without dispatch on Object-typed receivers (calls on an Object or a"
            + " type variable reach every equals, hashCode and toString there; the engine does not"
            + " draw those edges):");
    print(direct);
    System.out.printf(
        "times: read %d ms, compile %d ms, oracle %d ms, index %d ms, link %d ms,"
            + " reach oracle %d ms, reach engine %d ms%n",
        ms(tRead - t0),
        ms(tCompile - tRead),
        ms(tOracle - tCompile),
        ms(tIndex - tOracle),
        ms(tLink - tIndex),
        ms(all.oracleNanos()),
        ms(all.engineNanos()));
    printWorst("worst recall:", all.results());
    printWorst(
        "worst recall, seeds not overriding java.lang.Object methods:",
        all.results().stream().filter(r -> !r.objectMethod()).toList());
    printWorst("worst recall without dispatch on Object-typed receivers:", direct.results());
    printMostMissed(direct.results());
    printBlame(direct);
  }

  /**
   * The declarations the engine misses from the most seeds, without the oracle's dispatch on
   * Object-typed receivers: where one gap in the linking shows most.
   */
  private static void printMostMissed(List<SeedResult> results) {
    Map<String, Integer> seeds = new TreeMap<>();
    for (SeedResult r : results) {
      r.missed().forEach(missed -> seeds.merge(missed, 1, Integer::sum));
    }
    System.out.println(
        "most missed without dispatch on Object-typed receivers (declaration: seeds missing it):");
    seeds.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(10)
        .forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
  }

  /** The engine's edges behind the most falsely reached declarations, and their kinds. */
  private static void printBlame(Scores scores) {
    System.out.println(
        "false reach without dispatch on Object-typed receivers, by the first false edge of each"
            + " chain (declaration  <-via-  what it was taken to depend on):");
    scores
        .blamedVias()
        .forEach((via, count) -> System.out.printf("  %6d by %s edges%n", count, via));
    scores.blamedEdges().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(15)
        .forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
  }

  /** Micro-averaged counts over the seeds, per confidence level, and each seed's result. */
  private record Scores(
      long tp,
      long fn,
      long fp,
      Map<Confidence, long[]> byLevel,
      List<SeedResult> results,
      long oracleNanos,
      long engineNanos,
      Map<String, Integer> blamedEdges,
      Map<String, Integer> blamedVias) {}

  private static Scores score(
      BytecodeCallGraph oracle,
      CodeGraph graph,
      List<String> seeds,
      Map<String, Symbol> symbols,
      Set<String> implicit) {
    long tp = 0;
    long fn = 0;
    long fp = 0;
    Map<Confidence, long[]> byLevel = new TreeMap<>(Comparator.reverseOrder());
    for (Confidence c : Confidence.values()) {
      byLevel.put(c, new long[2]); // [true, total]
    }
    List<SeedResult> results = new ArrayList<>();
    long oracleNanos = 0;
    long oursNanos = 0;
    Map<String, Integer> blamedEdges = new HashMap<>();
    Map<String, Integer> blamedVias = new TreeMap<>();
    for (String seed : seeds) {
      long a = System.nanoTime();
      Set<String> expected = new TreeSet<>(oracle.reverseReach(Set.of(seed)));
      expected.removeAll(implicit);
      long b = System.nanoTime();
      ReverseReach reach = graph.reach(List.of(symbols.get(seed)));
      Map<String, Confidence> actual = new TreeMap<>();
      for (Symbol s : reach.reached()) {
        String q = s.qualified();
        if (oracle.nodes().contains(q) && !implicit.contains(q)) {
          actual.put(q, reach.confidence(s));
        }
      }
      long c = System.nanoTime();
      oracleNanos += b - a;
      oursNanos += c - b;
      List<String> missed = new ArrayList<>();
      for (String e : expected) {
        if (actual.containsKey(e)) {
          tp++;
        } else {
          fn++;
          missed.add(e);
        }
      }
      actual.forEach(
          (s, conf) -> {
            long[] counts = byLevel.get(conf);
            counts[1]++;
            if (expected.contains(s)) {
              counts[0]++;
            }
          });
      long fpSeed = 0;
      for (Symbol s : reach.reached()) {
        String q = s.qualified();
        if (actual.containsKey(q) && !expected.contains(q)) {
          fpSeed++;
          blame(reach.chain(s), seed, expected, oracle, blamedEdges, blamedVias);
        }
      }
      fp += fpSeed;
      results.add(
          new SeedResult(seed, expected.size(), expected.size() - missed.size(), missed, fpSeed));
    }

    return new Scores(
        tp, fn, fp, byLevel, results, oracleNanos, oursNanos, blamedEdges, blamedVias);
  }

  /**
   * Charges a falsely reached node to the first false step of its chain: the first declaration the
   * oracle knows that depends, by the engine's edge, on a truly reached one (or the seed) but is
   * not truly reached itself.
   */
  private static void blame(
      List<ReachStep> chain,
      String seed,
      Set<String> expected,
      BytecodeCallGraph oracle,
      Map<String, Integer> edges,
      Map<String, Integer> vias) {
    String previous = seed;
    for (ReachStep step : chain.subList(1, chain.size())) {
      String q = step.symbol().qualified();
      if (oracle.nodes().contains(q) && !expected.contains(q) && !q.equals(seed)) {
        edges.merge(q + "  <-" + step.via() + "-  " + previous, 1, Integer::sum);
        vias.merge(step.via() + " " + step.confidence().id(), 1, Integer::sum);
        return;
      }
      previous = oracle.nodes().contains(q) ? q : q + " (unknown to the oracle)";
    }
  }

  private static void print(Scores scores) {
    long tp = scores.tp();
    long fn = scores.fn();
    long fp = scores.fp();
    List<SeedResult> results = scores.results();
    System.out.printf(
        "overall recall %.4f precision %.4f (tp %d fn %d fp %d)%n",
        ratio(tp, tp + fn), ratio(tp, tp + fp), tp, fn, fp);
    scores
        .byLevel()
        .forEach(
            (conf, counts) ->
                System.out.printf(
                    "  %-6s precision %.4f (%d of %d reached are true)%n",
                    conf.id(), ratio(counts[0], counts[1]), counts[0], counts[1]));
    for (boolean object : new boolean[] {true, false}) {
      List<SeedResult> part = results.stream().filter(r -> r.objectMethod() == object).toList();
      long ptp = part.stream().mapToLong(SeedResult::found).sum();
      long pfn = part.stream().mapToLong(r -> r.expected() - r.found()).sum();
      long pfp = part.stream().mapToLong(SeedResult::falsePositives).sum();
      System.out.printf(
          "  seeds %s java.lang.Object methods (%d): recall %.4f precision %.4f"
              + " (tp %d fn %d fp %d)%n",
          object ? "overriding" : "not overriding",
          part.size(),
          ratio(ptp, ptp + pfn),
          ratio(ptp, ptp + pfp),
          ptp,
          pfn,
          pfp);
    }
  }

  private static void printWorst(String title, List<SeedResult> results) {
    List<SeedResult> worst =
        results.stream()
            .filter(r -> r.expected() > r.found())
            .sorted(
                Comparator.comparingDouble(SeedResult::recall)
                    .thenComparing(Comparator.comparingInt(SeedResult::expected).reversed())
                    .thenComparing(SeedResult::seed))
            .limit(5)
            .toList();
    System.out.println(title);
    if (worst.isEmpty()) {
      System.out.println("  (none: every sampled seed has full recall)");
    }
    for (SeedResult r : worst) {
      System.out.printf(
          "  %.3f (%d of %d) %s%n    missed e.g. %s%n",
          r.recall(), r.found(), r.expected(), r.seed(), r.missed().get(0));
    }
  }

  private record SeedResult(
      String seed, int expected, int found, List<String> missed, long falsePositives) {
    /** Overrides a {@code java.lang.Object} method: the oracle's CHA sends every such call here. */
    boolean objectMethod() {
      String m = seed.substring(seed.indexOf('#') + 1);
      return OBJECT_METHODS.contains(m);
    }

    double recall() {
      return ratio(found, expected);
    }
  }

  private static Map<String, String> read(Path root) throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no .java files under " + root);
    }
    return sources;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 1.0 : (double) a / b;
  }
}
