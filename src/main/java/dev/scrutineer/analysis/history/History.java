package dev.scrutineer.analysis.history;

import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A mined history in memory, indexed for questions about the past of a moment: which commits
 * touched a file, who wrote them, when, and whether they were fixes.
 *
 * <p>Commits are ordered by commit time (ties keep the parents-first order they were mined in);
 * "before commit C" means committed strictly earlier than C, so nothing C's author could not have
 * seen, and nothing committed after C, ever counts. Files are followed through renames: a renamed
 * file keeps its history.
 */
public final class History {
  /** One commit's change to one file. */
  record Touch(int commit, int added, int deleted) {}

  private final List<HistoryCommit> commits;
  private final Map<String, Integer> positions = new HashMap<>();
  private final String[] authors;
  private final int[] authorIds;

  /** Per commit, the distinct ids of the top-level directories its files are in. */
  private final int[][] subsystemIds;

  private final Map<String, Integer> subsystems = new HashMap<>();

  /** Each commit's message as {@link FixCommits} reads it; null until first asked. */
  private final Classified[] classified;

  private final long[] seconds;

  /** Per commit, the file ids of its deltas, in the order of {@link HistoryCommit#files()}. */
  private final int[][] fileIds;

  private final List<List<Touch>> touches = new ArrayList<>();
  private final Map<String, Integer> fileByPath = new HashMap<>();
  private final Map<String, Integer> authorIdOf = new HashMap<>();
  private final List<List<Integer>> commitsByAuthorId = new ArrayList<>();
  private final List<int[]> authorCommits = new ArrayList<>();
  private final Mailmap mailmap;

  /** Whether a commit is a fix, and the commit it reverts. Immutable, so threads may share it. */
  private record Classified(boolean fix, String reverted) {}

  private History(List<HistoryCommit> mined, Mailmap mailmap, boolean classifyAll) {
    this.mailmap = mailmap;
    List<Integer> order = new ArrayList<>(IntStream.range(0, mined.size()).boxed().toList());
    order.sort(Comparator.comparing(i -> mined.get(i).commitTime()));
    this.commits = order.stream().map(mined::get).toList();
    int n = commits.size();
    authors = new String[n];
    authorIds = new int[n];
    subsystemIds = new int[n][];
    classified = new Classified[n];
    seconds = new long[n];
    fileIds = new int[n][];
    if (classifyAll) {
      // Reading every message with the fix patterns is the costly part; each is independent.
      IntStream.range(0, n).parallel().forEach(this::classified);
    }
    for (int i = 0; i < n; i++) {
      HistoryCommit commit = commits.get(i);
      positions.put(commit.id(), i);
      authors[i] = mailmap.identity(commit.author().name(), commit.author().email());
      seconds[i] = commit.commitTime().getEpochSecond();
      authorIds[i] =
          authorIdOf.computeIfAbsent(
              authors[i],
              a -> {
                commitsByAuthorId.add(new ArrayList<>());
                return commitsByAuthorId.size() - 1;
              });
      commitsByAuthorId.get(authorIds[i]).add(i);
      subsystemIds[i] = subsystemIds(commit.files());
      fileIds[i] = new int[commit.files().size()];
      for (int f = 0; f < commit.files().size(); f++) {
        FileDelta delta = commit.files().get(f);
        int file = fileOf(delta);
        fileIds[i][f] = file;
        touches.get(file).add(new Touch(i, delta.added(), delta.deleted()));
      }
    }
    commitsByAuthorId.forEach(
        list -> authorCommits.add(list.stream().mapToInt(Integer::intValue).toArray()));
  }

  /**
   * Indexes mined commits, for questions about all of them (labels, backtests): every message is
   * classified up front, on every processor. {@code mailmap} is the text of the repository's {@code
   * .mailmap}, which maps authors' addresses to one identity.
   */
  public static History of(List<HistoryCommit> commits, Optional<String> mailmap) {
    return new History(commits, mailmap.map(Mailmap::parse).orElseGet(Mailmap::none), true);
  }

  /**
   * As {@link #of}, for the features of one change: a message is classified when first asked about,
   * as those features read only the commits that touched the change's files.
   */
  public static History forOneChange(List<HistoryCommit> commits, Optional<String> mailmap) {
    return new History(commits, mailmap.map(Mailmap::parse).orElseGet(Mailmap::none), false);
  }

  private Classified classified(int position) {
    Classified known = classified[position];
    if (known == null) {
      String message = commits.get(position).message();
      boolean fix = FixCommits.isFix(message);
      known = new Classified(fix, fix ? FixCommits.revertedId(message).orElse(null) : null);
      classified[position] = known; // a race computes the same value twice, nothing worse
    }
    return known;
  }

