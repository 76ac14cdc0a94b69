package dev.scrutineer.analysis.reach.index;

import dev.scrutineer.analysis.reach.ChangedDeclarations;
import dev.scrutineer.analysis.reach.Javac;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.SourceTree;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The facts of every {@code .java} file of one side of a change, read from the cache when it has
 * them and extracted otherwise. Files are parsed in batches by several threads, each with its own
 * parser and a large stack. Immutable: {@link #withFiles} returns a new index.
 */
public final class CodeIndex {
  /** Files per batch: a cache lookup, one parser task and one cache write each. */
  static final int BATCH = Javac.BATCH;

  /**
   * How the index was built.
   *
   * @param files the Java files it holds
   * @param fromCache of those read or updated in this build, how many came from the cache
   * @param extracted how many were parsed
   * @param unreadable how many of the files it holds could not be read or parsed
   * @param elapsed the wall time of this build or update
   */
  public record Stats(int files, int fromCache, int extracted, int unreadable, Duration elapsed) {
    public Stats {
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }

  private final SortedMap<String, FileFacts> files;
  private final Map<String, String> blobIds;
  private final List<FileFacts> sorted;
  private final FactsCache cache;
  private final int threads;
  private final Stats stats;
  private final List<Diagnostic> diagnostics;

  /** {@link #contentIds}, made when first asked for. */
  private volatile Map<String, String> contentIds;

  /** {@link #contentsId}, from the pack the index was read from or made when first asked for. */
  private volatile String contentsId;

  private CodeIndex(
      SortedMap<String, FileFacts> files,
      Map<String, String> blobIds,
      String contentsId,
      FactsCache cache,
      int threads,
      Stats stats,
      List<Diagnostic> diagnostics) {
    this.files = Collections.unmodifiableSortedMap(files);
    this.blobIds = blobIds;
    this.contentsId = contentsId;
    this.sorted = List.copyOf(files.values());
    this.cache = cache;
    this.threads = threads;
    this.stats = stats;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Indexes every Java file of {@code tree} with one thread per available processor. */
  public static CodeIndex build(SourceTree tree, FactsCache cache) {
    return build(tree, cache, Runtime.getRuntime().availableProcessors());
  }

  /** Indexes every Java file of {@code tree} with {@code threads} threads. */
  public static CodeIndex build(SourceTree tree, FactsCache cache, int threads) {
    return build(tree, cache, FactsPacks.none(), threads);
  }

  /**
   * Indexes every Java file of {@code tree} with {@code threads} threads, from the tree's pack when
   * {@code packs} has it, offering them one otherwise ({@link FactsPacks#offer}).
   */
  public static CodeIndex build(SourceTree tree, FactsCache cache, FactsPacks packs, int threads) {
    long start = System.nanoTime();
    int workers = Math.max(1, threads);
    // A git tree's pack goes by the tree's id: found without listing the tree or hashing its files.
    Optional<String> treeKey = tree.id().map(FactsPacks::keyOfTree);
    Optional<FactsPacks.Pack> ofTree = treeKey.flatMap(k -> packs.load(k, workers));
    if (ofTree.isPresent()) {
      return packed(ofTree.get(), cache, workers, start);
    }
    List<String> paths = tree.paths().stream().filter(CodeIndex::isJava).toList();
    // A tree without Java files has nothing to pack.
    Optional<SortedMap<String, String>> listed =
        paths.isEmpty() ? Optional.empty() : blobIds(tree, paths);
    Optional<String> key = listed.map(ids -> treeKey.orElseGet(() -> FactsPacks.key(ids)));
    if (treeKey.isEmpty()) {
      Optional<FactsPacks.Pack> pack = key.flatMap(k -> packs.load(k, workers));
      if (pack.isPresent() && pack.get().paths().equals(paths)) {
        return packed(pack.get(), cache, workers, start);
      }
    }
    // A merge-base that moved shares most files with the last pack: only the others are read.
    Map<String, FileFacts> near = listed.map(ids -> packs.nearest(ids, workers)).orElseGet(Map::of);
    List<String> rest =
        near.isEmpty() ? paths : paths.stream().filter(p -> !near.containsKey(p)).toList();
    SortedMap<String, FileFacts> files = new TreeMap<>();
    Map<String, String> blobIds = new ConcurrentHashMap<>();
    Counts counts = index(tree, rest, cache, workers, files, blobIds);
    files.putAll(near);
    near.keySet().forEach(path -> blobIds.put(path, listed.get().get(path)));
    counts.fromCache.addAndGet(near.size());
    CodeIndex index =
        new CodeIndex(
            files,
            blobIds,
            null,
            cache,
            workers,
            stats(files, counts, start),
            diagnostics(counts, cache));
    if (key.isPresent() && !counts.noCompiler && !counts.unreadable) {
      packs.offer(key.get(), index.sorted, blobIds, index.contentsId(), workers);
    }
    return index;
  }

  /** The index of the files of {@code pack}. */
  private static CodeIndex packed(FactsPacks.Pack pack, FactsCache cache, int threads, long start) {
    SortedMap<String, FileFacts> files = SortedMaps.ofSorted(pack.paths(), pack.facts());
    Map<String, String> blobIds = new ConcurrentHashMap<>(files.size() * 4 / 3 + 1);
    for (int i = 0; i < pack.paths().size(); i++) {
      blobIds.put(pack.paths().get(i), pack.blobIds().get(i));
    }
    Counts counts = new Counts();
    counts.fromCache.set(files.size());
    return new CodeIndex(
        files,
        blobIds,
        pack.contentsId(),
        cache,
        threads,
        stats(files, counts, start),
        diagnostics(counts, cache));
  }

  /** Each path's blob id; empty when one cannot be read. */
  private static Optional<SortedMap<String, String>> blobIds(SourceTree tree, List<String> paths) {
    List<String> ids = new ArrayList<>(paths.size());
    try {
      for (String path : paths) {
        Optional<String> id = tree.blobId(path);
        if (id.isEmpty()) {
          return Optional.empty();
        }
        ids.add(id.get());
      }
    } catch (UncheckedIOException e) {
      return Optional.empty(); // the index notes it as it reads the file
    }
    return Optional.of(SortedMaps.ofSorted(paths, ids));
  }

  /**
   * This index with {@code changedOrAddedPaths} read again from {@code head} and {@code
   * deletedPaths} dropped; only those files are looked up or parsed. Paths that are not Java files
   * are ignored. The cache this index was built with must still be open.
   */
  public CodeIndex withFiles(
      SourceTree head, Collection<String> changedOrAddedPaths, Collection<String> deletedPaths) {
    return withFiles(head, changedOrAddedPaths, deletedPaths, ReadAhead.none());
  }

  /** As {@link #withFiles(SourceTree, Collection, Collection)}, taking what {@code ahead} read. */
  public CodeIndex withFiles(
      SourceTree head,
      Collection<String> changedOrAddedPaths,
      Collection<String> deletedPaths,
      ReadAhead ahead) {
    long start = System.nanoTime();
    SortedMap<String, FileFacts> updated =
        new TreeMap<>(files); // from a sorted map: no comparisons
    deletedPaths.forEach(updated::remove);
    List<String> paths = javaPaths(changedOrAddedPaths);
    paths.forEach(updated::remove);
    Map<String, FileFacts> read = new TreeMap<>();
    Map<String, String> blobIds = new ConcurrentHashMap<>(this.blobIds);
    deletedPaths.forEach(blobIds::remove);
    paths.forEach(blobIds::remove);
    Counts counts;
    if (ahead.covers(head, paths)) {
      ReadAhead.Read done = ahead.await();
      read.putAll(done.facts());
      blobIds.putAll(done.blobIds());
      counts = done.counts();
    } else {
      counts = index(head, paths, cache, threads, read, blobIds);
    }
    // A path listed as changed that the head no longer has is gone.
    read.values().removeIf(f -> f.problem().filter(CodeIndex::isAbsent).isPresent());
    updated.putAll(read);
    return new CodeIndex(
        updated,
        blobIds,
        null,
        cache,
        threads,
        stats(updated, counts, start),
        diagnostics(counts, cache));
  }

  /** Every file's facts, sorted by path (a {@link List}). */
  public Collection<FileFacts> files() {
    return sorted;
  }

  public Optional<FileFacts> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /**
   * The facts of the files {@code contentIds} names (as {@link #contentIds} gives them), sorted by
   * path: this index's where the content is the same, the cache's otherwise; empty when the cache
   * lacks some.
   */
  public Optional<List<FileFacts>> factsOf(Map<String, String> contentIds) {
    Map<String, String> own = contentIds();
    Map<String, FileFacts> found = new TreeMap<>();
    Map<String, String> missing = new HashMap<>();
    contentIds.forEach(
        (path, id) -> {
          int problem = id.indexOf('!');
          if (id.equals(own.get(path))) {
            found.put(path, files.get(path));
          } else if (problem >= 0) {
            found.put(path, FileFacts.unreadable(path, id.substring(problem + 1)));
          } else {
            missing.put(path, id);
          }
        });
    Map<String, FileFacts> loaded = cache.load(missing);
    if (loaded.size() < missing.size()) {
      return Optional.empty();
    }
    found.putAll(loaded);
    return Optional.of(List.copyOf(found.values()));
  }

  /**
   * What each file's facts were derived from, by path: its blob id, and why it could not be read
   * when it could not (the same content gives other facts without a compiler).
   */
  public Map<String, String> contentIds() {
    Map<String, String> made = contentIds;
    if (made == null) {
      List<String> paths = new ArrayList<>(files.size());
      List<String> ids = new ArrayList<>(files.size());
      files.forEach(
          (path, facts) -> {
            paths.add(path);
            ids.add(blobIds.getOrDefault(path, "") + facts.problem().map(p -> "!" + p).orElse(""));
          });
      made = Collections.unmodifiableSortedMap(SortedMaps.ofSorted(paths, ids));
      contentIds = made;
    }
    return made;
  }

  /**
   * One id for all of {@link #contentIds}, as {@link #contentsId(Map)} makes it: what a stored
   * graph of these files goes by. An index read from a pack has it from there.
   */
  public String contentsId() {
    String made = contentsId;
    if (made == null) {
      made = contentsId(contentIds());
      contentsId = made;
    }
    return made;
  }

  /** The SHA-1 of every path and content id of {@code contentIds}, in path order. */
  public static String contentsId(Map<String, String> contentIds) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
    SortedMap<String, String> byPath =
        contentIds instanceof SortedMap<String, String> sorted && sorted.comparator() == null
            ? sorted
            : new TreeMap<>(contentIds);
    byPath.forEach(
        (path, id) -> sha1.update((path + "\0" + id + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(sha1.digest());
  }

  /**
   * The paths whose content differs between two maps of {@link #contentIds}, or that only one of
   * them has.
   */
  public static Set<String> differing(Map<String, String> a, Map<String, String> b) {
    Set<String> differing = new HashSet<>();
    a.forEach(
        (path, id) -> {
          if (!id.equals(b.get(path))) {
            differing.add(path);
          }
        });
    b.keySet().stream().filter(path -> !a.containsKey(path)).forEach(differing::add);
    return differing;
  }

  public Stats stats() {
    return stats;
  }

  /**
   * What limited this index: no compiler, an unusable cache. Unreadable files are in {@link
   * #files}.
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static FileFacts unreadable(String path, UncheckedIOException e) {
    return FileFacts.unreadable(path, "could not be read (" + e.getMessage() + ")");
  }

  private static boolean isJava(String path) {
    return path.endsWith(".java");
  }

  /** The Java files among {@code paths}, each once, sorted. */
  static List<String> javaPaths(Collection<String> paths) {
    return paths.stream().filter(CodeIndex::isJava).distinct().sorted().toList();
  }

  private static final String ABSENT = "is not a regular file on this side";

  private static boolean isAbsent(String problem) {
    return problem.equals(ABSENT);
  }

  /** Totals of one build, shared by the worker threads. */
  static final class Counts {
    final AtomicInteger fromCache = new AtomicInteger();
    final AtomicInteger extracted = new AtomicInteger();
    volatile boolean noCompiler;

    /** A file could not be read: its facts say so this time only. */
    volatile boolean unreadable;
  }

  private static Stats stats(Map<String, FileFacts> files, Counts counts, long start) {
    int unreadable = (int) files.values().stream().filter(f -> f.problem().isPresent()).count();
    return new Stats(
        files.size(),
        counts.fromCache.get(),
        counts.extracted.get(),
        unreadable,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static List<Diagnostic> diagnostics(Counts counts, FactsCache cache) {
    List<Diagnostic> diagnostics = new ArrayList<>(cache.diagnostics());
    if (counts.noCompiler) {
      diagnostics.add(
          Diagnostic.warning(
              "this Java runtime has no compiler (a JRE?), so Java files were not indexed; run"
                  + " Scrutineer on a JDK 17 or later"));
    }
    return diagnostics;
  }

  /** Reads {@code paths} of {@code tree} into {@code into}, batch by batch, on worker threads. */
  static Counts index(
      SourceTree tree,
      List<String> paths,
      FactsCache cache,
      int threads,
      Map<String, FileFacts> into,
      Map<String, String> blobIds) {
    Counts counts = new Counts();
    if (paths.isEmpty()) {
      return counts;
    }
    ConcurrentLinkedQueue<List<String>> batches = new ConcurrentLinkedQueue<>();
    for (int from = 0; from < paths.size(); from += BATCH) {
      batches.add(paths.subList(from, Math.min(paths.size(), from + BATCH)));
    }
    int workers = Math.min(threads, batches.size());
    List<Map<String, FileFacts>> results = new ArrayList<>();
    List<Thread> started = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < workers; i++) {
      Map<String, FileFacts> result = new HashMap<>();
      results.add(result);
      Thread thread =
          new Thread(
              null,
              () -> {
                try {
                  work(tree, batches, cache, counts, result, blobIds);
                } catch (RuntimeException | Error e) {
                  failures.add(e);
                }
              },
              "scrutineer-index-" + i,
              ChangedDeclarations.STACK_BYTES);
      thread.setDaemon(true);
      thread.start();
      started.add(thread);
    }
    for (Thread thread : started) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        started.forEach(Thread::interrupt);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      }
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      if (first instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) first;
    }
    results.forEach(into::putAll);
    return counts;
  }

  /** One worker: batches until none are left, with a parser of its own. */
  private static void work(
      SourceTree tree,
      ConcurrentLinkedQueue<List<String>> batches,
      FactsCache cache,
      Counts counts,
      Map<String, FileFacts> result,
      Map<String, String> blobIds) {
    try (Parser javac = new Parser()) {
      for (List<String> batch = batches.poll(); batch != null; batch = batches.poll()) {
        batch(tree, batch, cache, javac, counts, result, blobIds);
      }
    }
  }

  /**
   * A worker's parser, opened when it first has a file to parse: when every file's facts are
   * cached, as on a warm run, no compiler is set up at all.
   */
  private static final class Parser implements AutoCloseable {
    private Optional<Javac> javac;

    Optional<Javac> get() {
      if (javac == null) {
        javac = Javac.compiler();
      }
      return javac;
    }

    @Override
    public void close() {
      if (javac != null) {
        javac.ifPresent(Javac::close);
      }
    }
  }

  private static void batch(
      SourceTree tree,
      List<String> paths,
      FactsCache cache,
      Parser parser,
      Counts counts,
      Map<String, FileFacts> result,
      Map<String, String> blobIds) {
    Map<String, String> blobs = new LinkedHashMap<>();
    for (String path : paths) {
      try {
        Optional<String> blob = tree.blobId(path);
        if (blob.isPresent()) {
          blobs.put(path, blob.get());
        } else {
          result.put(path, FileFacts.unreadable(path, ABSENT));
        }
      } catch (UncheckedIOException e) {
        counts.unreadable = true;
        result.put(path, unreadable(path, e));
      }
    }
    blobIds.putAll(blobs);
    // Only files missing from the cache are examined further: huge files never enter it.
    Map<String, FileFacts> cached = cache.load(blobs);
    result.putAll(cached);
    counts.fromCache.addAndGet(cached.size());

    List<FactsExtractor.Input> inputs = new ArrayList<>();
    for (String path : blobs.keySet()) {
      if (cached.containsKey(path)) {
        continue;
      }
      try {
        OptionalLong size = tree.size(path);
        if (size.isPresent() && size.getAsLong() > ChangedDeclarations.MAX_FILE_BYTES) {
          result.put(
              path,
              FileFacts.unreadable(
                  path,
                  "is larger than " + ChangedDeclarations.MAX_FILE_BYTES / (1024 * 1024) + " MiB"));
          continue;
        }
        Optional<byte[]> bytes = tree.read(path);
        if (bytes.isEmpty()) {
          result.put(path, FileFacts.unreadable(path, ABSENT));
        } else {
          inputs.add(new FactsExtractor.Input(path, ChangedDeclarations.decode(bytes.get())));
        }
      } catch (UncheckedIOException e) {
        counts.unreadable = true;
        result.put(path, unreadable(path, e));
      }
    }
    if (inputs.isEmpty()) {
      return;
    }
    Optional<Javac> javac = parser.get();
    if (javac.isEmpty()) {
      counts.noCompiler = true;
      inputs.forEach(
          input ->
              result.put(
                  input.path(),
                  FileFacts.unreadable(input.path(), "was not parsed: no Java compiler")));
      return;
    }
    List<FileFacts> extracted = FactsExtractor.extract(javac.get(), inputs);
    counts.extracted.addAndGet(extracted.size());
    Map<String, FileFacts> toStore = new HashMap<>();
    for (FileFacts facts : extracted) {
      result.put(facts.path(), facts);
      toStore.put(blobs.get(facts.path()), facts);
    }
    cache.store(toStore);
  }
}
