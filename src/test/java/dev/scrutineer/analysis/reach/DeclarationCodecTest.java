package dev.scrutineer.analysis.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import dev.scrutineer.store.SqliteRows;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationCodecTest {
  @TempDir Path temp;

  private static final List<Declaration> DECLARATIONS =
      List.of(
          new Declaration(
              new Symbol("com.example", "Caf\u00e9"),
              "",
              "Caf\u00e9",
              "Caf\u00e9",
              DeclarationKind.CLASS,
              1,
              40,
              "class Caf\u00e9",
              ""),
          new Declaration(
              new Symbol("com.example", "Caf\u00e9#big(int)"),
              "Caf\u00e9",
              "big",
              "Caf\u00e9",
              DeclarationKind.METHOD,
              2,
              39,
              "int big ( int n )",
              "{ return n + \"\u2603\" ; }".repeat(5_000)));

  @Test
  void declarationsSurviveTheRoundTripWhateverTheirLength() {
    assertThat(DECLARATIONS.get(1).body().length()).isGreaterThan(64 * 1024);

    assertThat(DeclarationCodec.decode(DeclarationCodec.encode(DECLARATIONS)))
        .isEqualTo(DECLARATIONS);
    assertThat(DeclarationCodec.decode(DeclarationCodec.encode(List.of()))).isEmpty();
  }

  @Test
  void bytesThatAreNotARowAreRefused() {
    byte[] row = DeclarationCodec.encode(DECLARATIONS);

    assertThatThrownBy(() -> DeclarationCodec.decode(Arrays.copyOf(row, row.length / 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeclarationCodec.decode("not a row".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDamagedRowIsAMissAndIsReplacedByTheNextStore() {
    Path db = temp.resolve("facts.db");
    try (SqliteRows rows =
        SqliteRows.open(db, DeclarationExtractor.VERSION, "blob", "declarations")) {
      rows.write("declarations", Map.of("b1", "junk".getBytes()));
    }
    try (DeclarationsCache cache = DeclarationsCache.open(db)) {
      assertThat(cache.load(List.of("b1"))).isEmpty();
      cache.store(Map.of("b1", DECLARATIONS));
      assertThat(cache.load(List.of("b1", "b2"))).isEqualTo(Map.of("b1", DECLARATIONS));
      assertThat(cache.diagnostics()).isEmpty();
    }
  }
}
