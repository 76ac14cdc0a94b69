package dev.scrutineer.analysis.reach.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PresortedTest {
  @Test
  void buildsTheTreeMapThatPuttingEachKeyWouldBuild() {
    List<String> keys = List.of("a/A.java", "a/B.java", "a/b/C.java", "b/D.java");
    List<Integer> values = List.of(1, 2, 3, 4);
    TreeMap<String, Integer> expected = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      expected.put(keys.get(i), values.get(i));
    }

    TreeMap<String, Integer> built = Presorted.treeMap(keys, values);

    assertThat(built).containsExactlyEntriesOf(expected);
    assertThat(built.headMap("a/b/C.java")).containsOnlyKeys("a/A.java", "a/B.java");
    assertThat(Presorted.treeMap(List.<String>of(), List.of())).isEmpty();
  }

  @Test
  void refusesKeysOutOfOrderOrRepeatedAndValuesOfAnotherCount() {
    assertThatThrownBy(() -> Presorted.treeMap(List.of("b", "a"), List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of order at a");
    assertThatThrownBy(() -> Presorted.treeMap(List.of("a", "a"), List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Presorted.treeMap(List.of("a"), List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 keys for 2 values");
  }
}
