package dev.scrutineer.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.Feature;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskModelTest {
  @Test
  void aTypicalChangeIsLowAndExplainsNothingAway() {
    Risk risk = DefaultModel.get().score(List.of());
    assertThat(risk.score()).isBetween(0.09, 0.11);
    assertThat(risk.tier()).isEqualTo(RiskTier.LOW);
    assertThat(risk.factors()).isEmpty();
    assertThat(risk.model()).isEqualTo("built-in defaults");
  }

  @Test
  void factorsAreInWordsLargestFirst() {
    Risk risk =
        DefaultModel.get()
            .score(
                List.of(
                    new Feature("surface.authn-authz", 1, "touches authentication (A.java:3)"),
                    new Feature("la", 2, "2 lines added"),
                    new Feature("reach.entry-points", 3, "3 entry points reached")));
    assertThat(risk.factors())
        .extracting(f -> String.format(Locale.ROOT, "%+.1f: %s", f.contribution(), f.because()))
        .containsExactly(
            "+1.2: touches authentication (A.java:3)",
            "+0.6: 3 entry points reached",
            "-0.3: 2 lines added");
    assertThat(risk.tier()).isEqualTo(RiskTier.MEDIUM);
  }

  @Test
  void savedModelsReadBackEqual(@TempDir Path dir) {
    Path file = ModelStore.defaultPath(dir, "abc");
    assertThat(ModelStore.anySaved(dir)).isFalse();
    ModelStore.save(DefaultModel.get(), file);
    assertThat(ModelStore.anySaved(dir)).isTrue();
    assertThat(ModelStore.load(file)).contains(DefaultModel.get());
    assertThat(ModelStore.load(dir.resolve("none.json"))).isEmpty();
  }

  @Test
  void aModelOfAnotherVersionIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.json");
    ModelStore.save(DefaultModel.get(), file);
    Files.writeString(file, Files.readString(file).replace("\"version\" : 1", "\"version\" : 9"));
    assertThatThrownBy(() -> ModelStore.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("format version 9");
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> ModelStore.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot read the risk model");
  }
}
