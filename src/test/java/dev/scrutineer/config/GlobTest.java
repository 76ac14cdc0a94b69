package dev.scrutineer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    // a pattern without a slash matches a name at any depth, as in .gitignore
    "*.sql,             schema.sql,                          true",
    "*.sql,             db/seed/data.sql,                    true",
    "*.sql,             db/seed/data.sql.bak,                false",
    "pom.xml,           pom.xml,                             true",
    "pom.xml,           module/a/pom.xml,                    true",
    "pom.xml,           module/xpom.xml,                     false",
    "Dockerfile.*,      docker/Dockerfile.prod,              true",
    // ... and a directory name at any depth, with everything under it
    "generated,         src/generated/Foo.java,              true",
    "generated,         src/generatedSources/Foo.java,       false",
    "test/,             a/test/B.java,                       true",
    "test/,             a/test,                              false",
    // a slash anchors the pattern at the root
    "src/*.java,        src/A.java,                          true",
    "src/*.java,        lib/src/A.java,                      false",
    "/scrutineer.yml,   scrutineer.yml,                      true",
    "/scrutineer.yml,   sub/scrutineer.yml,                  false",
    ".github/workflows/**, .github/workflows/ci.yml,         true",
    ".github/workflows/**, .github/workflows/sub/ci.yml,     true",
    ".github/workflows/**, x/.github/workflows/ci.yml,       false",
    // ** spans zero or more directories, * and ? stay within one name
    "**/db/migration/**, db/migration/V1__init.sql,          true",
    "**/db/migration/**, svc/src/main/resources/db/migration/V1__a.sql, true",
    "**/db/migration/**, db/migrationx/V1__a.sql,            false",
    "src/**/ledger/**,  src/ledger/Ledger.java,              true",
    "src/**/ledger/**,  src/main/java/com/acme/ledger/L.java, true",
    "src/*/Ledger.java, src/main/java/Ledger.java,           false",
    "V?__*.sql,         db/V1__init.sql,                     true",
    "V?__*.sql,         db/V12__init.sql,                    false",
    "[Dd]ockerfile,     build/dockerfile,                    true",
    "[!D]ockerfile,     build/Dockerfile,                    false",
    "*Test.java,        src/test/java/FooTest.java,          true",
    "*Test.java,        src/main/java/Foo.java,              false",
    "a\\*b,             a*b,                                 true",
    "a\\*b,             axb,                                 false",
    // braces are literal characters, not alternatives
    "'*.{yml,yaml}',    a.yml,                               false",
    "'*.{yml,yaml}',    'a.{yml,yaml}',                      true",
  })
  void matchesLikeGitignore(String pattern, String path, boolean expected) {
    assertThat(Glob.compile(pattern).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''          | the pattern is empty",
        "'!*.java'   | negation is not supported",
        "'a//b'      | empty segment",
        "'[abc'      | is never closed",
        "'a\\'       | lone",
        "'/'         | names no path",
        "'[z-a]'     | character class is invalid",
      })
  void rejectsWhatItWouldReadDifferentlyFromGit(String pattern, String message) {
    assertThatThrownBy(() -> Glob.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aLiteralPathMatchesItselfAndNothingBelowAnotherDirectory() {
    Random random = new Random(20260101);
    for (int i = 0; i < 500; i++) {
      String dir = word(random);
      String name = word(random);
      String path = dir + "/" + name + ".txt";
      assertThat(Glob.compile(path).matches(path)).as(path).isTrue();
      assertThat(Glob.compile("**/" + name + ".txt").matches("x/" + path)).as(path).isTrue();
      assertThat(Glob.compile(path).matches("x/" + path)).as(path).isFalse();
    }
  }

  @Test
  void starNeverCrossesASlashButDoubleStarDoes() {
    Random random = new Random(20260102);
    for (int i = 0; i < 500; i++) {
      String path = "src/" + word(random) + "/" + word(random) + ".java";
      assertThat(Glob.compile("src/*.java").matches(path)).as(path).isFalse();
      assertThat(Glob.compile("src/**/*.java").matches(path)).as(path).isTrue();
      assertThat(Glob.compile("*.java").matches(path)).as(path).isTrue();
    }
  }

  /** A random path segment, with characters that mean something in regexes and globs. */
  private static String word(Random random) {
    String alphabet = "abcXYZ019._-+()$^{}";
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(8);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  @Test
  void equalityIsByPattern() {
    assertThat(Glob.compile("*.sql")).isEqualTo(Glob.compile("*.sql")).hasToString("*.sql");
    assertThat(Glob.compile("*.sql")).isNotEqualTo(Glob.compile("*.SQL"));
  }
}
