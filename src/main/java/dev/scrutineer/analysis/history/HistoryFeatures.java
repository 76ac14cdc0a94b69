package dev.scrutineer.analysis.history;

import dev.scrutineer.analysis.history.History.Touch;
import dev.scrutineer.model.ChangeHistory;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.CouplingMiss;
import dev.scrutineer.model.Feature;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileDelta;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Hotspot;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Revert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The just-in-time defect-prediction features of a change (Kamei et al.'s set), plus hotspots,
 * missed change coupling and recent reverts, computed only from commits before the change: for a
 * historical commit, those committed strictly before it; for a change not yet merged, those
 * committed up to its merge-base.
 */
public final class HistoryFeatures {
  /** How far back a fix makes a file a hotspot. */
  static final Duration HOTSPOT_WINDOW = Duration.ofDays(180);

  /** How far back a revert of a change to the same files counts. */
  static final Duration REVERT_WINDOW = Duration.ofDays(90);

  /** A missed coupled file needs at least this many prior commits changing both files ... */
  static final int COUPLING_SUPPORT = 3;

  /** ... and to have changed in at least this share of the commits changing the touched file. */
  static final double COUPLING_CONFIDENCE = 0.5;

  /** Commits changing more files than this are sweeping edits and say nothing about coupling. */
  static final int COUPLING_MAX_FILES = 30;

  /** The order of {@link ChangeHistory#features()}. */
  static final List<String> ORDER =
      List.of(
          "ns",
          "nd",
          "nf",
          "entropy",
          "la",
          "ld",
          "lt",
          "fix",
          "ndev",
          "age",
          "nuc",
          "exp",
          "rexp",
          "sexp",
          "hotspot",
          "coupling",
          "reverts");

  private static final double DAY_SECONDS = 86_400;
  private static final double YEAR_SECONDS = 365.25 * DAY_SECONDS;

  private HistoryFeatures() {}

  /** A touched file: its path, its history's id (-1 when new) and its line counts. */
  private record Touched(String path, int file, int added, int deleted) {}

  /** What a change is, for the features: the files, who, what it says, when, what it sees. */
  private record Change(
      List<Touched> files, Optional<String> author, String message, Instant now, int cutoff) {}

  /** The features of the historical commit {@code commitId}, against its first parent. */
  public static ChangeHistory of(History history, String commitId) {
    return compute(history, historical(history, commitId));
  }

  /**
   * The features of a change not yet merged, seen from its merge-base: its files, the author of its
   * last commit and all its messages; "now" is its last commit's time (the merge-base's for a work
   * tree without commits).
   */
  public static ChangeHistory of(History history, ChangeSet change) {
    return compute(history, pending(history, change));
  }

  /** {@code epexp}: the author's prior commits touching the files of the reached entry points. */
  public static Feature entryPointExperience(
      History history, String commitId, Collection<String> entryPointFiles) {
    return entryPointExperience(history, historical(history, commitId), entryPointFiles);
  }

  /** {@code epexp} for a change not yet merged. */
  public static Feature entryPointExperience(
      History history, ChangeSet change, Collection<String> entryPointFiles) {
    return entryPointExperience(history, pending(history, change), entryPointFiles);
  }

  private static Change historical(History history, String commitId) {
    int at =
        history
            .position(commitId)
            .orElseThrow(
                () -> new InputException("commit " + commitId + " is not in the mined history"));
    HistoryCommit commit = history.commit(at);
    int[] ids = history.fileIds(at);
    List<Touched> files = new ArrayList<>();
    for (int f = 0; f < ids.length; f++) {
      FileDelta delta = commit.files().get(f);
      boolean seenBefore =
          !history.touches(ids[f]).isEmpty()
              && history.touches(ids[f]).get(0).commit() < history.cutoff(commit.commitTime());
      files.add(
          new Touched(delta.path(), seenBefore ? ids[f] : -1, delta.added(), delta.deleted()));
    }
    return new Change(
        files,
        Optional.of(history.author(at)),
        commit.message(),
        commit.commitTime(),
        history.cutoff(commit.commitTime()));
  }

  private static Change pending(History history, ChangeSet change) {
    Optional<HistoryCommit> mergeBase = history.find(change.mergeBase().id());
    int cutoff = mergeBase.map(c -> history.cutoffIncluding(c.commitTime())).orElse(history.size());
    List<Touched> files = new ArrayList<>();
    for (FileChange file : change.files()) {
      String before = file.oldPath().orElse(file.path());
      int id = history.file(before);
      boolean seen =
          id >= 0 && !history.touches(id).isEmpty() && history.touches(id).get(0).commit() < cutoff;
      files.add(new Touched(file.path(), seen ? id : -1, file.linesAdded(), file.linesDeleted()));
    }
    List<Commit> commits = change.commits();
    Optional<String> author =
        commits.isEmpty()
            ? Optional.empty()
            : Optional.of(
                history.identity(
                    commits.get(commits.size() - 1).author().name(),
                    commits.get(commits.size() - 1).author().email()));
    Instant now =
        commits.isEmpty()
            ? mergeBase.map(HistoryCommit::commitTime).orElse(Instant.EPOCH)
            : commits.get(commits.size() - 1).committedAt();
    StringBuilder messages = new StringBuilder();
    commits.forEach(c -> messages.append(c.message()).append('\n'));
    return new Change(files, author, messages.toString(), now, cutoff);
  }

  private static ChangeHistory compute(History history, Change change) {
    List<Feature> features = new ArrayList<>();
    List<Hotspot> hotspots = hotspots(history, change);
    List<CouplingMiss> missed = missedCoupling(history, change);
    List<Revert> reverts = recentReverts(history, change);
    features.addAll(size(change));
    features.addAll(past(history, change));
    features.addAll(experience(history, change));
    int hotFixes = distinctFixes(history, change);
    features.add(
        new Feature(
            "hotspot",
            hotFixes,
            hotspots.isEmpty()
                ? "no fixes to these files in the last 6 months"
                : plural(hotspots.get(0).fixes(), "prior fix", "prior fixes")
                    + " to "
                    + fileName(hotspots.get(0).path())
                    + " in the last 6 months"
                    + (hotFixes > hotspots.get(0).fixes()
                        ? " (" + plural(hotFixes, "fix", "fixes") + " to these files in all)"
                        : "")));
    Set<String> missedFiles = new LinkedHashSet<>();
    missed.forEach(m -> missedFiles.add(m.missed()));
    features.add(
        new Feature(
            "coupling",
            missedFiles.size(),
            missed.isEmpty()
                ? "no file that usually changes with these was left out"
                : plural(missedFiles.size(), "file", "files")
                    + " that usually change with these did not: "
                    + fileName(missed.get(0).missed())
                    + " changed in "
                    + missed.get(0).support()
                    + " of the commits to "
                    + fileName(missed.get(0).touched())
                    + String.format(Locale.ROOT, " (%.0f%%)", 100 * missed.get(0).confidence())));
    features.add(
        new Feature(
            "reverts",
            reverts.size(),
            reverts.isEmpty()
                ? "no reverts touching these files in the last 3 months"
                : plural(reverts.size(), "revert", "reverts")
                    + " touching these files in the last 3 months, latest of "
                    + shortId(reverts.get(0).revertedId())
                    + " on "
                    + fileName(reverts.get(0).path())));
    features.sort(Comparator.comparingInt(f -> ORDER.indexOf(f.id())));
    return new ChangeHistory(features, missed, hotspots, reverts);
  }

  private static List<Feature> size(Change change) {
    Set<String> subsystems = new HashSet<>();
    Set<String> directories = new HashSet<>();
    int added = 0;
    int deleted = 0;
    for (Touched file : change.files()) {
      subsystems.add(subsystem(file.path()));
      directories.add(directory(file.path()));
      added += file.added();
      deleted += file.deleted();
    }
    double entropy = entropy(change.files());
    int nf = change.files().size();
    boolean fix = FixCommits.isFix(change.message());
    return List.of(
        new Feature(
            "ns",
            subsystems.size(),
            plural(subsystems.size(), "subsystem", "subsystems") + " (top-level directories)"),
        new Feature(
            "nd", directories.size(), plural(directories.size(), "directory", "directories")),
        new Feature("nf", nf, plural(nf, "file", "files")),
        new Feature(
            "entropy",
            entropy,
            String.format(
                Locale.ROOT, "changed lines spread over files with entropy %.2f bits", entropy)),
        new Feature("la", added, plural(added, "line", "lines") + " added"),
        new Feature("ld", deleted, plural(deleted, "line", "lines") + " deleted"),
        new Feature("fix", fix ? 1 : 0, fix ? "the message says it fixes something" : "not a fix"));
  }

  /** lt, ndev, age and nuc: what came before in the touched files. */
  private static List<Feature> past(History history, Change change) {
    long lines = 0;
    BitSet developers = new BitSet(history.authorCount());
    BitSet commits = new BitSet(change.cutoff());
    double ageDays = 0;
    int aged = 0;
    for (Touched file : change.files()) {
      if (file.file() < 0) {
        continue;
      }
      long size = 0;
      int last = -1;
      for (Touch touch : before(history, file.file(), change.cutoff())) {
        size += touch.added() - touch.deleted();
        developers.set(history.authorId(touch.commit()));
        commits.set(touch.commit());
        last = touch.commit();
      }
      lines += Math.max(0, size);
      if (last >= 0) {
        ageDays += (change.now().getEpochSecond() - history.seconds(last)) / DAY_SECONDS;
        aged++;
      }
    }
    double age = aged == 0 ? 0 : Math.max(0, ageDays / aged);
    return List.of(
        new Feature("lt", lines, "touched files had " + plural(lines, "line", "lines") + " before"),
        new Feature(
            "ndev",
            developers.cardinality(),
            plural(developers.cardinality(), "developer", "developers")
                + " changed these files before"),
        new Feature(
            "age",
            age,
            aged == 0
                ? "no touched file has been changed before"
                : String.format(
                    Locale.ROOT, "touched files last changed %.1f days before, on average", age)),
        new Feature(
            "nuc",
            commits.cardinality(),
            plural(commits.cardinality(), "prior change", "prior changes") + " to these files"));
  }

  /**
   * exp, rexp and sexp: the author's prior commits, all, weighted by recency, in the subsystems.
   */
  private static List<Feature> experience(History history, Change change) {
    if (change.author().isEmpty()) {
      return List.of(
          new Feature("exp", 0, "author unknown (no commits yet)"),
          new Feature("rexp", 0, "author unknown (no commits yet)"),
          new Feature("sexp", 0, "author unknown (no commits yet)"));
    }
    Set<String> subsystems = new HashSet<>();
    change.files().forEach(f -> subsystems.add(subsystem(f.path())));
    BitSet subsystemIds = new BitSet();
    subsystems.stream()
        .mapToInt(history::subsystemId)
        .filter(id -> id >= 0)
        .forEach(subsystemIds::set);
    int exp = 0;
    double rexp = 0;
    int sexp = 0;
    for (int commit : history.commitsBy(change.author().get())) {
      if (commit >= change.cutoff()) {
        break;
      }
      exp++;
      double years = (change.now().getEpochSecond() - history.seconds(commit)) / YEAR_SECONDS;
      rexp += 1 / (Math.max(0, years) + 1);
      for (int id : history.subsystemIds(commit)) {
        if (subsystemIds.get(id)) {
          sexp++;
          break;
        }
      }
    }
    String where = subsystems.size() == 1 ? "this subsystem" : "these subsystems";
    return List.of(
        new Feature(
            "exp",
            exp,
            exp == 0
                ? "author's first change in this repository"
                : "author made " + plural(exp, "prior change", "prior changes")),
        new Feature(
            "rexp",
            rexp,
            String.format(
                Locale.ROOT,
                "author's recent experience %.1f (prior changes weighted by 1/(years ago + 1))",
                rexp)),
        new Feature(
            "sexp",
            sexp,
            sexp == 0
                ? "author's first change in " + where
                : "author made " + plural(sexp, "prior change", "prior changes") + " in " + where));
  }

  private static Feature entryPointExperience(
      History history, Change change, Collection<String> entryPointFiles) {
    Set<Integer> files = new HashSet<>();
    for (String path : entryPointFiles) {
      int id = history.file(path);
      if (id >= 0) {
        files.add(id);
      }
    }
    int count = 0;
    if (change.author().isPresent()) {
      for (int commit : history.commitsBy(change.author().get())) {
        if (commit >= change.cutoff()) {
          break;
        }
        for (int id : history.fileIds(commit)) {
          if (files.contains(id)) {
            count++;
            break;
          }
        }
      }
    }
    return new Feature(
        "epexp",
        count,
        count == 0
            ? "author never changed the files of the reached entry points"
            : "author made "
                + plural(count, "prior change", "prior changes")
                + " to the files of the reached entry points");
  }

  private static List<Hotspot> hotspots(History history, Change change) {
    List<Hotspot> hotspots = new ArrayList<>();
    for (Touched file : change.files()) {
      int fixes = 0;
      for (Touch touch : recent(history, file, change, HOTSPOT_WINDOW)) {
        if (history.fix(touch.commit())) {
          fixes++;
        }
      }
      if (fixes > 0) {
        hotspots.add(new Hotspot(file.path(), fixes));
      }
    }
    hotspots.sort(Comparator.comparingInt(Hotspot::fixes).reversed().thenComparing(Hotspot::path));
    return hotspots;
  }

  private static int distinctFixes(History history, Change change) {
    Set<Integer> fixes = new HashSet<>();
    for (Touched file : change.files()) {
      for (Touch touch : recent(history, file, change, HOTSPOT_WINDOW)) {
        if (history.fix(touch.commit())) {
          fixes.add(touch.commit());
        }
      }
    }
    return fixes.size();
  }

  private static List<CouplingMiss> missedCoupling(History history, Change change) {
    BitSet touched = new BitSet(history.fileCount());
    change.files().stream().filter(f -> f.file() >= 0).forEach(f -> touched.set(f.file()));
    List<CouplingMiss> missed = new ArrayList<>();
    for (Touched file : change.files()) {
      if (file.file() < 0) {
        continue;
      }
      List<Touch> past = before(history, file.file(), change.cutoff());
      // Per file that changed with this one: how often, and where it did last. A map, not
      // arrays over every file of the history, which a backtest would clear for every commit.
      Map<Integer, Together> together = new LinkedHashMap<>();
      for (Touch touch : past) {
        int[] ids = history.fileIds(touch.commit());
        if (ids.length > COUPLING_MAX_FILES) {
          continue;
        }
        for (int f = 0; f < ids.length; f++) {
          if (!touched.get(ids[f])) {
            Together other = together.computeIfAbsent(ids[f], id -> new Together());
            other.count++;
            other.lastCommit = touch.commit();
            other.lastIndex = f;
          }
        }
      }
      for (Together other : together.values()) {
        double confidence = other.count / (double) past.size();
        if (other.count >= COUPLING_SUPPORT && confidence >= COUPLING_CONFIDENCE) {
          String path = history.commit(other.lastCommit).files().get(other.lastIndex).path();
          missed.add(new CouplingMiss(file.path(), path, other.count, confidence));
        }
      }
    }
    missed.sort(
        Comparator.comparingDouble(CouplingMiss::confidence)
            .reversed()
            .thenComparing(Comparator.comparingInt(CouplingMiss::support).reversed())
            .thenComparing(CouplingMiss::touched)
            .thenComparing(CouplingMiss::missed));
    return missed;
  }

  /** How often another file changed together with a touched one, and where it did last. */
  private static final class Together {
    int count;
    int lastCommit;
    int lastIndex;
  }

  private static List<Revert> recentReverts(History history, Change change) {
    List<Revert> reverts = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Touched file : change.files()) {
      for (Touch touch : recent(history, file, change, REVERT_WINDOW)) {
        HistoryCommit commit = history.commit(touch.commit());
        Optional<String> reverted = history.revertedId(touch.commit());
        if (reverted.isPresent() && seen.add(touch.commit())) {
          String id = history.find(reverted.get()).map(HistoryCommit::id).orElse(reverted.get());
          reverts.add(new Revert(commit.id(), id, file.path(), commit.commitTime()));
        }
      }
    }
    reverts.sort(Comparator.comparing(Revert::time).reversed().thenComparing(Revert::revertId));
    return reverts;
  }

  /** The file's touches before the cutoff. */
  private static List<Touch> before(History history, int file, int cutoff) {
    List<Touch> touches = history.touches(file);
    int lo = 0;
    int hi = touches.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (touches.get(mid).commit() < cutoff) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return touches.subList(0, lo);
  }

  /** The file's touches before the cutoff and within {@code window} of the change's time. */
  private static List<Touch> recent(History history, Touched file, Change change, Duration window) {
    if (file.file() < 0) {
      return List.of();
    }
    long since = change.now().minus(window).getEpochSecond();
    List<Touch> past = before(history, file.file(), change.cutoff());
    int from = past.size();
    while (from > 0 && history.seconds(past.get(from - 1).commit()) >= since) {
      from--;
    }
    return past.subList(from, past.size());
  }

  /** Shannon entropy, in bits, of the changed lines' distribution over the files. */
  static double entropy(List<Touched> files) {
    double total = 0;
    for (Touched file : files) {
      total += file.added() + file.deleted();
    }
    double entropy = 0;
    if (total > 0) {
      for (Touched file : files) {
        double p = (file.added() + file.deleted()) / total;
        if (p > 0) {
          entropy -= p * Math.log(p) / Math.log(2);
        }
      }
    }
    return entropy;
  }

  /** The top-level directory, or "" for a file at the root. */
  static String subsystem(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String shortId(String id) {
    return id.substring(0, Math.min(12, id.length()));
  }

  private static String plural(long n, String one, String many) {
    return grouped(n) + " " + (n == 1 ? one : many);
  }

  /**
   * {@code n} with its thousands separated by commas, as {@code %,d} writes it in the root locale,
   * without a formatter's cost: a backtest words the features of every commit in the history.
   */
  static String grouped(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    int lead = sign + (digits.length() - sign - 1) % 3 + 1;
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
    out.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
  }
}
