package dev.scrutineer.ingest;

import dev.scrutineer.model.BlamedLine;
import dev.scrutineer.model.Blamer;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.blame.BlameGenerator;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Blames, in each fix's parent, the lines the fix deleted or changed. The fix is diffed ignoring
 * whitespace, so re-indented lines are not changes; blank, comment-only and import lines are
 * dropped ({@link SzzLines}); blame ignores whitespace too and follows renames. Only modified and
 * renamed files count: a deleted file's lines were removed, not fixed. Fixes run on one thread per
 * processor; results are cached by fix id.
 */
final class FixBlamer implements Blamer {
  private final Repository repository;
  private final HistoryCache cache;

  FixBlamer(Repository repository, HistoryCache cache) {
    this.repository = repository;
    this.cache = cache;
  }

  @Override
  public Map<String, List<BlamedLine>> blame(List<String> fixIds, Progress progress) {
    Map<String, List<BlamedLine>> found = new ConcurrentHashMap<>(cache.blames(fixIds));
    List<String> todo = fixIds.stream().distinct().filter(id -> !found.containsKey(id)).toList();
    AtomicInteger done = new AtomicInteger(fixIds.size() - todo.size());
    progress.update("blaming fixes", done.get(), fixIds.size());
    Map<String, List<BlamedLine>> fresh = new ConcurrentHashMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (String id : todo) {
        tasks.add(
            pool.submit(
                () -> {
                  fresh.put(id, blameOne(id));
                  progress.update("blaming fixes", done.incrementAndGet(), fixIds.size());
                  return null;
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while blaming", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw new InputException("cannot blame: " + io.getCause().getMessage(), io);
      }
      throw new IllegalStateException("blaming failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    cache.storeBlames(fresh);
    found.putAll(fresh);
    return new HashMap<>(found);
  }

  private List<BlamedLine> blameOne(String fixId) {
    try (RevWalk walk = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader()) {
      RevCommit fix = walk.parseCommit(ObjectId.fromString(fixId));
      if (fix.getParentCount() != 1) {
        return List.of();
      }
      RevCommit parent = walk.parseCommit(fix.getParent(0));
      NumStat numstat = new NumStat(repository, reader);
      List<BlamedLine> blamed = new ArrayList<>();
      for (DiffEntry entry : numstat.scan(parent.getTree(), fix.getTree())) {
        if ((entry.getChangeType() == DiffEntry.ChangeType.MODIFY
                || entry.getChangeType() == DiffEntry.ChangeType.RENAME)
            && entry.getOldMode() != FileMode.GITLINK
            && entry.getNewMode() != FileMode.GITLINK) {
          blamed.addAll(blameEntry(numstat, entry, parent));
        }
      }
      return List.copyOf(blamed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<BlamedLine> blameEntry(NumStat numstat, DiffEntry entry, RevCommit parent)
      throws IOException {
    byte[] a = numstat.bytes(entry.getOldId().toObjectId());
    byte[] b = numstat.bytes(entry.getNewId().toObjectId());
    if (a == null || b == null || RawText.isBinary(a) || RawText.isBinary(b)) {
      return List.of();
    }
    RawText oldText = new RawText(a);
    List<Integer> lines = new ArrayList<>();
    for (Edit edit :
        new HistogramDiff().diff(RawTextComparator.WS_IGNORE_ALL, oldText, new RawText(b))) {
      for (int i = edit.getBeginA(); i < edit.getEndA(); i++) {
        if (SzzLines.relevant(oldText.getString(i))) {
          lines.add(i);
        }
      }
    }
    if (lines.isEmpty()) {
      return List.of();
    }
    String path = entry.getOldPath();
    try (BlameGenerator generator = new BlameGenerator(repository, path)) {
      generator.setDiffAlgorithm(new HistogramDiff());
      generator.setTextComparator(RawTextComparator.WS_IGNORE_ALL);
      generator.setFollowFileRenames(true);
      generator.push(null, parent);
      return blame(generator, path, lines);
    } catch (MissingObjectException e) {
      // A blob missing from a partial or damaged clone: this file's lines stay unblamed.
      return List.of();
    }
  }

  private static List<BlamedLine> blame(BlameGenerator generator, String path, List<Integer> lines)
      throws IOException {
    BlameResult result = BlameResult.create(generator);
    if (result == null) {
      return List.of();
    }
    List<BlamedLine> blamed = new ArrayList<>(lines.size());
    for (int line : lines) {
      result.computeRange(line, line + 1);
      RevCommit source = result.getSourceCommit(line);
      if (source != null) {
        blamed.add(new BlamedLine(path, line + 1, source.name()));
      }
    }
    return blamed;
  }
}
