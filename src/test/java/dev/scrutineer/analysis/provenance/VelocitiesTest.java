package dev.scrutineer.analysis.provenance;

import static dev.scrutineer.analysis.provenance.Fixtures.GRACE;
import static dev.scrutineer.analysis.provenance.Fixtures.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Velocity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines per minute between consecutive commits of one author. */
class VelocitiesTest {
  @Test
  void linesOfTheLaterCommitOverTheGap() {
    Commit first = commit("One").id("a1").minutesAfterStart(0).build();
    Commit second = commit("Two").id("a2").minutesAfterStart(10).lines(50, 10).build();

    assertThat(Velocities.of(List.of(first, second)))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.authorEmail()).isEqualTo("ada@example.org");
              assertThat(v.fromCommit()).isEqualTo("a1");
              assertThat(v.toCommit()).isEqualTo("a2");
              assertThat(v.minutes()).isEqualTo(10.0);
              assertThat(v.linesChanged()).isEqualTo(60);
              assertThat(v.linesPerMinute()).isEqualTo(6.0);
            });
  }

  @Test
  void aGapUnderAMinuteCountsAsOneMinute() {
    Commit first = commit("One").minutesAfterStart(0).build();
    Commit second = commit("Two").minutesAfterStart(0).lines(3, 0).build();

    Velocity v = Velocities.of(List.of(first, second)).get(0);

    assertThat(v.minutes()).isZero();
    assertThat(v.linesPerMinute()).isCloseTo(3.0, within(1e-9));
    assertThat(v.linesPerMinute()).isFinite();
  }

  @Test
  void pairsCommitsOfTheSameAuthorAcrossOtherAuthors() {
    Commit ada1 = commit("One").id("ada1").minutesAfterStart(0).build();
    Commit grace = commit("Two").id("grace").author(GRACE).minutesAfterStart(1).build();
    Commit ada2 =
        commit("Three")
            .id("ada2")
            .author(new Person("Ada", "ADA@Example.org"))
            .minutesAfterStart(4)
            .lines(4, 4)
            .build();

    assertThat(Velocities.of(List.of(ada1, grace, ada2)))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.fromCommit()).isEqualTo("ada1");
              assertThat(v.toCommit()).isEqualTo("ada2");
              assertThat(v.linesPerMinute()).isEqualTo(2.0);
            });
  }

  @Test
  void unmeasuredCommitsAreSkippedButStillStartTheNextGap() {
    Commit first = commit("One").id("c1").minutesAfterStart(0).build();
    Commit unmeasured = commit("Two").id("c2").minutesAfterStart(5).lines(-1, -1).build();
    Commit third = commit("Three").id("c3").minutesAfterStart(7).lines(8, 0).build();

    assertThat(Velocities.of(List.of(first, unmeasured, third)))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.fromCommit()).isEqualTo("c2");
              assertThat(v.minutes()).isEqualTo(2.0);
              assertThat(v.linesPerMinute()).isEqualTo(4.0);
            });
  }

  @Test
  void reorderedAuthorTimesGiveAPositiveGap() {
    Commit first = commit("One").minutesAfterStart(30).build();
    Commit second = commit("Two").minutesAfterStart(0).lines(30, 0).build();

    assertThat(Velocities.of(List.of(first, second)))
        .singleElement()
        .satisfies(v -> assertThat(v.minutes()).isEqualTo(30.0));
  }

  @Test
  void aSingleCommitHasNoVelocity() {
    assertThat(Velocities.of(List.of(commit("One").build()))).isEmpty();
  }
}
