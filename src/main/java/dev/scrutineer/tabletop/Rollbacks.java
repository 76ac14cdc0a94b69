package dev.scrutineer.tabletop;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.Drill.Migration;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What decides whether a change can be rolled back besides a clean revert: migrations without a way
 * down, and whether anything in the change can switch it off without a deploy.
 */
final class Rollbacks {
  /** Flyway's versioned migration; its undo script is {@code U<version>__...}. */
  private static final Pattern FLYWAY = Pattern.compile("(^|/)V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql$");

  /** golang-migrate and similar: {@code 0001_x.up.sql} beside {@code 0001_x.down.sql}. */
  private static final Pattern UP_DOWN = Pattern.compile("\\.up\\.sql$");

  private static final Pattern LIQUIBASE =
      Pattern.compile("(?i)(^|/)[^/]*changelog[^/]*\\.(xml|ya?ml|sql|json)$");

  /** Feature-flag libraries, and switches in code or config that a team can flip. */
  private static final Pattern FLAG =
      Pattern.compile(
          "(?i)ff4j|togglz|launchdarkly|LDClient|unleash|openfeature|FeatureManager"
              + "|@ConditionalOnProperty|feature[-_.]?(flag|toggle)s?|features?\\.[a-z0-9-]+"
              + "\\.enabled|\\.isEnabled\\(|boolVariation\\(");

  private static final int MAX_FLAG_LINES = 10;

  private Rollbacks() {}

  static Drill.Rollback of(ChangeSet change, Drill.Revert revert, SourceTree head) {
    List<String> headPaths = paths(head);
    List<Migration> migrations = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (FileChange file : change.files()) {
      if (file.type() == ChangeType.DELETED) {
        continue;
      }
      String path = file.path();
      migration(path, headPaths, head).ifPresent(migrations::add);
      for (Line line : file.addedLines()) {
        if (flags.size() < MAX_FLAG_LINES && FLAG.matcher(line.text()).find()) {
          flags.add(path + ":" + line.number() + ": " + line.text().strip());
        }
      }
    }
    return new Drill.Rollback(revert, migrations, flags);
  }

  private static Optional<Migration> migration(
      String path, List<String> headPaths, SourceTree head) {
    Matcher flyway = FLYWAY.matcher(path);
    if (flyway.find()) {
      String dir = path.substring(0, path.lastIndexOf('/') + 1);
      String undo = "U" + flyway.group(2) + "__";
      return Optional.of(
          new Migration(
              path,
              headPaths.stream()
                  .filter(p -> p.startsWith(dir + undo) && p.indexOf('/', dir.length()) < 0)
                  .findFirst()));
    }
    if (UP_DOWN.matcher(path).find()) {
      String down = path.replaceFirst("\\.up\\.sql$", ".down.sql");
      return Optional.of(
          new Migration(path, headPaths.contains(down) ? Optional.of(down) : Optional.empty()));
    }
    if (LIQUIBASE.matcher(path).find()) {
      boolean rollback =
          head.read(path)
              .map(b -> new String(b, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
              .filter(text -> text.contains("rollback"))
              .isPresent();
      return Optional.of(
          new Migration(
              path, rollback ? Optional.of(path + " (rollback block)") : Optional.empty()));
    }
    return Optional.empty();
  }

  private static List<String> paths(SourceTree head) {
    try {
      return head.paths();
    } catch (UnsupportedOperationException e) {
      return List.of(); // a side that cannot list its files: undo scripts are looked for nowhere
    }
  }
}
