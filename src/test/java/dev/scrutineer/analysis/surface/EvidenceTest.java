package dev.scrutineer.analysis.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceTest {
  @Test
  void masksEverySecretGroupOfEveryPatternAndNothingElse() {
    List<Pattern> patterns =
        List.of(
            Pattern.compile("key=(?<secret>\\w+)"),
            Pattern.compile("(?<secret>AKIA[0-9A-Z]{4})"),
            Pattern.compile("plain"));
    assertThat(Evidence.mask("key=abc key=def AKIAWXYZ plain", patterns))
        .isEqualTo("key=**** key=**** **** plain");
    assertThat(Evidence.mask("nothing to hide", patterns)).isEqualTo("nothing to hide");
  }

  @Test
  void overlappingSecretsAreMaskedOnce() {
    List<Pattern> patterns =
        List.of(Pattern.compile("(?<secret>abcdef)"), Pattern.compile("(?<secret>defghi)"));
    assertThat(Evidence.mask("xx abcdefghi yy", patterns)).isEqualTo("xx **** yy");
  }

  @Test
  void evidenceIsTrimmedAndCutWithoutSplittingACharacter() {
    assertThat(Evidence.of("   return x;  ", List.of())).isEqualTo("return x;");
    String emoji = "a".repeat(Evidence.MAX_CHARS - 1) + "\ud83d\ude00tail";
    String cut = Evidence.of(emoji, List.of());
    assertThat(cut).isEqualTo("a".repeat(Evidence.MAX_CHARS - 1) + "…");
    assertThat(Evidence.of("b".repeat(Evidence.MAX_CHARS), List.of())).hasSize(Evidence.MAX_CHARS);
  }

  @ParameterizedTest
  @CsvSource({
    "'a  b', 'a b'",
    "'a\tb', 'a b'",
    "' a b ', 'a b'",
  })
  void fingerprintsCollapseWhiteSpace(String left, String right) {
    assertThat(Evidence.fingerprint("r", "p", left))
        .isEqualTo(Evidence.fingerprint("r", "p", right));
  }

  @Test
  void fingerprintsSeparateTheirParts() {
    assertThat(Evidence.fingerprint("ab", "c", "x"))
        .isNotEqualTo(Evidence.fingerprint("a", "bc", "x"));
    assertThat(Evidence.fingerprint("r", "p", "x")).hasSize(32).matches("[0-9a-f]+");
  }
}
