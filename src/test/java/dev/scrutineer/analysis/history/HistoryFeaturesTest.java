package dev.scrutineer.analysis.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.model.ChangeHistory;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.CouplingMiss;
import dev.scrutineer.model.Feature;
import dev.scrutineer.model.Hotspot;
import dev.scrutineer.model.Revert;
import dev.scrutineer.testing.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature values computed by hand from small histories with known times and authors. */
class HistoryFeaturesTest {
  @TempDir Path dir;

  private static final Instant T0 = TestRepo.START;

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  /**
   * Day 0 Ada adds A (3 lines) and B (2); day 10 Bob changes both; day 20 Ada fixes both; day 30
   * Bob adds the guide; day 40 Ada changes A and the guide, the commit under test.
   */
  private String build(TestRepo repo) {
    repo.write("src/app/A.java", "a1\na2\na3\n").write("src/app/B.java", "b1\nb2\n");
    repo.commit("Add A and B", "Ada", "ada@example.com", day(0));
    repo.write("src/app/A.java", "a1\na2\na3\na4\n").write("src/app/B.java", "b1\nB2\n");
    repo.commit("Grow A and B", "Bob", "bob@example.com", day(10));
    repo.write("src/app/A.java", "a1\na2\nA3\nA3b\na4\n").write("src/app/B.java", "b1\nB2\nb3\n");
    repo.commit("Fix A", "Ada", "ada@example.com", day(20));
    repo.write("docs/guide.md", "guide\n");
    repo.commit("Docs", "Bob", "bob@example.com", day(30));
    repo.write("src/app/A.java", "x1\nx2\nx3\nx4\nA3b\na4\n")
        .write("docs/guide.md", "guide\nmore\n");
    return repo.commit("Add feature", "Ada", "ada@example.com", day(40));
  }

  @Test
  void computesTheJustInTimeFeaturesOfACommitFromItsPast() {
    try (TestRepo repo = TestRepo.init(dir)) {
      String c = build(repo);
      ChangeHistory h = HistoryFeatures.of(Mined.history(repo), c);

      assertThat(h.features())
          .extracting(Feature::id)
          .containsExactly(
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
      assertThat(h.value("ns")).isEqualTo(2);
      assertThat(h.value("nd")).isEqualTo(2);
      assertThat(h.value("nf")).isEqualTo(2);
      // A: its first three lines become four; the guide gains one.
      assertThat(h.value("la")).isEqualTo(4 + 1);
      assertThat(h.value("ld")).isEqualTo(3);
      double pA = 7.0 / 8;
      double pG = 1.0 / 8;
      assertThat(h.value("entropy"))
          .isCloseTo(-(pA * Math.log(pA) + pG * Math.log(pG)) / Math.log(2), within(1e-9));
      assertThat(h.value("fix")).isZero();
      // A grew 3, +1, +2-1 = 5 lines; the guide has 1.
      assertThat(h.value("lt")).isEqualTo(6);
      assertThat(h.value("ndev")).isEqualTo(2);
      assertThat(h.value("age")).isCloseTo((20 + 10) / 2.0, within(1e-9));
      assertThat(h.value("nuc")).isEqualTo(4);
      assertThat(h.value("exp")).isEqualTo(2);
      assertThat(h.value("rexp"))
          .isCloseTo(1 / (40 / 365.25 + 1) + 1 / (20 / 365.25 + 1), within(1e-9));
      assertThat(h.value("sexp")).isEqualTo(2);
      assertThat(h.value("hotspot")).isEqualTo(1);
      assertThat(h.hotspots()).containsExactly(new Hotspot("src/app/A.java", 1));
      assertThat(h.feature("hotspot").orElseThrow().inWords())
          .isEqualTo("1 prior fix to A.java in the last 6 months");
      assertThat(h.value("coupling")).isEqualTo(1);
      assertThat(h.missedCoupling())
          .containsExactly(new CouplingMiss("src/app/A.java", "src/app/B.java", 3, 1.0));
      assertThat(h.value("reverts")).isZero();
    }
  }

  @Test
  void theFirstCommitHasNoPast() {
    try (TestRepo repo = TestRepo.init(dir)) {
      build(repo);
      History history = Mined.history(repo);
      ChangeHistory h = HistoryFeatures.of(history, history.commits().get(0).id());

      assertThat(h.value("exp")).isZero();
      assertThat(h.feature("exp").orElseThrow().inWords())
          .isEqualTo("author's first change in this repository");
      assertThat(h.feature("sexp").orElseThrow().inWords())
          .isEqualTo("author's first change in this subsystem");
      assertThat(h.value("lt")).isZero();
      assertThat(h.value("nuc")).isZero();
      assertThat(h.value("age")).isZero();
      assertThat(h.value("entropy"))
          .isCloseTo(-(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4)) / Math.log(2), within(1e-9));
    }
  }

