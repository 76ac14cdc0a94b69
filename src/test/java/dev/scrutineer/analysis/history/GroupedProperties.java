package dev.scrutineer.analysis.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Counts in feature explanations read as {@code %,d} writes them. */
class GroupedProperties {
  @Property
  void groupsDigitsAsTheFormatterDoes(@ForAll long n) {
    assertThat(HistoryFeatures.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
  }

  @Example
  void smallAndRoundNumbers() {
    assertThat(HistoryFeatures.grouped(0)).isEqualTo("0");
    assertThat(HistoryFeatures.grouped(999)).isEqualTo("999");
    assertThat(HistoryFeatures.grouped(1_000)).isEqualTo("1,000");
    assertThat(HistoryFeatures.grouped(1_234_567)).isEqualTo("1,234,567");
  }
}
