package dev.scrutineer.analysis.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixCommitsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Fix NPE in StringUtils.split | true",
        "fixes the build | true",
        "Fixed typo | true",
        "Bugfix: off by one | true",
        "Handle the regression from 3.1 | true",
        "Hotfix for release | true",
        "Apply patch from Jane | true",
        "Closes #123 | true",
        "resolves LANG-1234 by checking length | true",
        "Add prefix support | false",
        "New test fixture for dates | false",
        "LANG-1234: add StringUtils.truncate | false",
        "Refactor #12 pieces | false",
        "Add feature | false",
        "FIX CRASH ON EMPTY INPUT | true",
        "Known BUGS listed | true",
        "CLOSES #7 | true",
        "Déjà vu: accents in names | false",
      })
  void tellsFixesByTheirMessage(String message, boolean fix) {
    assertThat(FixCommits.isFix(message)).isEqualTo(fix);
  }

  @Test
  void trailersAndRevertsMakeAFix() {
    assertThat(FixCommits.isFix("Add check\n\nFixes: 1234567890ab (\"Add parser\")")).isTrue();
    assertThat(FixCommits.isFix("Make it faster\n\nCloses: #9")).isTrue();
    assertThat(FixCommits.isFix("Undo it\n\nTHIS REVERTS COMMIT 0123456789ABCDEF.")).isTrue();
    assertThat(FixCommits.isFix("Revert \"Add x\"\n\nThis reverts commit 0123456789abcdef."))
        .isTrue();
  }

  @Test
  void readsTheCommitsARevertOrTrailerNames() {
    assertThat(FixCommits.revertedId("Revert\n\nThis reverts commit ABCDEF0123."))
        .contains("abcdef0123");
    assertThat(FixCommits.revertedId("Fix it")).isEmpty();
    assertThat(
            FixCommits.fixedIds("Check bounds\n\nFixes: 1234567890ab (\"Add parser\")\nFixes: #12"))
        .containsExactly("1234567890ab");
  }
}
