package dev.scrutineer.ingest;

import dev.scrutineer.ingest.CommitMiner.Mined;
import dev.scrutineer.model.Blamer;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Mines a repository's history: every commit reachable from a revision, oldest first (parents
 * before children), each with its line counts per file against its first parent. Commits the cache
 * knows are not diffed again; the others are diffed on one thread per processor.
 */
public final class HistoryReader implements AutoCloseable {
  /** Commits per task handed to a worker; small enough to balance, large enough to be cheap. */
  private static final int CHUNK = 64;

  private final Repository repository;

  private HistoryReader(Repository repository) {
    this.repository = repository;
  }

  /** Opens the repository {@code directory} belongs to, work tree or bare. */
  public static HistoryReader open(Path directory) {
    enlargeCaches();
    return new HistoryReader(Repositories.open(directory));
  }

  /**
   * A reader on the repository {@code session} has open. Opening it again would read its pack index
   * again, a noticeable part of a warm run on a large repository. Each side releases its own use of
   * the repository when closed.
   */
  public static HistoryReader sharing(ChangeSession session) {
    enlargeCaches();
    return new HistoryReader(session.shareRepository());
  }

  /** The repository, with one more use counted; whoever takes it must close it once. */
  Repository shareRepository() {
    repository.incrementOpen();
    return repository;
  }

  private static final AtomicBoolean CACHES_ENLARGED = new AtomicBoolean();

  /**
   * JGit's pack caches default to 10 MiB, git's delta base cache to 96 MiB. With the small ones,
   * large files stored as long delta chains are inflated again for nearly every commit: mining
   * jackson-databind took 6 times as long. The setting is process-wide, so it is made once.
   */
  private static void enlargeCaches() {
    if (CACHES_ENLARGED.compareAndSet(false, true)) {
      WindowCacheConfig config = new WindowCacheConfig();
      config.setPackedGitLimit(256L << 20);
      config.setDeltaBaseCacheLimit(64 << 20);
      config.install();
    }
  }

  /**
   * Every commit reachable from {@code revision}, parents before children.
   *
   * @throws InputException when the revision is unknown or the history cannot be read
   */
  public List<HistoryCommit> read(String revision, HistoryCache cache, Progress progress) {
    // A shallow clone's history ends where it was cut, and changes when it is deepened: only a
    // whole history is stored.
    boolean whole = !isShallow();
    String tip = tip(revision);
    Optional<List<HistoryCommit>> stored = whole ? cache.history(tip) : Optional.empty();
    if (stored.isPresent()) {
      return stored.get();
    }
    List<RevCommit> commits = walk(revision);
    List<String> ids = commits.stream().map(RevCommit::name).toList();
    Map<String, HistoryCommit> known = cache.commits(ids);
    HistoryCommit[] read = new HistoryCommit[commits.size()];
    List<RevCommit> todo = new ArrayList<>();
    for (int i = 0; i < commits.size(); i++) {
      read[i] = known.get(ids.get(i));
      if (read[i] == null) {
        todo.add(commits.get(i));
      }
    }
    Map<String, Mined> mined = mine(todo, commits.size(), progress);
    for (int i = 0; i < commits.size(); i++) {
      if (read[i] == null) {
        read[i] = mined.get(ids.get(i)).commit();
      }
    }
    cache.storeCommits(mined.values().stream().map(Mined::commit).toList());
    cache.storeEdits(mined.values().stream().map(Mined::edits).toList());
    List<HistoryCommit> history = List.of(read);
    if (whole) {
      cache.storeHistory(tip, history);
    }
    return history;
  }

  /**
   * The line edits of the given commits, from the cache; commits it lacks are mined again. Used by
   * blame, which replays them.
   */
  List<CommitEdits> edits(List<String> ids, HistoryCache cache, Progress progress) {
    Map<String, CommitEdits> known = cache.edits(ids);
    List<RevCommit> todo = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      for (String id : ids) {
        if (!known.containsKey(id)) {
          todo.add(walk.parseCommit(ObjectId.fromString(id)));
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot read the history: " + e.getMessage(), e);
    }
    Map<String, Mined> mined = mine(todo, todo.size(), progress);
    cache.storeEdits(mined.values().stream().map(Mined::edits).toList());
    return ids.stream()
        .map(id -> known.containsKey(id) ? known.get(id) : mined.get(id).edits())
        .toList();
  }

  /**
   * Whether the repository is a shallow clone, whose history stops at the commits it was cut at.
   */
  public boolean isShallow() {
    return !shallowCommits().isEmpty();
  }

  /** The text of {@code .mailmap} at the root of the revision's tree, if there is one. */
  public Optional<String> mailmap(String revision) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = new Revisions(repository, walk).commit(revision);
      try (TreeWalk tree = TreeWalk.forPath(repository, ".mailmap", commit.getTree())) {
        if (tree == null
            || !tree.getFileMode(0).equals(org.eclipse.jgit.lib.FileMode.REGULAR_FILE)) {
          return Optional.empty();
        }
        byte[] bytes = repository.open(tree.getObjectId(0)).getCachedBytes(1 << 20);
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Blames the lines fixes deleted or changed, by replaying the line edits of {@code commits}, a
   * history as {@link #read} gives it (parents before children); results are kept in {@code cache}.
   */
  public Blamer blamer(List<HistoryCommit> commits, HistoryCache cache) {
    return new EditReplayBlamer(this, commits, cache);
  }

  private String tip(String revision) {
    try (RevWalk walk = new RevWalk(repository)) {
      return new Revisions(repository, walk).commit(revision).name();
    }
  }

  private List<RevCommit> walk(String revision) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit start = new Revisions(repository, walk).commit(revision);
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(start);
      List<RevCommit> commits = new ArrayList<>();
      for (RevCommit commit : walk) {
        commits.add(commit);
      }
      return commits;
    } catch (IOException e) {
      throw new InputException("cannot walk the history of " + revision + ": " + e.getMessage(), e);
    }
  }

  /** Mines {@code todo} on one thread per processor; {@code total} is for progress only. */
  private Map<String, Mined> mine(List<RevCommit> todo, int total, Progress progress) {
    Map<String, Mined> mined = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger(total - todo.size());
    if (total > 0) {
      progress.update("mining history", done.get(), total);
    }
    if (todo.isEmpty()) {
      return mined;
    }
    Set<ObjectId> shallow = shallowCommits();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        // One reader per worker for the whole run, so its cache of delta bases lives on: commits
        // near each other in the walk read the same blobs.
        tasks.add(
            pool.submit(
                () -> {
                  try (ObjectReader reader = repository.newObjectReader()) {
                    CommitMiner miner =
                        new CommitMiner(new NumStat(repository, reader), reader, shallow);
                    for (int from = next.getAndAdd(CHUNK);
                        from < todo.size();
                        from = next.getAndAdd(CHUNK)) {
                      for (RevCommit commit :
                          todo.subList(from, Math.min(todo.size(), from + CHUNK))) {
                        mined.put(commit.name(), miner.mine(commit));
                        progress.update("mining history", done.incrementAndGet(), total);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while mining history", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw new InputException("cannot read the history: " + io.getCause().getMessage(), io);
      }
      throw new IllegalStateException("mining history failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return mined;
  }

  /**
   * The commits a shallow clone was cut at. Their parents are missing, so what they changed is
   * unknown.
   */
  private Set<ObjectId> shallowCommits() {
    try {
      return repository.getObjectDatabase().getShallowCommits();
    } catch (IOException e) {
      throw new InputException("cannot read the shallow commits: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }
}
