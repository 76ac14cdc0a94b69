package dev.scrutineer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TeamsTest {
  @Test
  void teamsAndEmailsMapToLowerCaseLogins() {
    Teams teams =
        Teams.parse(
            """
            "@Shop/Security": [Sam-Lee, "@ana"]
            shop/orders: [dana-kim]
            priya@shop.example: [priya-r]
            """,
            "teams.yml");
    assertThat(teams.membersOf("@shop/security")).containsExactlyInAnyOrder("sam-lee", "ana");
    assertThat(teams.membersOf("@shop/orders")).containsExactly("dana-kim");
    assertThat(teams.membersOf("Priya@Shop.example")).containsExactly("priya-r");
    assertThat(teams.membersOf("@shop/unknown")).isEmpty();
    assertThat(Teams.parse("{\"@a/b\": [\"x\"]}", "teams.json").membersOf("@a/b"))
        .containsExactly("x");
  }

  @Test
  void theFixturesForTheGateLoad() {
    assertThat(
            Teams.load(java.nio.file.Path.of("src/test/resources/gate-fixtures/teams.yml"))
                .membersOf("@shop/security"))
        .containsExactly("sam-lee");
    assertThat(
            Teams.load(
                    java.nio.file.Path.of("src/test/resources/gate-fixtures/petclinic/teams.yml"))
                .membersOf("@petclinic/owners-team"))
        .containsExactly("ana");
  }

  @Test
  void mistakesNameTheLine() {
    assertThatThrownBy(() -> Teams.parse("shop/a: [x]\n\"@sam\": [sam]\n", "teams.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("teams.yml:2: '@sam' is neither a team nor an email");
    assertThatThrownBy(() -> Teams.parse("shop/a: x\n", "teams.yml"))
        .hasMessageStartingWith("teams.yml:1: shop/a must be a list");
    assertThatThrownBy(() -> Teams.parse("shop/a: [x]\n\"@shop/a\": [y]\n", "teams.yml"))
        .hasMessageStartingWith("teams.yml:2: '@shop/a' is listed twice");
  }
}