  @Test
  void featuresOfACommitDoNotChangeWhenLaterCommitsArrive() {
    try (TestRepo repo = TestRepo.init(dir)) {
      String c = build(repo);
      ChangeHistory before = HistoryFeatures.of(Mined.history(repo), c);
      Feature epBefore =
          HistoryFeatures.entryPointExperience(Mined.history(repo), c, List.of("src/app/B.java"));

      repo.write("src/app/A.java", "fixed\n");
      repo.commit("Fix A again", "Ada", "ada@example.com", day(41));
      repo.write("src/app/B.java", "b\n").write("docs/guide.md", "g\n");
      repo.commit("Change B and the guide", "Bob", "bob@example.com", day(42));
      History later = Mined.history(repo);

      assertThat(HistoryFeatures.of(later, c)).isEqualTo(before);
      assertThat(HistoryFeatures.entryPointExperience(later, c, List.of("src/app/B.java")))
          .isEqualTo(epBefore);
      assertThat(epBefore.value()).isEqualTo(2);
    }
  }

  @Test
  void recentRevertsAndFixesOfTheTouchedFilesCount() {
    try (TestRepo repo = TestRepo.init(dir)) {
      String c = build(repo);
      repo.write("src/app/A.java", "a1\na2\nA3\nA3b\na4\n").write("docs/guide.md", "guide\n");
      String revert =
          repo.commit(
              "Revert \"Add feature\"\n\nThis reverts commit " + c + ".\n",
              "Bob",
              "bob@example.com",
              day(50));
      repo.write("src/app/A.java", "a1\n");
      String e = repo.commit("Shorten A", "Ada", "ada@example.com", day(55));

      ChangeHistory h = HistoryFeatures.of(Mined.history(repo), e);

      assertThat(h.recentReverts())
          .containsExactly(new Revert(revert, c, "src/app/A.java", day(50)));
      assertThat(h.value("reverts")).isEqualTo(1);
      assertThat(h.hotspots()).containsExactly(new Hotspot("src/app/A.java", 2));
      // A history for one change classifies messages only when asked: the same features.
      assertThat(HistoryFeatures.of(Mined.historyForOneChange(repo), e)).isEqualTo(h);
    }
  }

  @Test
  void aRenamedFileKeepsItsHistoryAndTheMailmapJoinsAddresses() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/A.java", "a\nb\nc\n")
          .write(".mailmap", "Ada <ada@example.com> <ada@old.example>\n");
      repo.commit("Add A", "Ada", "ada@old.example", day(0));
      repo.rename("src/A.java", "lib/A.java");
      repo.commit("Move A", "Bob", "bob@example.com", day(1));
      repo.write("lib/A.java", "a\nb\nc\nd\n");
      String c = repo.commit("Grow A", "Ada", "ADA@example.com", day(2));

      ChangeHistory h = HistoryFeatures.of(Mined.history(repo), c);

      assertThat(h.value("nuc")).isEqualTo(2);
      assertThat(h.value("lt")).isEqualTo(3);
      assertThat(h.value("ndev")).isEqualTo(2);
      assertThat(h.value("exp")).isEqualTo(1);
    }
  }

  @Test
  void aChangeNotYetMergedIsSeenFromItsMergeBase() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      build(repo);
      repo.branch("feature").checkout("feature");
      repo.write("src/app/A.java", "changed\n").write("src/app/C.java", "c\n");
      String head = repo.commit("Fix A on a branch", "Bob", "bob@example.com", day(45));
      repo.checkout("main");
      repo.write("src/app/B.java", "later on main\n");
      repo.commit("Later on main", "Ada", "ada@example.com", day(44));
      History mainHistory = Mined.history(repo);
      ChangeSet change =
          GitChangeReader.read(
              new ChangeQuery(repo.dir(), Optional.of("main"), Optional.of("feature"), false));

      ChangeHistory pending = HistoryFeatures.of(mainHistory, change);

      repo.checkout("feature");
      ChangeHistory merged = HistoryFeatures.of(Mined.history(repo), head);
      assertThat(pending).isEqualTo(merged);
      assertThat(pending.value("fix")).isEqualTo(1);
      assertThat(pending.value("exp")).isEqualTo(2);
    }
  }
}
