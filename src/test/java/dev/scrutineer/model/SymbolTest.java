package dev.scrutineer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolTest {
  /** A record with the same components, whose methods the JDK generates. */
  private record Generated(String packageName, String name) {}

  @Test
  void hashAndEqualityAreThoseARecordGenerates() {
    List<Symbol> symbols =
        List.of(
            new Symbol("", "A"),
            new Symbol("com.acme", "Svc#pay()"),
            new Symbol("com.acme", "Svc"),
            new Symbol("com", "acme.Svc"),
            new Symbol("org.springframework.x", "Y.Z#m(int,String[])"));

    for (Symbol a : symbols) {
      assertThat(a.hashCode()).isEqualTo(new Generated(a.packageName(), a.name()).hashCode());
      for (Symbol b : symbols) {
        assertThat(a.equals(b))
            .isEqualTo(
                new Generated(a.packageName(), a.name())
                    .equals(new Generated(b.packageName(), b.name())));
      }
      assertThat(a).isEqualTo(new Symbol(a.packageName(), a.name())).isNotEqualTo(a.qualified());
    }
  }
}
