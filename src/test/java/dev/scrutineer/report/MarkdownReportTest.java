package dev.scrutineer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskTier;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private static final Risk LOW_RISK = new Risk(0.1, RiskTier.LOW, List.of(), "built-in defaults");

  private static final String ID = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void aHugeChangeStillFitsInOneCommentWithItsFencesClosed() {
    List<FileChange> files =
        IntStream.range(0, 20_000)
            .mapToObj(
                i -> added("services/" + "deeply/nested/".repeat(30) + "Generated" + i + ".java"))
            .toList();

    String markdown = new MarkdownReport().render(analysis(files));

    assertThat(markdown.length()).isLessThanOrEqualTo(65_536);
    assertThat(markdown.split("```", -1).length % 2).as("code fences come in pairs").isOne();
    assertThat(count(markdown, "<details>")).isEqualTo(count(markdown, "</details>"));
    assertThat(markdown).contains("report cut to fit a comment");
  }

  @Test
  void textThatLooksLikeMarkdownIsShownAsWritten() {
    assertThat(MarkdownReport.escape("a *b* <script> [x](y) | z"))
        .isEqualTo("a \\*b\\* \\<script\\> \\[x\\](y) \\| z");
    assertThat(MarkdownReport.code("uses `ticks` | pipes"))
        .isEqualTo("`` uses `ticks` \\| pipes ``");
  }

  private static int count(String text, String token) {
    return text.split(java.util.regex.Pattern.quote(token), -1).length - 1;
  }

  private static FileChange added(String path) {
    return new FileChange(
        ChangeType.ADDED,
        Optional.empty(),
        Optional.of(path),
        FileMode.MISSING,
        FileMode.REGULAR,
        Optional.empty(),
        Optional.of(ID),
        0,
        Content.TEXT,
        false,
        Optional.empty(),
        List.of(),
        1,
        0);
  }

  private static Analysis analysis(List<FileChange> files) {
    Revision revision = new Revision("main", ID);
    ChangeSet change =
        new ChangeSet(revision, revision, new Revision("HEAD", ID), List.of(), files, List.of());
    Provenance none =
        new Provenance(
            AiLevel.NONE,
            List.of(),
            List.of(),
            false,
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    return new Analysis(
        change,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of(),
        none,
        LOW_RISK,
        List.of());
  }
}
