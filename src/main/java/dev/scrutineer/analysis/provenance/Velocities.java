package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Velocity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lines changed per minute between consecutive commits of one author in the change: a figure for
 * the reader, never proof and never an input to the level.
 */
final class Velocities {
  /**
   * One minute. Commits made seconds apart (staged pieces committed in a row, scripted or agent
   * commits) would otherwise show absurd rates; with the floor the figure is at most the lines
   * changed, a lower bound on the real rate that a reader can trust.
   */
  static final double FLOOR_MINUTES = 1.0;

  private Velocities() {}

  /**
   * For each commit with a measured size, the gap to the previous commit of the same author email
   * (compared case-insensitively). The gap is taken as a size: rebases can reorder author times.
   */
  static List<Velocity> of(List<Commit> commits) {
    Map<String, Commit> previousByAuthor = new HashMap<>();
    List<Velocity> velocities = new ArrayList<>();
    for (Commit commit : commits) {
      String author = commit.author().email().strip().toLowerCase(Locale.ROOT);
      Commit previous = previousByAuthor.put(author, commit);
      if (previous == null || commit.linesAdded() < 0 || commit.linesDeleted() < 0) {
        continue;
      }
      Duration gap = Duration.between(previous.authoredAt(), commit.authoredAt()).abs();
      double minutes = (gap.getSeconds() + gap.getNano() / 1e9) / 60;
      int lines =
          (int) Math.min(Integer.MAX_VALUE, (long) commit.linesAdded() + commit.linesDeleted());
      velocities.add(
          new Velocity(
              commit.author().email(),
              previous.id(),
              commit.id(),
              minutes,
              lines,
              lines / Math.max(minutes, FLOOR_MINUTES)));
    }
    return velocities;
  }
}
