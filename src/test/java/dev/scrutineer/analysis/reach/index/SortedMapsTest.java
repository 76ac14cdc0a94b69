package dev.scrutineer.analysis.reach.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SortedMapsTest {
  @Property
  void holdsWhatATreeMapFilledOneByOneHolds(@ForAll @Size(max = 40) List<String> keys) {
    List<String> sorted = keys.stream().distinct().sorted().toList();
    List<Integer> values = new ArrayList<>();
    TreeMap<String, Integer> expected = new TreeMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      values.add(i);
      expected.put(sorted.get(i), i);
    }

    TreeMap<String, Integer> built = SortedMaps.ofSorted(sorted, values);

    assertThat(built).containsExactlyEntriesOf(expected);
    // A tree built in one pass is a tree like any other: lookups and edits still work.
    for (String key : sorted) {
      assertThat(built.get(key)).isEqualTo(expected.get(key));
    }
    String last = (sorted.isEmpty() ? "" : sorted.get(sorted.size() - 1)) + "x";
    built.put(last, -1);
    assertThat(built.lastKey()).isEqualTo(last);
    assertThat(built).hasSize(sorted.size() + 1);
  }

  @Test
  void refusesKeysOutOfOrderOrRepeated() {
    assertThatThrownBy(() -> SortedMaps.ofSorted(List.of("b/A.java", "a/B.java"), List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b/A.java before a/B.java");
    assertThatThrownBy(() -> SortedMaps.ofSorted(List.of("a", "a"), List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SortedMaps.ofSorted(List.of("a"), List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 keys for 2 values");
  }
}
