package dev.scrutineer.ingest;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The parts of {@code git diff --numstat}: the paths changed between two trees with renames
 * detected (git's 50% similarity), their bytes (none for huge and missing blobs, which count as
 * binary) and the lines added and deleted. One instance per thread: it holds that thread's object
 * reader.
 */
final class NumStat {
  /**
   * Git's default {@code diff.renameLimit}: above this many added times deleted files, no renames.
   */
  static final int RENAME_LIMIT = 1_000;

  private final ObjectReader reader;
  private final DiffConfig config;

  NumStat(Repository repository, ObjectReader reader) {
    this.reader = reader;
    this.config = repository.getConfig().get(DiffConfig.KEY);
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

  /** Lines added and deleted from {@code a} to {@code b}. */
  static int[] count(byte[] a, byte[] b) {
    LineDiff diff = LineDiff.of(a, b, false);
    return new int[] {diff.added(), diff.deleted()};
  }

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
