package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrutineer.testing.TestRepo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tabletop --trusted --mutate} on a tiny Maven project: PIT runs in a copy and the mutants
 * that survive on the changed line are reported. Needs {@code mvn} on the PATH (and PIT's plugin,
 * fetched from Maven Central on first use); skipped without it.
 */
class MutationEndToEndTest {
  @TempDir Path temp;

  @Test
  void survivingMutantsOnTheChangedLineAreEvidence() throws IOException {
    assumeTrue(onPath("mvn"), "mvn is not on the PATH");
    TestRepo repo = TestRepo.init(temp.resolve("repo"), "main");
    repo.write(
            "pom.xml",
            """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>acme</groupId><artifactId>limits</artifactId><version>1</version>
              <properties>
                <maven.compiler.source>17</maven.compiler.source>
                <maven.compiler.target>17</maven.compiler.target>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
            </project>
            """)
        .write("src/main/java/acme/Limits.java", limits("n < 10"))
        .write(
            "src/test/java/acme/LimitsTest.java",
            """
            package acme;

            public class LimitsTest {
              @org.junit.Test
              public void small() {
                org.junit.Assert.assertTrue(Limits.allowed(1));
              }
            }
            """)
        .commit("Limits");
    repo.branch("feature").checkout("feature");
    repo.write("src/main/java/acme/Limits.java", limits("n >= 0 && n < 100")).commit("Widen");

    Cli cli =
        Cli.run(
            "tabletop",
            "--repo",
            repo.dir().toString(),
            "--base",
            "main",
            "--cache",
            temp.resolve("cache").toString(),
            "--trusted",
            "--mutate",
            "--format",
            "json");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode drill = new ObjectMapper().readTree(cli.out());
    assertThat(drill.path("notes").toString()).doesNotContain("mutation testing failed");
    JsonNode survivors = drill.path("mutation").path("survivors");
    assertThat(survivors.size()).isPositive();
    assertThat(survivors.get(0).path("path").asText()).isEqualTo("src/main/java/acme/Limits.java");
    assertThat(survivors.get(0).path("line").asInt()).isEqualTo(5);
    assertThat(survivors.toString()).contains("ConditionalsBoundaryMutator");
    assertThat(repo.dir().resolve("target")).as("the checkout is never built").doesNotExist();
  }

  private static String limits(String condition) {
    return "package acme;\n\npublic class Limits {\n  public static boolean allowed(int n) {\n"
        + "    return "
        + condition
        + ";\n  }\n}\n";
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
