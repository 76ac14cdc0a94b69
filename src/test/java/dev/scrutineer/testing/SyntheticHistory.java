package dev.scrutineer.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A repository whose bug-inducing commits are known by construction. One author makes large new
 * files, most of which a later "Fix ..." commit corrects a line of; another makes small, steady
 * additions to one file, and occasionally a small new file that is also fixed later. Dates, names
 * and contents are fixed, so commit ids are the same on every run.
 */
public final class SyntheticHistory {
  public static final String RISKY = "Rex Risky";
  public static final String CAREFUL = "Cara Careful";

  private final TestRepo repo;
  private final Set<String> inducing = new LinkedHashSet<>();
  private final List<String> commits = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private int step;

  private record Pending(int dueStep, String path, int line) {}

  private SyntheticHistory(TestRepo repo) {
    this.repo = repo;
  }

  /** A repository with {@code steps} days of history, plus the fixes due in them. */
  public static SyntheticHistory build(Path dir, int steps) {
    SyntheticHistory history = new SyntheticHistory(TestRepo.init(dir));
    history.repo.write("src/main/java/app/Stable.java", "class Stable {\n}\n");
    history.commit("Start", CAREFUL, 0);
    history.advance(steps);
    return history;
  }

  /** Continues the history by {@code steps} more days. */
  public SyntheticHistory advance(int steps) {
    for (int end = step + steps; step < end; step++) {
      day(step + 1);
    }
    return this;
  }

  private void day(int i) {
    StringBuilder stable = new StringBuilder("class Stable {\n");
    if (i % 5 == 0) {
      String path = "src/main/java/app/Feature" + i + ".java";
      repo.write(path, body("Feature" + i, 40));
      String id = commit("Add feature " + i, RISKY, i);
      if (i % 20 != 0) {
        inducing.add(id);
        pending.add(new Pending(i + 3, path, 10));
      }
    } else if (i % 7 == 3) {
      String path = "src/main/java/app/Small" + i + ".java";
      repo.write(path, body("Small" + i, 4));
      String id = commit("Add helper " + i, CAREFUL, i);
      inducing.add(id);
      pending.add(new Pending(i + 4, path, 3));
    } else {
      for (int k = 0; k <= i; k++) {
        stable.append("  int s").append(k).append(" = ").append(k).append(";\n");
      }
      repo.write("src/main/java/app/Stable.java", stable.append("}\n").toString());
      commit("Extend stable part " + i, CAREFUL, i);
    }
    for (Pending fix : List.copyOf(pending)) {
      if (fix.dueStep() == i) {
        pending.remove(fix);
        String name = fix.path().substring(fix.path().lastIndexOf('/') + 1);
        String content = read(fix.path()).replace("= " + (fix.line() - 2) + ";", "= -1;");
        repo.write(fix.path(), content);
        commit("Fix wrong value in " + name, CAREFUL, i, Duration.ofHours(12));
      }
    }
  }

  private String read(String path) {
    try {
      return java.nio.file.Files.readString(repo.file(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String body(String name, int lines) {
    StringBuilder body = new StringBuilder("class " + name + " {\n");
    for (int k = 0; k < lines; k++) {
      body.append("  int v").append(k).append(" = ").append(k).append(";\n");
    }
    return body.append("}\n").toString();
  }

  private String commit(String message, String author, int day) {
    return commit(message, author, day, Duration.ZERO);
  }

  private String commit(String message, String author, int day, Duration later) {
    Instant when = TestRepo.START.plus(Duration.ofDays(day)).plus(later);
    String email = author.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com";
    String id = repo.commit(message, author, email, when);
    commits.add(id);
    return id;
  }

  public TestRepo repo() {
    return repo;
  }

  /** The commits a fix in this history corrects, in commit order. */
  public Set<String> inducing() {
    return Set.copyOf(inducing);
  }

  /** Every commit, oldest first. */
  public List<String> commits() {
    return List.copyOf(commits);
  }
}
