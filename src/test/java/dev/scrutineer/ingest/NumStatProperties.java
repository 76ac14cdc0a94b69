package dev.scrutineer.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Cutting common first and last lines by bytes gives the counts the histogram diff gives on the
 * whole files, whatever the texts: few distinct lines so that many repeat, with and without a
 * newline at the end.
 */
class NumStatProperties {
  @Property(tries = 2000)
  void countsAsTheWholeFileDiffDoes(
      @ForAll("texts") String oldText, @ForAll("texts") String newText) {
    byte[] a = oldText.getBytes(UTF_8);
    byte[] b = newText.getBytes(UTF_8);
    int added = 0;
    int deleted = 0;
    for (Edit edit :
        new HistogramDiff().diff(RawTextComparator.DEFAULT, new RawText(a), new RawText(b))) {
      added += edit.getLengthB();
      deleted += edit.getLengthA();
    }
    assertThat(NumStat.count(a, b)).containsExactly(added, deleted);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line = Arbitraries.of("a", "b", "ab", "", "  a", "ba");
    return line.list()
        .ofMaxSize(40)
        .flatMap(
            lines -> Arbitraries.of(true, false).map(newlineAtEnd -> join(lines, newlineAtEnd)));
  }

  private static String join(List<String> lines, boolean newlineAtEnd) {
    String text = String.join("\n", lines);
    return newlineAtEnd && !lines.isEmpty() ? text + "\n" : text;
  }
}
