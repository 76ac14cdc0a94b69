package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.CodeIndex;
import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Measures the framework rules for {@code bench/frameworks.sh}: {@code REPO CACHE_DIR BASE RUNS
 * [DUMP]} indexes the head of {@code BASE..HEAD} from the facts cache in CACHE_DIR, then runs
 * {@link FrameworkFacts#analyze} RUNS times in this JVM and prints the first run's and the median
 * of the later runs' wall and CPU times. With DUMP, writes every fact found to that file, one per
 * line, so that two versions of the rules can be compared byte for byte. The baseline, measured in
 * the same JVM, is one walk over every fact that the rules read.
 */
public final class FrameworksBench {
  private FrameworksBench() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws IOException {
    if (args.length < 4) {
      out.println("usage: FrameworksBench REPO CACHE_DIR BASE RUNS [DUMP]");
      return 2;
    }
    int runs = Integer.parseInt(args[3]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (ChangeSession session =
            GitChangeReader.open(
                new ChangeQuery(Path.of(args[0]), Optional.of(args[2]), Optional.empty(), false));
        FactsCache cache = FactsCache.open(Path.of(args[1]).resolve("facts.db"))) {
      CodeIndex index = CodeIndex.build(session.head(), cache);
      List<Double> walk = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        blackhole += walk(index.files());
        walk.add((System.nanoTime() - start) / 1e6);
      }
      List<Double> wall = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      FrameworkFacts facts = null;
      for (int i = 0; i < runs; i++) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        facts = FrameworkFacts.analyze(index.files(), session.head(), session.change());
        wall.add((System.nanoTime() - start) / 1e6);
        cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
      }
      out.printf(
          "frameworks: %d files, first run %.0f ms wall %.0f ms cpu, later runs median %.0f ms"
              + " wall %.0f ms cpu; baseline: one walk over the facts %.0f ms (median)%n",
          index.files().size(),
          wall.get(0),
          cpu.get(0),
          medianAfterFirst(wall),
          medianAfterFirst(cpu),
          medianAfterFirst(walk));
      if (args.length > 4 && facts != null) {
        dump(facts, Path.of(args[4]));
      }
    }
    return 0;
  }

  /** Keeps the walk's result alive so that the JIT cannot drop it. */
  private static long blackhole;

  /**
   * The floor any rule pays: every annotation value, member and reference of every type visited
   * once, hashing their names.
   */
  private static long walk(Collection<FileFacts> files) {
    long hash = 0;
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        hash += type.symbol().hashCode();
        for (AnnotationFact a : type.annotations()) {
          hash += a.name().hashCode() + a.values().hashCode();
        }
        for (MemberFact member : type.members()) {
          hash += member.name().hashCode();
          for (AnnotationFact a : member.annotations()) {
            hash += a.name().hashCode() + a.values().hashCode();
          }
          for (Reference ref : member.references()) {
            hash += ref.name().hashCode();
          }
        }
      }
    }
    return hash;
  }

  private static double medianAfterFirst(List<Double> times) {
    List<Double> later =
        new ArrayList<>(times.subList(Math.min(1, times.size() - 1), times.size()));
    later.sort(null);
    return later.get(later.size() / 2);
  }

  private static void dump(FrameworkFacts facts, Path file) throws IOException {
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), false)) {
      facts.entryPoints().forEach((symbol, specs) -> w.println("entry " + symbol + " " + specs));
      facts.tests().forEach(t -> w.println("test " + t));
      facts.testClasses().forEach(t -> w.println("test-class " + t));
      facts.edges().forEach(e -> w.println("edge " + e));
      facts.configKeyChanges().forEach(k -> w.println("key " + k));
      facts.modules().forEach(m -> w.println("module " + m));
      facts.diagnostics().forEach(d -> w.println("diagnostic " + d));
    }
  }
}
