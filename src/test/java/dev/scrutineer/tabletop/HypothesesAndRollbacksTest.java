package dev.scrutineer.tabletop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Hunk;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Surface;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HypothesesAndRollbacksTest {
  @Test
  void eachRuleFiresOnWhatTheChangedLinesSay() {
    assertThat(ids(List.of(new Line(3, "while (attempt++ < 10) { client.exchange(req); }"))))
        .contains("retry-storm", "boundary-null");
    assertThat(ids(List.of(new Line(3, "synchronized (cache) { cache.put(k, v); }"))))
        .containsExactly("race");
    assertThat(ids(List.of(new Line(3, "jdbc.update(\"UPDATE orders SET status = ?\", s);"))))
        .containsExactly("data-corruption");
    assertThat(ids(List.of(new Line(3, "return price * quantity;"))))
        .containsExactly("wrong-logic");
    assertThat(Hypotheses.of("A#b()", List.of(), Set.of(Surface.AUTH)))
        .extracting(Drill.Hypothesis::id)
        .as("a surface alone is enough")
        .containsExactly("auth-check");
  }

  @Test
  void migrationsFindTheirUndoAndFlagsAreFoundInAddedLines() {
    String flyway = "db/migration/V3__add_status.sql";
    String flywayUndone = "db/migration/V4__drop_legacy.sql";
    String upDown = "migrations/0007_orders.up.sql";
    String liquibase = "db/changelog/db.changelog-master.yaml";
    ChangeSet change =
        change(
            added(flyway, "ALTER TABLE orders ADD status text;"),
            added(flywayUndone, "DROP TABLE legacy;"),
            added(upDown, "CREATE TABLE x ();"),
            added(liquibase, "- changeSet: {id: 1}"),
            added("src/main/java/A.java", "if (features.isEnabled(\"search\")) {"));
    SourceTree head =
        SourceTree.of(
            Map.of(
                flyway,
                bytes("ALTER TABLE orders ADD status text;"),
                flywayUndone,
                bytes("DROP TABLE legacy;"),
                "db/migration/U4__drop_legacy.sql",
                bytes("CREATE TABLE legacy ();"),
                upDown,
                bytes("CREATE TABLE x ();"),
                liquibase,
                bytes("- changeSet: {id: 1}\n  rollback: drop table x")));

    Drill.Rollback rollback =
        Rollbacks.of(change, new Drill.Revert("main", false, true, List.of()), head);

    assertThat(rollback.migrations())
        .containsExactly(
            new Drill.Migration(flyway, Optional.empty()),
            new Drill.Migration(flywayUndone, Optional.of("db/migration/U4__drop_legacy.sql")),
            new Drill.Migration(upDown, Optional.empty()),
            new Drill.Migration(liquibase, Optional.of(liquibase + " (rollback block)")));
    assertThat(rollback.featureFlags())
        .containsExactly("src/main/java/A.java:1: if (features.isEnabled(\"search\")) {");
  }

  private static List<String> ids(List<Line> lines) {
    return Hypotheses.of("A#b()", lines, Set.of()).stream().map(Drill.Hypothesis::id).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static FileChange added(String path, String line) {
    return new FileChange(
        ChangeType.ADDED,
        Optional.empty(),
        Optional.of(path),
        FileMode.MISSING,
        FileMode.REGULAR,
        Optional.empty(),
        Optional.of("b"),
        0,
        Content.TEXT,
        false,
        Optional.empty(),
        List.of(new Hunk(0, 0, 1, 1, List.of(), List.of(new Line(1, line)))),
        1,
        0);
  }

  private static ChangeSet change(FileChange... files) {
    Revision r = new Revision("main", "0".repeat(40));
    return new ChangeSet(r, r, r, List.of(), List.of(files), List.of());
  }
}
