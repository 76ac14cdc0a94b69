package dev.scrutineer.ingest;

import dev.scrutineer.model.FileDelta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Lines added and deleted per file between two trees, as {@code git diff --numstat} counts them:
 * renames detected (git's 50% similarity), binary, huge and missing files counted as binary,
 * submodule pointers left out. One instance per thread: it holds that thread's object reader.
 */
final class NumStat {
  /**
   * Git's default {@code diff.renameLimit}: above this many added times deleted files, no renames.
   */
  static final int RENAME_LIMIT = 1_000;

  private static final DiffAlgorithm ALGORITHM = new HistogramDiff();

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ObjectReader reader;
  private final DiffConfig config;

  NumStat(Repository repository, ObjectReader reader) {
    this.reader = reader;
    this.config = repository.getConfig().get(DiffConfig.KEY);
  }

  /** The deltas from {@code oldTree} (null for a root commit) to {@code newTree}. */
  List<FileDelta> between(ObjectId oldTree, ObjectId newTree) {
    try {
      List<DiffEntry> entries = scan(oldTree, newTree);
      List<FileDelta> deltas = new ArrayList<>(entries.size());
      for (DiffEntry entry : entries) {
        if (entry.getOldMode() == FileMode.GITLINK || entry.getNewMode() == FileMode.GITLINK) {
          continue;
        }
        deltas.add(delta(entry));
      }
      return deltas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The changed paths between two trees, renames detected; {@code oldTree} null for none. */
  List<DiffEntry> scan(ObjectId oldTree, ObjectId newTree) throws IOException {
    List<DiffEntry> raw;
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.setRecursive(true);
      if (oldTree == null) {
        walk.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
      } else {
        walk.addTree(oldTree);
      }
      walk.addTree(newTree);
      walk.setFilter(TreeFilter.ANY_DIFF);
      raw = DiffEntry.scan(walk);
    }
    boolean added = false;
    boolean deleted = false;
    for (DiffEntry entry : raw) {
      added |= entry.getChangeType() == DiffEntry.ChangeType.ADD;
      deleted |= entry.getChangeType() == DiffEntry.ChangeType.DELETE;
    }
    if (!added || !deleted) {
      return raw;
    }
    RenameDetector renames = new RenameDetector(reader, config);
    renames.setRenameLimit(RENAME_LIMIT);
    renames.setRenameScore(TreeDiff.RENAME_SCORE);
    renames.addAll(raw);
    try {
      return renames.compute(reader, NullProgressMonitor.INSTANCE);
    } catch (CanceledException e) {
      throw new IllegalStateException("rename detection cancelled", e);
    }
  }

  private FileDelta delta(DiffEntry entry) throws IOException {
    DiffEntry.ChangeType type = entry.getChangeType();
    String path = type == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
    Optional<String> oldPath =
        // A copy's source lives on, so only a rename hands a file's history to a new path.
        type == DiffEntry.ChangeType.RENAME ? Optional.of(entry.getOldPath()) : Optional.empty();
    byte[] a = type == DiffEntry.ChangeType.ADD ? EMPTY : bytes(entry.getOldId().toObjectId());
    byte[] b = type == DiffEntry.ChangeType.DELETE ? EMPTY : bytes(entry.getNewId().toObjectId());
    if (a == null || b == null || RawText.isBinary(a) || RawText.isBinary(b)) {
      return new FileDelta(path, oldPath, 0, 0, true);
    }
    if (a.length == 0 || b.length == 0) {
      // An added or deleted file: every line counts, no diff needed.
      return new FileDelta(path, oldPath, lines(b), lines(a), false);
    }
    if (entry.getOldId().equals(entry.getNewId())) {
      return new FileDelta(path, oldPath, 0, 0, false);
    }
    int[] counts = count(a, b);
    return new FileDelta(path, oldPath, counts[0], counts[1], false);
  }

  /**
   * Lines added and deleted from {@code a} to {@code b}. The common first and last lines are cut
   * off by comparing bytes before any line is hashed; the histogram diff does the same by lines, so
   * the counts are the same, but most of a large file is never split into lines.
   */
  static int[] count(byte[] a, byte[] b) {
    int start = Arrays.mismatch(a, b);
    if (start < 0) {
      return new int[] {0, 0};
    }
    start = Math.min(start, Math.min(a.length, b.length));
    while (start > 0 && a[start - 1] != '\n') {
      start--;
    }
    int endA = a.length;
    int endB = b.length;
    // Eight bytes at a time first: Arrays.mismatch is vectorised, but only runs forwards.
    while (endA - 8 >= start
        && endB - 8 >= start
        && (long) LONGS.get(a, endA - 8) == (long) LONGS.get(b, endB - 8)) {
      endA -= 8;
      endB -= 8;
    }
    while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
      endA--;
      endB--;
    }
    // Forward to where both sides start a line; the bytes passed over are common to both.
    while (endA < a.length && !(lineStart(a, endA, start) && lineStart(b, endB, start))) {
      endA++;
      endB++;
    }
    RawText oldText = new RawText(Arrays.copyOfRange(a, start, endA));
    RawText newText = new RawText(Arrays.copyOfRange(b, start, endB));
    int added = 0;
    int deleted = 0;
    for (Edit edit : ALGORITHM.diff(RawTextComparator.DEFAULT, oldText, newText)) {
      added += edit.getLengthB();
      deleted += edit.getLengthA();
    }
    return new int[] {added, deleted};
  }

  private static boolean lineStart(byte[] bytes, int at, int start) {
    return at == start || bytes[at - 1] == '\n';
  }

  private static final byte[] EMPTY = new byte[0];

  /**
   * The blob's bytes, or null when it is too large to diff or missing from the repository (a
   * partial or damaged clone): such a file is counted like a binary one instead of failing the run.
   */
  byte[] bytes(ObjectId id) throws IOException {
    ObjectLoader loader;
    try {
      loader = reader.open(id);
    } catch (MissingObjectException e) {
      return null;
    }
    if (loader.isLarge() || loader.getSize() > TreeDiff.MAX_DIFF_BYTES) {
      return null;
    }
    return loader.getCachedBytes();
  }

  /** Lines as git counts them: a last line without a newline still counts. */
  static int lines(byte[] bytes) {
    int count = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        count++;
      }
    }
    return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? count + 1 : count;
  }
}
