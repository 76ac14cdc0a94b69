package dev.scrutineer.tabletop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.Drill.Hypothesis;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Invariants of the hypothesis rules, over any changed lines and surfaces. */
class HypothesesProperties {
  @Property
  void everyDeclarationGetsAHypothesisAndTheGenericOneOnlyAlone(
      @ForAll @Size(max = 8) List<String> texts, @ForAll Set<Surface> surfaces) {
    List<Hypothesis> found = Hypotheses.of("A#b()", lines(texts), surfaces);

    assertThat(found).isNotEmpty();
    assertThat(found).extracting(Hypothesis::id).doesNotHaveDuplicates();
    if (found.stream().anyMatch(h -> h.id().equals("wrong-logic"))) {
      assertThat(found).hasSize(1);
    }
  }

  @Property
  void moreChangedLinesOrSurfacesNeverDropAHypothesis(
      @ForAll @Size(max = 6) List<String> texts,
      @ForAll @Size(max = 3) List<String> more,
      @ForAll Set<Surface> surfaces,
      @ForAll Surface extra) {
    List<String> before =
        ids(Hypotheses.of("A#b()", lines(texts), surfaces)).stream()
            .filter(id -> !id.equals("wrong-logic"))
            .toList();
    List<String> all = new ArrayList<>(texts);
    all.addAll(more);
    Set<Surface> wider = new java.util.HashSet<>(surfaces);
    wider.add(extra);

    assertThat(ids(Hypotheses.of("A#b()", lines(all), wider))).containsAll(before);
  }

  private static List<String> ids(List<Hypothesis> hypotheses) {
    return hypotheses.stream().map(Hypothesis::id).toList();
  }

  private static List<Line> lines(List<String> texts) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      lines.add(new Line(i + 1, texts.get(i)));
    }
    return lines;
  }
}
