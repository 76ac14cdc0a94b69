package dev.scrutineer.analysis.reach.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class StringScreenTest {
  private static final Map<String, String> SOURCES =
      Map.of(
          "web/OwnerTests.java",
          """
          package web;
          class OwnerTests {
            Object client;
            void edits() { client.post("/owners/5/edit"); }
            void counts() { java.util.List.of(1, 2).size(); }
          }
          """,
          "web/MathTests.java",
          """
          package web;
          class MathTests {
            void adds() { Math.addExact(1, 2); }
            void labels() { String.valueOf("/not/a/request"); }
          }
          """);

  private static final List<Predicate<String>> SENDS_A_PATH =
      List.of(name -> name.equals("post"), literal -> literal.startsWith("/"));

  @Test
  void aFileWithoutEveryStringIsPassedOverAndTheOthersMayPass() {
    for (boolean stored : new boolean[] {false, true}) {
      StringScreen screen = new StringScreen(SENDS_A_PATH);

      assertThat(screen.mayPass(member("web/OwnerTests.java", "edits()", stored))).isTrue();
      // The string table is the file's: the screen lets a member of a passing file through.
      assertThat(screen.mayPass(member("web/OwnerTests.java", "counts()", stored)))
          .isEqualTo(stored);
      assertThat(screen.mayPass(member("web/MathTests.java", "adds()", stored))).isFalse();
      assertThat(screen.mayPass(member("web/MathTests.java", "labels()", stored))).isFalse();
    }
  }

  /** A member's facts as extracted, or as read back from the cache's binary form. */
  private static MemberFact member(String path, String signature, boolean stored) {
    FileFacts facts =
        CodeIndex.build(CodeIndexTest.tree(Map.of(path, SOURCES.get(path))), FactsCache.none(), 1)
            .file(path)
            .orElseThrow();
    if (stored) {
      facts = FactsCodec.decode(path, FactsCodec.encode(facts));
    }
    return facts.types().get(0).members().stream()
        .filter(m -> m.symbol().name().endsWith("#" + signature))
        .findFirst()
        .orElseThrow();
  }
}
