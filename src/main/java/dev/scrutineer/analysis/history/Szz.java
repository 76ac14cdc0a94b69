package dev.scrutineer.analysis.history;

import dev.scrutineer.model.BlamedLine;
import dev.scrutineer.model.Blamer;
import dev.scrutineer.model.BugInducing;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Labels bug-inducing commits with SZZ: the lines each fix deleted or changed are blamed in the
 * fix's parent, and the commits that last wrote them are labelled (B-SZZ, blame without an
 * annotation graph, with the filters of {@link Blamer}: whitespace, comment and import lines do not
 * count; the blamer replays the mined history once rather than blaming file by file). A revert
 * labels the commit it reverts directly, and so does a {@code Fixes: <id>} trailer; the revert
 * itself is not blamed. A candidate committed after its fix is dropped: it cannot have caused the
 * bug (clock skew or a rebase put it there).
 */
public final class Szz {
  private Szz() {}

  /**
   * The bug-inducing commits of the history, by fix time; with {@code fixesBefore}, only fixes
   * committed strictly before it are used, so a model trained on older commits learns nothing from
   * fixes made after its training window closed.
   */
  public static List<BugInducing> label(
      History history, Blamer blamer, Optional<Instant> fixesBefore, Progress progress) {
    int end = fixesBefore.map(history::cutoff).orElse(history.size());
    Set<BugInducing> labels = new LinkedHashSet<>();
    List<String> toBlame = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      HistoryCommit fix = history.commit(i);
      if (!history.fix(i) || fix.isMerge()) {
        continue;
      }
      List<String> named = new ArrayList<>(FixCommits.fixedIds(fix.message()));
      Optional<String> reverted = FixCommits.revertedId(fix.message());
      reverted.ifPresent(named::add);
      for (String id : named) {
        history.find(id).ifPresent(inducing -> add(labels, history, inducing.id(), fix));
      }
      if (reverted.isEmpty()) {
        toBlame.add(fix.id());
      }
    }
    Map<String, List<BlamedLine>> blamed = blamer.blame(toBlame, progress);
    for (String fixId : toBlame) {
      HistoryCommit fix = history.find(fixId).orElseThrow();
      for (BlamedLine line : blamed.getOrDefault(fixId, List.of())) {
        add(labels, history, line.inducingId(), fix);
      }
    }
    List<BugInducing> sorted = new ArrayList<>(labels);
    sorted.sort(
        Comparator.comparing(BugInducing::fixTime)
            .thenComparing(BugInducing::fixId)
            .thenComparing(BugInducing::inducingId));
    return sorted;
  }

  private static void add(
      Set<BugInducing> labels, History history, String inducingId, HistoryCommit fix) {
    Optional<HistoryCommit> inducing = history.find(inducingId);
    if (inducing.isEmpty()
        || inducing.get().id().equals(fix.id())
        || inducing.get().commitTime().isAfter(fix.commitTime())) {
      return;
    }
    labels.add(new BugInducing(inducing.get().id(), fix.id(), fix.commitTime()));
  }
}
