package dev.scrutineer.ingest;

import dev.scrutineer.ingest.CommitEdits.FileEdits;
import dev.scrutineer.ingest.CommitEdits.Kind;
import dev.scrutineer.ingest.CommitEdits.Source;
import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Mines one commit: its line counts per file against its first parent, as {@code git log --numstat}
 * gives them, and its {@link CommitEdits}, from the same blobs read once. A merge has no line
 * counts (its changes are counted on the branch that made them) but does have edits: blame needs to
 * know which parent each of its lines came from. One instance per thread.
 */
final class CommitMiner {
  private static final byte[] EMPTY = new byte[0];
  private static final int[] NONE = new int[0];

  private final NumStat numstat;
  private final ObjectReader reader;
  private final Set<ObjectId> shallow;

  CommitMiner(NumStat numstat, ObjectReader reader, Set<ObjectId> shallow) {
    this.numstat = numstat;
    this.reader = reader;
    this.shallow = shallow;
  }

  record Mined(HistoryCommit commit, CommitEdits edits) {}

  Mined mine(RevCommit commit) {
    try {
      List<FileDelta> deltas = new ArrayList<>();
      List<FileEdits> edits = new ArrayList<>();
      // A shallow clone's cut commits have no parents here: what they changed is unknown, and
      // diffing them against nothing would count the whole tree as written by one commit.
      if (!shallow.contains(commit)) {
        if (commit.getParentCount() > 1) {
          mergeEdits(commit, edits);
        } else {
          ObjectId parentTree = commit.getParentCount() == 0 ? null : commit.getParent(0).getTree();
          for (DiffEntry entry : numstat.scan(parentTree, commit.getTree())) {
            if (!isSubmodule(entry)) {
              file(entry, deltas, edits);
            }
          }
        }
      }
      PersonIdent author = commit.getAuthorIdent();
      HistoryCommit model =
          new HistoryCommit(
              commit.name(),
              Arrays.stream(commit.getParents()).map(RevCommit::name).toList(),
              new Person(author.getName(), author.getEmailAddress()),
              author.getWhenAsInstant(),
              commit.getCommitterIdent().getWhenAsInstant(),
              commit.getFullMessage(),
              deltas);
      return new Mined(model, new CommitEdits(commit.name(), edits));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Edits of one commit that has at most one parent: its counts and where its lines came from. */
  private void file(DiffEntry entry, List<FileDelta> deltas, List<FileEdits> edits)
      throws IOException {
    ChangeType type = entry.getChangeType();
    String path = type == ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
    Optional<String> oldPath =
        // A copy's source lives on, so only a rename hands a file's history to a new path.
        type == ChangeType.RENAME ? Optional.of(entry.getOldPath()) : Optional.empty();
    byte[] a = type == ChangeType.ADD ? EMPTY : numstat.bytes(entry.getOldId().toObjectId());
    byte[] b = type == ChangeType.DELETE ? EMPTY : numstat.bytes(entry.getNewId().toObjectId());
    if (type == ChangeType.DELETE) {
      edits.add(new FileEdits(path, Kind.DELETED, 0, List.of(), NONE));
    }
    if (a == null || b == null || RawText.isBinary(a) || RawText.isBinary(b)) {
      deltas.add(new FileDelta(path, oldPath, 0, 0, true));
      if (type != ChangeType.DELETE) {
        oldPath.ifPresent(old -> edits.add(new FileEdits(old, Kind.DELETED, 0, List.of(), NONE)));
        edits.add(new FileEdits(path, Kind.UNKNOWN, 0, List.of(), NONE));
      }
      return;
    }
    if (type == ChangeType.DELETE || type == ChangeType.ADD) {
      // Every line counts, no diff needed.
      deltas.add(new FileDelta(path, oldPath, NumStat.lines(b), NumStat.lines(a), false));
      if (type == ChangeType.ADD) {
        edits.add(new FileEdits(path, Kind.EDITED, NumStat.lines(b), List.of(), NONE));
      }
      return;
    }
    // A copy's source is untouched: nothing in it was fixed.
    LineDiff diff = LineDiff.of(a, b, type != ChangeType.COPY);
    deltas.add(new FileDelta(path, oldPath, diff.added(), diff.deleted(), false));
    edits.add(
        new FileEdits(
            path,
            type == ChangeType.RENAME ? Kind.RENAMED : Kind.EDITED,
            CommitEdits.SAME_LINES,
            List.of(new Source(0, entry.getOldPath(), diff.edits())),
            diff.fixable()));
  }

  /**
   * A merge's edits: for every path that differs from the first parent, the parents its lines may
   * come from. A file identical to another parent's is that parent's file, as blame takes it,
   * without reading it; any other is diffed against each parent that has it.
   */
  private void mergeEdits(RevCommit merge, List<FileEdits> edits) throws IOException {
    List<DiffEntry> entries = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (DiffEntry entry : numstat.scan(merge.getParent(0).getTree(), merge.getTree())) {
      if (!isSubmodule(entry)) {
        entries.add(entry);
        if (entry.getChangeType() != ChangeType.DELETE) {
          paths.add(entry.getNewPath());
        }
      }
    }
    List<Map<String, ObjectId>> differing = new ArrayList<>();
    for (int p = 1; p < merge.getParentCount(); p++) {
      differing.add(differingBlobs(merge.getParent(p).getTree(), merge.getTree(), paths));
    }
    for (DiffEntry entry : entries) {
      ChangeType type = entry.getChangeType();
      if (type == ChangeType.DELETE) {
        edits.add(new FileEdits(entry.getOldPath(), Kind.DELETED, 0, List.of(), NONE));
        continue;
      }
      String path = entry.getNewPath();
      Kind kind = type == ChangeType.RENAME ? Kind.RENAMED : Kind.EDITED;
      Optional<Integer> same = sameAsOtherParent(path, differing);
      if (same.isPresent()) {
        List<Source> sources = List.of(new Source(same.get(), path, NONE));
        if (kind == Kind.RENAMED) {
          edits.add(new FileEdits(entry.getOldPath(), Kind.DELETED, 0, List.of(), NONE));
        }
        edits.add(new FileEdits(path, Kind.EDITED, CommitEdits.SAME_LINES, sources, NONE));
        continue;
      }
      byte[] b = numstat.bytes(entry.getNewId().toObjectId());
      List<Source> sources = new ArrayList<>();
      boolean known = b != null && !RawText.isBinary(b);
      if (known && type != ChangeType.ADD) {
        known = addSource(sources, 0, entry.getOldPath(), entry.getOldId().toObjectId(), b);
      }
      for (int p = 1; known && p < merge.getParentCount(); p++) {
        ObjectId other = differing.get(p - 1).get(path);
        if (other != null && !other.equals(ObjectId.zeroId())) {
          known = addSource(sources, p, path, other, b);
        }
      }
      if (!known) {
        if (kind == Kind.RENAMED) {
          edits.add(new FileEdits(entry.getOldPath(), Kind.DELETED, 0, List.of(), NONE));
        }
        edits.add(new FileEdits(path, Kind.UNKNOWN, 0, List.of(), NONE));
        continue;
      }
      edits.add(new FileEdits(path, kind, NumStat.lines(b), sources, NONE));
    }
  }

  private boolean addSource(List<Source> sources, int parent, String path, ObjectId id, byte[] b)
      throws IOException {
    byte[] a = numstat.bytes(id);
    if (a == null || RawText.isBinary(a)) {
      return false;
    }
    sources.add(new Source(parent, path, LineDiff.of(a, b, false).edits()));
    return true;
  }

  /** The first other parent whose file at {@code path} is the merge's, if any. */
  private static Optional<Integer> sameAsOtherParent(
      String path, List<Map<String, ObjectId>> differing) {
    for (int p = 0; p < differing.size(); p++) {
      if (!differing.get(p).containsKey(path)) {
        return Optional.of(p + 1);
      }
    }
    return Optional.empty();
  }

  /**
   * Which of {@code paths} have another blob in {@code parentTree} than in {@code tree}, each with
   * the parent's blob (the zero id where the parent has none). Only those paths are walked: a merge
   * of a long-lived branch differs from that branch almost everywhere, but changed few files
   * against its first parent.
   */
  private Map<String, ObjectId> differingBlobs(
      ObjectId parentTree, ObjectId tree, Set<String> paths) throws IOException {
    Map<String, ObjectId> differing = new HashMap<>();
    if (paths.isEmpty()) {
      return differing;
    }
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.setRecursive(true);
      walk.addTree(parentTree);
      walk.addTree(tree);
      walk.setFilter(
          AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
      while (walk.next()) {
        boolean inParent = walk.getFileMode(0) != FileMode.MISSING;
        differing.put(
            walk.getPathString(), inParent ? walk.getObjectId(0) : ObjectId.zeroId().copy());
      }
    }
    return differing;
  }

  private static boolean isSubmodule(DiffEntry entry) {
    return entry.getOldMode() == FileMode.GITLINK || entry.getNewMode() == FileMode.GITLINK;
  }
}