  /** Every commit, by commit time. */
  public List<HistoryCommit> commits() {
    return commits;
  }

  public int size() {
    return commits.size();
  }

  /** The commit with this id, or the only one it abbreviates. */
  public Optional<HistoryCommit> find(String id) {
    return position(id).stream().mapToObj(commits::get).findFirst();
  }

  /** The commit the commit at {@code position} reverts, as its message names it, if any. */
  Optional<String> revertedId(int position) {
    return Optional.ofNullable(classified(position).reverted());
  }

  /** Whether {@link FixCommits} calls the commit with this id a fix. */
  public boolean isFix(String id) {
    return position(id).stream().anyMatch(this::fix);
  }

  java.util.OptionalInt position(String id) {
    Integer exact = positions.get(id);
    if (exact != null) {
      return java.util.OptionalInt.of(exact);
    }
    if (id.length() < 7 || id.length() >= 40) {
      return java.util.OptionalInt.empty();
    }
    int found = -1;
    for (Map.Entry<String, Integer> entry : positions.entrySet()) {
      if (entry.getKey().startsWith(id)) {
        if (found >= 0) {
          return java.util.OptionalInt.empty();
        }
        found = entry.getValue();
      }
    }
    return found < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(found);
  }

  /** The number of commits committed strictly before {@code time}: the history a change sees. */
  int cutoff(Instant time) {
    long t = time.getEpochSecond();
    int lo = 0;
    int hi = seconds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (seconds[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The number of commits committed at or before {@code time}. */
  int cutoffIncluding(Instant time) {
    return cutoff(time.plusSeconds(1));
  }

  HistoryCommit commit(int position) {
    return commits.get(position);
  }

  String author(int position) {
    return authors[position];
  }

  boolean fix(int position) {
    return classified(position).fix();
  }

  long seconds(int position) {
    return seconds[position];
  }

  int[] fileIds(int position) {
    return fileIds[position];
  }

  /** The file's touches, oldest first; callers stop at their cutoff. */
  List<Touch> touches(int file) {
    return touches.get(file);
  }

  /** The file id a path has at the end of the history, or -1 for a path never seen. */
  int file(String path) {
    return fileByPath.getOrDefault(path, -1);
  }

  /** The author's commits, by position; empty for an author with none. */
  int[] commitsBy(String author) {
    Integer id = authorIdOf.get(author);
    return id == null ? new int[0] : authorCommits.get(id);
  }

  int authorId(int position) {
    return authorIds[position];
  }

  int authorCount() {
    return authorCommits.size();
  }

  int[] subsystemIds(int position) {
    return subsystemIds[position];
  }

  /** The id of a top-level directory, or -1 for one no commit touched. */
  int subsystemId(String subsystem) {
    return subsystems.getOrDefault(subsystem, -1);
  }

  int fileCount() {
    return touches.size();
  }

  /**
   * The distinct subsystems of a commit's files, in order. A commit's files share one or two top
   * directories: each is compared in place, and spelt out once per commit, not once per file.
   */
  private int[] subsystemIds(List<FileDelta> files) {
    int[] ids = new int[files.size()];
    String[] names = new String[files.size()];
    int distinct = 0;
    next:
    for (FileDelta file : files) {
      String path = file.path();
      int length = Math.max(path.indexOf('/'), 0); // as HistoryFeatures.subsystem spells it
      for (int k = 0; k < distinct; k++) {
        if (names[k].length() == length && path.startsWith(names[k])) {
          continue next;
        }
      }
      names[distinct] = path.substring(0, length);
      ids[distinct] = subsystem(names[distinct]);
      distinct++;
    }
    return Arrays.copyOf(ids, distinct);
  }

  private int subsystem(String name) {
    return subsystems.computeIfAbsent(name, k -> subsystems.size());
  }

  String identity(String name, String email) {
    return mailmap.identity(name, email);
  }

  /** The file a delta belongs to: a rename carries the old path's history to the new path. */
  private int fileOf(FileDelta delta) {
    if (delta.oldPath().isPresent()) {
      Integer old = fileByPath.remove(delta.oldPath().get());
      if (old != null) {
        fileByPath.put(delta.path(), old);
        return old;
      }
    }
    return fileByPath.computeIfAbsent(
        delta.path(),
        p -> {
          touches.add(new ArrayList<>());
          return touches.size() - 1;
        });
  }
}
