package dev.scrutineer.reach.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  @TempDir Path dir;

  @Test
  void aGeneratedCorpusCompilesAndGivesAPlausibleCallGraph() throws IOException {
    Map<String, String> written = CorpusGenerator.generate(dir.resolve("src"), 200, 7);
    assertThat(written).hasSize(200);
    assertThat(javaFiles(dir.resolve("src"))).hasSize(200);

    FixtureCompiler.Compiled compiled =
        FixtureCompiler.compile(dir.resolve("src"), dir.resolve("classes"));
    BytecodeCallGraph graph = BytecodeCallGraph.of(compiled);

    // 186 application files in 19 features (the last one cut short) gave 1,316 declarations and
    // 2,325 edges when this was written: about seven declarations and a dozen edges a file. The
    // bounds leave room for the templates to change, not for calls to go missing.
    assertThat(graph.nodes()).hasSizeBetween(1_100, 1_600);
    assertThat(graph.edgeCount()).isBetween(2_000, 3_000);
    Set<String> members = new TreeSet<>(compiled.facts().implicit());
    compiled.facts().declared().stream().filter(s -> s.contains("#")).forEach(members::add);
    assertThat(graph.nodes()).containsExactlyInAnyOrderElementsOf(members);

    // The first feature's repository reaches its endpoint, its job, its listener and its test.
    String order = "com.gen.m0.order.";
    assertThat(graph.reverseReach(Set.of(order + "JdbcOrderRepository#findAll()")))
        .contains(
            order + "OrderController#list(String)",
            order + "OrderJobs#refresh()",
            order + "DefaultOrderServiceTest#totalsAreNeverNegative()")
        .doesNotContain(order + "OrderService#total()");
    assertThat(graph.reverseReach(Set.of(order + "JdbcOrderRepository#save(Order)")))
        .contains(
            order + "OrderJobs#onEvent(String)", order + "OrderController#create(String,long)");
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
    Map<String, String> first = CorpusGenerator.generate(dir.resolve("a"), 120, 42);
    Map<String, String> again = CorpusGenerator.generate(dir.resolve("b"), 120, 42);
    Map<String, String> other = CorpusGenerator.generate(dir.resolve("c"), 120, 43);
    assertThat(new TreeMap<>(again)).isEqualTo(new TreeMap<>(first));
    assertThat(read(dir.resolve("b"))).isEqualTo(read(dir.resolve("a")));
    assertThat(other.keySet()).isEqualTo(first.keySet());
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void theCommandLineWritesTheCorpusAndRejectsBadArguments() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String target = dir.resolve("cli").toString();
    int code =
        CorpusGenerator.run(
            new String[] {target, "50"}, new PrintStream(out, true), new PrintStream(err, true));
    assertThat(code).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("wrote 50 files (14 stubs, 1 modules) to " + target + System.lineSeparator());

    for (String[] args :
        new String[][] {{}, {target}, {target, "many"}, {target, "10"}, {target, "50", "x"}}) {
      err.reset();
      assertThat(CorpusGenerator.run(args, new PrintStream(out, true), new PrintStream(err, true)))
          .as("exit code for %s", String.join(" ", args))
          .isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: CorpusGenerator");
    }
  }

  private static Set<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return new TreeSet<>(files.filter(f -> f.toString().endsWith(".java")).toList());
    }
  }

  private static Map<String, String> read(Path root) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    for (Path file : javaFiles(root)) {
      contents.put(root.relativize(file).toString(), Files.readString(file));
    }
    return contents;
  }
}
