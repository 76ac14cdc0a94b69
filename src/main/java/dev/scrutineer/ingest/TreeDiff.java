package dev.scrutineer.ingest;

import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Hunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.Side;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The file changes between two trees, with renames and copies detected and the changed lines of
 * every text file. Blobs are read through a {@link ContentSource}, so the new side may be the
 * working tree without anything being checked out.
 */
final class TreeDiff {
  /** Files larger than this are counted as changed but not diffed line by line. */
  static final int MAX_DIFF_BYTES = 4 * 1024 * 1024;

  /** Above this many added times deleted files, rename detection is skipped (and reported). */
  static final int RENAME_LIMIT = 5_000;

  /** Git's default similarity for renames and copies, in percent; JGit's own default is 60. */
  static final int RENAME_SCORE = 50;

  private static final DiffAlgorithm ALGORITHM = new HistogramDiff();

  private final Repository repository;
  private final ObjectReader reader;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  TreeDiff(Repository repository, ObjectReader reader) {
    this.repository = repository;
    this.reader = reader;
  }

  List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /** The changes from {@code oldTree} to {@code newTree}, sorted by path. */
  List<FileChange> between(
      AbstractTreeIterator oldTree, AbstractTreeIterator newTree, ContentSource newSource)
      throws IOException {
    List<DiffEntry> entries = scan(oldTree, newTree, newSource, true);
    ContentSource.Pair sources = new ContentSource.Pair(ContentSource.create(reader), newSource);
    List<FileChange> changes = new ArrayList<>(entries.size());
    for (DiffEntry entry : entries) {
      FileChange change = toFileChange(entry, sources);
      if (!(sources.isWorkingTreeSource(Side.NEW) && LineEndings.onlyDifference(change))) {
        changes.add(change);
      }
    }
    changes.sort(Comparator.comparing(FileChange::path));
    return changes;
  }

  /** Lines added and deleted between two trees, without keeping the lines. */
  int[] lineCounts(AbstractTreeIterator oldTree, AbstractTreeIterator newTree) throws IOException {
    ContentSource source = ContentSource.create(reader);
    ContentSource.Pair sources = new ContentSource.Pair(source, source);
    int added = 0;
    int deleted = 0;
    // Per-commit counts only feed velocity; the change's own diff reports the rename limit.
    for (DiffEntry entry : scan(oldTree, newTree, source, false)) {
      Optional<EditList> edits = edits(entry, sources).edits();
      for (Edit edit : edits.orElseGet(EditList::new)) {
        added += edit.getLengthB();
        deleted += edit.getLengthA();
      }
    }
    return new int[] {added, deleted};
  }

  private List<DiffEntry> scan(
      AbstractTreeIterator oldTree,
      AbstractTreeIterator newTree,
      ContentSource newSource,
      boolean reportRenameLimit)
      throws IOException {
    List<DiffEntry> raw;
    if (newTree instanceof WorkingTreeIterator workTree) {
      // Otherwise an ignored directory looks empty, and tracked files in it look deleted; the
      // filter below still keeps out ignored directories the old tree does not have.
      workTree.setWalkIgnoredDirectories(true);
    }
    try (TreeWalk walk = new TreeWalk(repository, reader)) {
      walk.setRecursive(true);
      walk.addTree(oldTree);
      walk.addTree(newTree);
      walk.setFilter(
          isWorkingTree(newTree)
              ? AndTreeFilter.create(NotIgnoredUnlessInOldTree.INSTANCE, TreeFilter.ANY_DIFF)
              : TreeFilter.ANY_DIFF);
      raw = DiffEntry.scan(walk);
    }
    RenameDetector renames = new RenameDetector(reader, repository.getConfig().get(DiffConfig.KEY));
    renames.setRenameLimit(RENAME_LIMIT);
    renames.setRenameScore(RENAME_SCORE);
    renames.addAll(raw);
    try {
      List<DiffEntry> detected =
          renames.compute(
              new ContentSource.Pair(ContentSource.create(reader), newSource),
              NullProgressMonitor.INSTANCE);
      if (reportRenameLimit && renames.isOverRenameLimit()) {
        diagnostics.add(
            Diagnostic.warning(
                "rename detection skipped: more than "
                    + RENAME_LIMIT
                    + " candidate files; renames show as a deletion and an addition"));
      }
      return detected;
    } catch (CanceledException e) {
      throw new IllegalStateException("rename detection cancelled", e);
    }
  }

  private static boolean isWorkingTree(AbstractTreeIterator tree) {
    return tree instanceof WorkingTreeIterator;
  }

  /**
   * Skips ignored work-tree files, but not files the old tree has: git reports changes to tracked
   * files even when a .gitignore pattern matches them. (Tree 0 is the old tree, tree 1 the work
   * tree.)
   */
  private static final class NotIgnoredUnlessInOldTree extends TreeFilter {
    static final NotIgnoredUnlessInOldTree INSTANCE = new NotIgnoredUnlessInOldTree();

    @Override
    public boolean include(TreeWalk walk) throws IOException {
      if (walk.getRawMode(0) != 0) {
        return true;
      }
      WorkingTreeIterator workTree = walk.getTree(1, WorkingTreeIterator.class);
      return workTree == null || !workTree.isEntryIgnored();
    }

    @Override
    public boolean shouldBeRecursive() {
      return false;
    }

    @Override
    public TreeFilter clone() {
      return this;
    }
  }

