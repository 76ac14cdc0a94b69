package dev.scrutineer.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.Feature;
import dev.scrutineer.model.Risk;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RiskProperties {
  private static final List<Term> TERMS = DefaultModel.get().terms();

  /** More of any risk signal, or a signal added where there was none, never lowers the score. */
  @Property
  void moreRiskNeverLowersTheDefaultScore(
      @ForAll("signals") List<Feature> signals,
      @ForAll("termIndex") int index,
      @ForAll("increase") double increase) {
    Term term = TERMS.get(index);
    Risk before = DefaultModel.get().score(signals);
    List<Feature> more = new ArrayList<>();
    boolean present = false;
    for (Feature s : signals) {
      if (s.id().equals(term.id())) {
        present = true;
        more.add(new Feature(s.id(), riskier(term, s.value(), increase), s.inWords()));
      } else {
        more.add(s);
      }
    }
    if (!present && term.direction() > 0) {
      // An absent surface, reach or provenance signal is zero; history signals count as typical.
      more.add(new Feature(term.id(), term.log() ? increase : Math.min(1, increase), "added"));
      if (!DefaultModel.HISTORY.contains(term.id())) {
        assertThat(DefaultModel.get().score(more).score()).isGreaterThanOrEqualTo(before.score());
      }
      return;
    }
    Risk after = DefaultModel.get().score(more);
    assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    assertThat(after.tier()).isGreaterThanOrEqualTo(before.tier());
  }

  private static double riskier(Term term, double value, double increase) {
    return term.direction() > 0 ? value + increase : Math.max(0, value - increase);
  }

  @Provide
  Arbitrary<List<Feature>> signals() {
    Arbitrary<Feature> signal =
        Combinators.combine(
                Arbitraries.integers().between(0, TERMS.size() - 1),
                Arbitraries.doubles().between(0, 5000))
            .as(
                (i, v) ->
                    new Feature(TERMS.get(i).id(), TERMS.get(i).log() ? v : Math.min(v, 3), "x"));
    return signal.list().ofMaxSize(12).uniqueElements(Feature::id);
  }

  @Provide
  Arbitrary<Integer> termIndex() {
    return Arbitraries.integers().between(0, TERMS.size() - 1);
  }

  @Provide
  Arbitrary<Double> increase() {
    return Arbitraries.doubles().between(0, 1000);
  }
}
