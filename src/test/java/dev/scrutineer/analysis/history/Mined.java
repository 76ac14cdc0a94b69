package dev.scrutineer.analysis.history;

import dev.scrutineer.ingest.HistoryCache;
import dev.scrutineer.ingest.HistoryReader;
import dev.scrutineer.model.BugInducing;
import dev.scrutineer.model.HistoryCommit;
import dev.scrutineer.model.Progress;
import dev.scrutineer.testing.TestRepo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mines a test repository through the real reader, as the command line does. */
final class Mined {
  private Mined() {}

  static History history(TestRepo repo) {
    try (HistoryReader reader = HistoryReader.open(repo.dir())) {
      return History.of(
          reader.read("HEAD", HistoryCache.none(), Progress.NONE), reader.mailmap("HEAD"));
    }
  }

  /** As {@link #history}, classifying messages only when asked, as {@code analyze} does. */
  static History historyForOneChange(TestRepo repo) {
    try (HistoryReader reader = HistoryReader.open(repo.dir())) {
      return History.forOneChange(
          reader.read("HEAD", HistoryCache.none(), Progress.NONE), reader.mailmap("HEAD"));
    }
  }

  static List<BugInducing> szz(TestRepo repo, Optional<Instant> fixesBefore) {
    try (HistoryReader reader = HistoryReader.open(repo.dir())) {
      List<HistoryCommit> commits = reader.read("HEAD", HistoryCache.none(), Progress.NONE);
      History history = History.of(commits, Optional.empty());
      return Szz.label(
          history, reader.blamer(commits, HistoryCache.none()), fixesBefore, Progress.NONE);
    }
  }
}