  private FileChange toFileChange(DiffEntry entry, ContentSource.Pair sources) throws IOException {
    FileMode oldMode = mode(entry.getOldMode());
    FileMode newMode = mode(entry.getNewMode());
    Read read = edits(entry, sources);
    List<Hunk> hunks = new ArrayList<>();
    int added = 0;
    int deleted = 0;
    if (read.edits().isPresent()) {
      for (Edit edit : read.edits().get()) {
        hunks.add(
            new Hunk(
                edit.getBeginA() + 1,
                edit.getLengthA(),
                edit.getBeginB() + 1,
                edit.getLengthB(),
                read.oldText().lines(edit.getBeginA(), edit.getEndA()),
                read.newText().lines(edit.getBeginB(), edit.getEndB())));
        added += edit.getLengthB();
        deleted += edit.getLengthA();
      }
    }
    if (read.content() == Content.TOO_LARGE) {
      diagnostics.add(
          Diagnostic.warning(
              path(entry),
              "larger than " + MAX_DIFF_BYTES / (1024 * 1024) + " MiB; lines were not diffed"));
    }
    return new FileChange(
        type(entry.getChangeType()),
        entry.getChangeType() == DiffEntry.ChangeType.ADD
            ? Optional.empty()
            : Optional.of(entry.getOldPath()),
        entry.getChangeType() == DiffEntry.ChangeType.DELETE
            ? Optional.empty()
            : Optional.of(entry.getNewPath()),
        oldMode,
        newMode,
        blobId(entry.getOldId(), oldMode),
        sources.isWorkingTreeSource(Side.NEW)
            ? Optional.empty()
            : blobId(entry.getNewId(), newMode),
        entry.getChangeType() == DiffEntry.ChangeType.RENAME
                || entry.getChangeType() == DiffEntry.ChangeType.COPY
            ? entry.getScore()
            : 0,
        read.content(),
        read.nonUtf8(),
        newMode == FileMode.SYMLINK && read.newText().raw.size() > 0
            ? Optional.of(read.newText().line(0))
            : Optional.empty(),
        hunks,
        added,
        deleted);
  }

  /** What was read of one entry: its content kind, both texts and the edits between them. */
  private record Read(
      Content content, TextBlob oldText, TextBlob newText, Optional<EditList> edits) {
    /** Whether a side is not valid UTF-8, so that its lines are read as ISO-8859-1. */
    boolean nonUtf8() {
      return !oldText.utf8() || !newText.utf8();
    }
  }

  private Read edits(DiffEntry entry, ContentSource.Pair sources) throws IOException {
    if (entry.getOldMode() == org.eclipse.jgit.lib.FileMode.GITLINK
        || entry.getNewMode() == org.eclipse.jgit.lib.FileMode.GITLINK) {
      return new Read(Content.SUBMODULE, EMPTY, EMPTY, Optional.empty());
    }
    Optional<byte[]> oldBytes = bytes(entry, Side.OLD, sources);
    Optional<byte[]> newBytes = bytes(entry, Side.NEW, sources);
    if (oldBytes.isEmpty() || newBytes.isEmpty()) {
      return new Read(Content.TOO_LARGE, EMPTY, EMPTY, Optional.empty());
    }
    byte[] a = oldBytes.get();
    byte[] b = newBytes.get();
    if (sources.isWorkingTreeSource(Side.NEW)) {
      b = LineEndings.asCommitted(a, b);
    }
    if (TextBlob.isBinary(a) || TextBlob.isBinary(b)) {
      return new Read(Content.BINARY, EMPTY, EMPTY, Optional.empty());
    }
    TextBlob oldText = new TextBlob(a);
    TextBlob newText = new TextBlob(b);
    EditList edits = ALGORITHM.diff(RawTextComparator.DEFAULT, oldText.raw, newText.raw);
    return new Read(Content.TEXT, oldText, newText, Optional.of(edits));
  }

  private static final TextBlob EMPTY = new TextBlob(new byte[0]);

  /** The blob's bytes, empty bytes for a missing side, or empty when it is too large to diff. */
  private static Optional<byte[]> bytes(DiffEntry entry, Side side, ContentSource.Pair sources)
      throws IOException {
    if (entry.getMode(side) == org.eclipse.jgit.lib.FileMode.MISSING) {
      return Optional.of(new byte[0]);
    }
    long size = sources.size(side, entry);
    if (size > MAX_DIFF_BYTES) {
      return Optional.empty();
    }
    return Optional.of(sources.open(side, entry).getCachedBytes(MAX_DIFF_BYTES));
  }

  private static Optional<String> blobId(AbbreviatedObjectId id, FileMode mode) {
    return mode == FileMode.MISSING || id == null || !id.isComplete()
        ? Optional.empty()
        : Optional.of(id.name());
  }

  private static String path(DiffEntry entry) {
    return entry.getChangeType() == DiffEntry.ChangeType.DELETE
        ? entry.getOldPath()
        : entry.getNewPath();
  }

  static FileMode mode(org.eclipse.jgit.lib.FileMode mode) {
    if (mode == org.eclipse.jgit.lib.FileMode.MISSING) {
      return FileMode.MISSING;
    }
    if (mode == org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE) {
      return FileMode.EXECUTABLE;
    }
    if (mode == org.eclipse.jgit.lib.FileMode.SYMLINK) {
      return FileMode.SYMLINK;
    }
    if (mode == org.eclipse.jgit.lib.FileMode.GITLINK) {
      return FileMode.SUBMODULE;
    }
    return FileMode.REGULAR;
  }

  private static ChangeType type(DiffEntry.ChangeType type) {
    return switch (type) {
      case ADD -> ChangeType.ADDED;
      case MODIFY -> ChangeType.MODIFIED;
      case DELETE -> ChangeType.DELETED;
      case RENAME -> ChangeType.RENAMED;
      case COPY -> ChangeType.COPIED;
    };
  }
}
