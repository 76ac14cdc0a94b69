package dev.scrutineer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.testing.GitCli;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The files of a change, with their change type and paths, are what {@code git diff --name-status
 * -M} says they are, for random pairs of commits.
 *
 * <p>Every line written is unique, so only a rename can make two files similar, and renamed files
 * are either barely edited (one line of eight) or rewritten completely: similarity stays far from
 * the 50% threshold, where git and JGit could score the same pair differently.
 */
class NameStatusProperties {
  /** Where files may be. No path is a prefix directory of another, so any file can go anywhere. */
  private static final List<String> PATHS =
      List.of(
          "a.txt",
          "b.txt",
          "c.md",
          "k.cfg",
          "src/Main.java",
          "src/Util.java",
          "src/util/Strings.java",
          "src/util/Lists.java",
          "docs/guide.md",
          "docs/faq.md",
          "lib/x.txt",
          "lib/y.txt");

  private static final int LINES = 8;

  enum Kind {
    ADD,
    DELETE,
    MODIFY,
    RENAME,
    RENAME_EDITED,
    RENAME_REWRITTEN,
    CHANGE_MODE
  }

  /** One operation; {@code target} and {@code destination} pick among the paths still free. */
  record Op(Kind kind, int target, int destination) {}

  record Plan(Set<String> initial, int executableMask, List<Op> ops) {}

  @Property(tries = 50)
  void fileChangesMatchGitNameStatus(@ForAll("plans") Plan plan) throws IOException {
    Path dir = Files.createTempDirectory("name-status");
    try (TestRepo repo = TestRepo.init(dir)) {
      Scenario scenario = new Scenario(repo);
      String base = scenario.build(plan.initial(), plan.executableMask());
      List<String> applied = scenario.apply(plan.ops());
      String head = repo.commit("change");

      ChangeSet change =
          GitChangeReader.read(new ChangeQuery(dir, Optional.of(base), Optional.of(head), false));

      assertThat(nameStatus(change))
          .as("operations %s on %s", applied, plan.initial())
          .isEqualTo(gitNameStatus(dir, base, head));
    } finally {
      deleteRecursively(dir);
    }
  }

  @Provide
  Arbitrary<Plan> plans() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99))
            .as(Op::new);
    return Combinators.combine(
            Arbitraries.of(PATHS).set().ofMinSize(1).ofMaxSize(8),
            Arbitraries.integers().between(0, 255),
            op.list().ofMinSize(1).ofMaxSize(6))
        .as(Plan::new);
  }

  /** Builds the base commit, then applies operations to distinct files for the head commit. */
  private static final class Scenario {
    private final TestRepo repo;
    private final TreeMap<String, List<String>> files = new TreeMap<>();
    private final Set<String> executable = new HashSet<>();

    /** Paths an operation already used, as source or destination; each path is used once. */
    private final Set<String> used = new HashSet<>();

    private int nextLine;

    Scenario(TestRepo repo) {
      this.repo = repo;
    }

    String build(Set<String> initial, int executableMask) {
      int bit = 0;
      for (String path : new TreeSet<>(initial)) {
        write(path, fresh(LINES));
        if ((executableMask & (1 << bit++)) != 0) {
          repo.chmodExecutable(path);
          executable.add(path);
        }
      }
      return repo.commit("base");
    }

    List<String> apply(List<Op> ops) {
      List<String> applied = new ArrayList<>();
      for (Op op : ops) {
        List<String> sources = files.keySet().stream().filter(p -> !used.contains(p)).toList();
        List<String> free =
            PATHS.stream().filter(p -> !files.containsKey(p) && !used.contains(p)).toList();
        boolean needsSource = op.kind() != Kind.ADD;
        boolean needsDestination = op.kind() == Kind.ADD || op.kind().name().startsWith("RENAME");
        if ((needsSource && sources.isEmpty()) || (needsDestination && free.isEmpty())) {
          continue;
        }
        String source = needsSource ? sources.get(op.target() % sources.size()) : null;
        String destination = needsDestination ? free.get(op.destination() % free.size()) : null;
        applied.add(
            op.kind()
                + " "
                + (source == null ? "" : source)
                + (destination == null ? "" : " -> " + destination));
        Stream.of(source, destination).filter(p -> p != null).forEach(used::add);
        switch (op.kind()) {
          case ADD -> write(destination, fresh(LINES));
          case DELETE -> {
            repo.delete(source);
            files.remove(source);
          }
          case MODIFY -> {
            List<String> lines = new ArrayList<>(files.get(source));
            lines.set(op.destination() % lines.size(), fresh(1).get(0));
            lines.addAll(fresh(1));
            write(source, lines);
          }
          case RENAME -> move(source, destination, files.get(source));
          case RENAME_EDITED -> {
            List<String> lines = new ArrayList<>(files.get(source));
            lines.set(op.destination() % lines.size(), fresh(1).get(0));
            move(source, destination, lines);
          }
          case RENAME_REWRITTEN -> move(source, destination, fresh(LINES));
          case CHANGE_MODE -> {
            if (executable.remove(source)) {
              repo.chmodRegular(source);
            } else {
              repo.chmodExecutable(source);
              executable.add(source);
            }
          }
        }
      }
      return applied;
    }

    private void move(String from, String to, List<String> lines) {
      repo.rename(from, to);
      files.remove(from);
      write(to, lines);
      if (executable.remove(from)) {
        executable.add(to);
      }
    }

    private void write(String path, List<String> lines) {
      repo.write(path, lines.stream().map(l -> l + "\n").collect(Collectors.joining()));
      files.put(path, List.copyOf(lines));
    }

    /** Lines that occur nowhere else in the repository. */
    private List<String> fresh(int count) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = nextLine++;
        lines.add("line " + n + ": " + Integer.toHexString(n * 0x9E3779B1) + " unique content");
      }
      return lines;
    }
  }

  /** Letter, old path and new path of each file, the missing side as an empty string. */
  private static Set<String> nameStatus(ChangeSet change) {
    Set<String> out = new TreeSet<>();
    for (FileChange file : change.files()) {
      out.add(entry(file.type().letter(), file.oldPath().orElse(""), file.newPath().orElse("")));
    }
    return out;
  }

  /** The same, from {@code git diff --name-status -z -M}. */
  private static Set<String> gitNameStatus(Path dir, String base, String head) {
    String output =
        new String(
            GitCli.run(
                dir, "-c", "core.quotePath=false", "diff", "--name-status", "-z", "-M", base, head),
            UTF_8);
    List<String> fields = List.of(output.split("\0"));
    Set<String> out = new TreeSet<>();
    int i = 0;
    while (i < fields.size() && !fields.get(i).isEmpty()) {
      char letter = fields.get(i).charAt(0);
      switch (letter) {
        case 'R', 'C' -> {
          out.add(entry(letter, fields.get(i + 1), fields.get(i + 2)));
          i += 3;
        }
        case 'A' -> {
          out.add(entry(letter, "", fields.get(i + 1)));
          i += 2;
        }
        case 'D' -> {
          out.add(entry(letter, fields.get(i + 1), ""));
          i += 2;
        }
        default -> {
          out.add(entry(letter, fields.get(i + 1), fields.get(i + 1)));
          i += 2;
        }
      }
    }
    return out;
  }

  private static String entry(char letter, String oldPath, String newPath) {
    return letter + " " + oldPath + " -> " + newPath;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
