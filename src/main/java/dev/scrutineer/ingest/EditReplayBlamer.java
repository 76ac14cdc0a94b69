package dev.scrutineer.ingest;

import dev.scrutineer.ingest.CommitEdits.FileEdits;
import dev.scrutineer.ingest.CommitEdits.Kind;
import dev.scrutineer.ingest.CommitEdits.Source;
import dev.scrutineer.model.BlamedLine;
import dev.scrutineer.model.Blamer;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blames the lines fixes deleted or changed by replaying history once, parents before children,
 * with every file's line origins (the commit that last wrote each line) kept up to date from the
 * mined {@link CommitEdits}. This gives what blame of each fix's parent gives (whitespace ignored,
 * renames followed, a merge's lines passed to the parent they came from, a file identical to a
 * parent's taken whole from it) without walking history again for every file of every fix: the cost
 * is one pass over the edits, however many fixes there are.
 *
 * <p>Lines whose origin cannot be known (a shallow clone's cut, a binary or missing blob before)
 * are not blamed.
 */
final class EditReplayBlamer implements Blamer {
  /** A line the commit being replayed wrote. */
  private static final int NEW = -1;

  /** A line whose origin history does not tell. */
  private static final int UNKNOWN = -2;

  private static final String TASK = "blaming fixes";

  private final HistoryReader reader;
  private final List<HistoryCommit> commits;
  private final HistoryCache cache;

  /** {@code commits} parents first, as {@link HistoryReader#read} gives them. */
  EditReplayBlamer(HistoryReader reader, List<HistoryCommit> commits, HistoryCache cache) {
    this.reader = reader;
    this.commits = List.copyOf(commits);
    this.cache = cache;
  }

  @Override
  public Map<String, List<BlamedLine>> blame(List<String> fixIds, Progress progress) {
    Map<String, List<BlamedLine>> found = new HashMap<>(cache.blames(fixIds));
    Set<String> todo = new HashSet<>(fixIds);
    todo.removeAll(found.keySet());
    if (todo.isEmpty()) {
      return found;
    }
    List<CommitEdits> edits =
        reader.edits(commits.stream().map(HistoryCommit::id).toList(), cache, progress);
    Map<String, List<BlamedLine>> fresh = replay(commits, edits, todo, progress);
    for (String id : todo) {
      fresh.putIfAbsent(id, List.of());
    }
    cache.storeBlames(fresh);
    found.putAll(fresh);
    return found;
  }

  private static Map<String, List<BlamedLine>> replay(
      List<HistoryCommit> order, List<CommitEdits> edits, Set<String> fixes, Progress progress) {
    int n = order.size();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(order.get(i).id(), i);
    }
    int[][] parents = new int[n][];
    int[] children = new int[n];
    for (int i = 0; i < n; i++) {
      List<String> ids = order.get(i).parents();
      parents[i] = new int[ids.size()];
      for (int p = 0; p < ids.size(); p++) {
        parents[i][p] = index.getOrDefault(ids.get(p), -1);
        if (parents[i][p] >= 0) {
          children[parents[i][p]]++;
        }
      }
    }
    List<Map<String, int[]>> states = new ArrayList<>(Collections.nCopies(n, null));
    Map<String, List<BlamedLine>> blamed = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (i % 256 == 0) {
        progress.update(TASK, i, n);
      }
      List<Map<String, int[]>> before = new ArrayList<>(parents[i].length);
      for (int p : parents[i]) {
        before.add(p < 0 ? Map.of() : states.get(p));
      }
      Map<String, int[]> state = stateFor(i, parents, children, states);
      if (!before.isEmpty()) {
        before.set(0, state);
      }
      HistoryCommit commit = order.get(i);
      if (fixes.contains(commit.id()) && parents[i].length == 1) {
        blamed.put(commit.id(), fixedLines(edits.get(i), state, order));
      }
      apply(edits.get(i), before, state, i);
      states.set(i, children[i] == 0 ? null : state);
      for (int p : parents[i]) {
        if (p >= 0 && --children[p] == 0) {
          states.set(p, null);
        }
      }
    }
    progress.update(TASK, n, n);
    return blamed;
  }

  /**
   * The state a commit starts from: its first parent's, taken over when no other commit still needs
   * it, copied otherwise (the line arrays are never changed in place, so a shallow copy does).
   */
  private static Map<String, int[]> stateFor(
      int i, int[][] parents, int[] children, List<Map<String, int[]>> states) {
    if (parents[i].length == 0 || parents[i][0] < 0) {
      return new HashMap<>();
    }
    int first = parents[i][0];
    Map<String, int[]> state = states.get(first);
    if (children[first] == 1) {
      return state;
    }
    return new HashMap<>(state);
  }

  private static List<BlamedLine> fixedLines(
      CommitEdits edits, Map<String, int[]> state, List<HistoryCommit> order) {
    List<BlamedLine> lines = new ArrayList<>();
    for (FileEdits file : edits.files()) {
      if (file.fixable().length == 0) {
        continue;
      }
      String path = file.sources().get(0).path();
      int[] origins = state.get(path);
      if (origins == null) {
        continue;
      }
      for (int line : file.fixable()) {
        if (line < origins.length && origins[line] >= 0) {
          lines.add(new BlamedLine(path, line + 1, order.get(origins[line]).id()));
        }
      }
    }
    return List.copyOf(lines);
  }

  /**
   * Applies a commit's edits to {@code state}. Every new file is computed from the parents' files
   * before the commit first, then paths are removed and put, so a file moved onto a path another
   * file left is not read after it changed.
   */
  private static void apply(
      CommitEdits edits, List<Map<String, int[]>> before, Map<String, int[]> state, int commit) {
    Map<String, int[]> written = new HashMap<>();
    Set<String> removed = new HashSet<>();
    for (FileEdits file : edits.files()) {
      switch (file.kind()) {
        case DELETED, UNKNOWN -> removed.add(file.path());
        case RENAMED, EDITED -> {
          if (file.kind() == Kind.RENAMED) {
            removed.add(file.sources().get(0).path());
          }
          int[] origins = origins(file, before, commit);
          if (origins == null) {
            removed.add(file.path());
          } else {
            written.put(file.path(), origins);
          }
        }
      }
    }
    removed.forEach(state::remove);
    state.putAll(written);
  }

  /**
   * Each line's origin: the origin of the same line in the first source that has it unchanged, else
   * this commit. Null when the file's length is not recorded and its source is unknown.
   */
  private static int[] origins(FileEdits file, List<Map<String, int[]>> before, int commit) {
    int lines = file.lines();
    if (lines == CommitEdits.SAME_LINES) {
      Source source = file.sources().get(0);
      int[] from = source(before, source);
      if (from == null) {
        return null;
      }
      if (source.edits().length == 0) {
        return from;
      }
      lines = from.length + growth(source.edits());
    }
    int[] origins = new int[lines];
    Arrays.fill(origins, NEW);
    for (Source source : file.sources()) {
      pass(source, source(before, source), origins);
    }
    for (int line = 0; line < lines; line++) {
      if (origins[line] == NEW) {
        origins[line] = commit;
      }
    }
    return origins;
  }

  /** Gives the lines {@code source} has unchanged, and that no earlier source took, its origins. */
  private static void pass(Source source, int[] from, int[] origins) {
    int[] edits = source.edits();
    int a = 0;
    int b = 0;
    for (int e = 0; e <= edits.length; e += 4) {
      int end = e < edits.length ? edits[e + 2] : origins.length;
      for (; b < end && b < origins.length; a++, b++) {
        if (origins[b] == NEW) {
          origins[b] = from == null || a >= from.length ? UNKNOWN : from[a];
        }
      }
      if (e < edits.length) {
        a = edits[e + 1];
        b = edits[e + 3];
      }
    }
  }

  private static int[] source(List<Map<String, int[]>> before, Source source) {
    if (source.parent() >= before.size()) {
      return null;
    }
    return before.get(source.parent()).get(source.path());
  }

  private static int growth(int[] edits) {
    int growth = 0;
    for (int e = 0; e < edits.length; e += 4) {
      growth += (edits[e + 3] - edits[e + 2]) - (edits[e + 1] - edits[e]);
    }
    return growth;
  }
}
