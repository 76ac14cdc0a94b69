package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.analysis.reach.ChangedDeclarations;
import dev.scrutineer.analysis.reach.Javac;
import dev.scrutineer.analysis.reach.SourceParser;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.model.SourceTree;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Measures the index for {@code bench/index.sh}: {@code index REPO_OR_DIR CACHE_DIR} builds the
 * index of HEAD (or of a plain directory) with the cache in CACHE_DIR; {@code parse REPO_OR_DIR}
 * reads and parses the same files with the JDK parser only, in batches, on as many threads. Each
 * prints one line: mode, files, bytes, seconds, counts and the peak used heap sampled every 5 ms.
 */
public final class IndexBench {
  private IndexBench() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws Exception {
    if (args.length < 2) {
      out.println("usage: IndexBench index|parse REPO_OR_DIR [CACHE_DIR]");
      return 2;
    }
    Path input = Path.of(args[1]);
    int threads = Runtime.getRuntime().availableProcessors();
    HeapSampler heap = new HeapSampler();
    heap.start();
    if (Files.isDirectory(input.resolve(".git")) || Files.exists(input.resolve("HEAD"))) {
      try (ChangeSession session =
          GitChangeReader.open(
              new ChangeQuery(input, Optional.of("HEAD"), Optional.empty(), false))) {
        measure(args, session.head(), threads, heap, out);
      }
    } else {
      measure(args, new DirectoryTree(input), threads, heap, out);
    }
    return 0;
  }

  private static void measure(
      String[] args, SourceTree tree, int threads, HeapSampler heap, PrintStream out) {
    if (args[0].equals("index")) {
      // An analysis loads SQLite's library beside reading the change, from a copy in the cache
      // directory (FactsCache.prepare); loaded here at first use instead, sqlite-jdbc would write
      // and check a temporary copy and start uname, time no run of the index itself spends.
      FactsCache.prepare(Path.of(args[2]));
    }
    long start = System.nanoTime();
    if (args[0].equals("parse")) {
      long[] totals = parseOnly(tree, threads);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "parse: %d files, %.1f MB, %.2f s, %.1f MB/s, %d unparsed, peak heap %d MB%n",
          totals[0], totals[1] / 1e6, seconds, totals[1] / 1e6 / seconds, totals[2], heap.peakMb());
      return;
    }
    try (FactsCache cache = FactsCache.open(Path.of(args[2]).resolve("facts.db"))) {
      CodeIndex index = CodeIndex.build(tree, cache, threads);
      double seconds = (System.nanoTime() - start) / 1e9;
      CodeIndex.Stats stats = index.stats();
      long references =
          index.files().stream()
              .flatMap(f -> f.types().stream())
              .flatMap(t -> t.members().stream())
              .mapToLong(m -> m.references().size())
              .sum();
      out.printf(
          "index: %d files, %.2f s, %d from cache, %d extracted, %d unreadable, %d references,"
              + " peak heap %d MB%s%n",
          stats.files(),
          seconds,
          stats.fromCache(),
          stats.extracted(),
          stats.unreadable(),
          references,
          heap.peakMb(),
          index.diagnostics().isEmpty() ? "" : " " + index.diagnostics());
    }
  }

  /**
   * Files, bytes and failures of reading and parsing every Java file, as the index batches them.
   */
  private static long[] parseOnly(SourceTree tree, int threads) {
    List<String> paths = tree.paths().stream().filter(p -> p.endsWith(".java")).toList();
    ConcurrentLinkedQueue<List<String>> batches = new ConcurrentLinkedQueue<>();
    for (int from = 0; from < paths.size(); from += Javac.BATCH) {
      batches.add(paths.subList(from, Math.min(paths.size(), from + Javac.BATCH)));
    }
    AtomicLong bytes = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread thread =
          new Thread(
              null,
              () -> {
                try (Javac javac = Javac.compiler().orElseThrow()) {
                  for (List<String> batch = batches.poll(); batch != null; batch = batches.poll()) {
                    List<SourceParser.Source> sources = new ArrayList<>();
                    for (String path : batch) {
                      OptionalLong size = tree.size(path);
                      if (size.isEmpty() || size.getAsLong() > ChangedDeclarations.MAX_FILE_BYTES) {
                        continue;
                      }
                      byte[] content = tree.read(path).orElseThrow();
                      bytes.addAndGet(content.length);
                      sources.add(
                          new SourceParser.Source(
                              path.substring(path.lastIndexOf('/') + 1),
                              ChangedDeclarations.decode(content)));
                    }
                    for (Javac.Outcome<Boolean> outcome :
                        javac.read(sources, (unit, text, positions) -> true)) {
                      if (outcome instanceof Javac.Failed<Boolean>) {
                        failed.incrementAndGet();
                      }
                    }
                  }
                }
              },
              "parse-" + i,
              ChangedDeclarations.STACK_BYTES);
      thread.start();
      workers.add(thread);
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return new long[] {paths.size(), bytes.get(), failed.get()};
  }

  /** The largest used heap seen, sampled every 5 ms, in MB. */
  private static final class HeapSampler extends Thread {
    private volatile long peak;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      Runtime runtime = Runtime.getRuntime();
      while (true) {
        peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long peakMb() {
      Runtime runtime = Runtime.getRuntime();
      return Math.max(peak, runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
  }

  /** A plain directory's regular files, for directories that are not git repositories. */
  private record DirectoryTree(Path root) implements SourceTree {
    @Override
    public OptionalLong size(String path) {
      try {
        Path file = root.resolve(path);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            ? OptionalLong.of(Files.size(file))
            : OptionalLong.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Optional<byte[]> read(String path) {
      try {
        Path file = root.resolve(path);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            ? Optional.of(Files.readAllBytes(file))
            : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<String> paths() {
      try (Stream<Path> walk = Files.walk(root)) {
        return walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
            .map(f -> root.relativize(f).toString().replace('\\', '/'))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
