package dev.scrutineer.config;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Surface;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What puts a change into a tier whatever its risk score; any one that holds is enough.
 *
 * @param aiLevel AI assistance at least this level
 * @param surfaces any of these surfaces touched
 * @param entryPointsReached at least this many entry points reached
 * @param servicesReached at least this many services reached
 * @param linesChanged at least this many lines added and deleted
 * @param paths any touched path matching one of these globs
 */
public record Triggers(
    Optional<AiLevel> aiLevel,
    List<Surface> surfaces,
    OptionalInt entryPointsReached,
    OptionalInt servicesReached,
    OptionalInt linesChanged,
    List<Glob> paths) {
  public static final Triggers NONE =
      new Triggers(
          Optional.empty(),
          List.of(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          List.of());

  public Triggers {
    Objects.requireNonNull(aiLevel, "aiLevel");
    surfaces = List.copyOf(surfaces);
    Objects.requireNonNull(entryPointsReached, "entryPointsReached");
    Objects.requireNonNull(servicesReached, "servicesReached");
    Objects.requireNonNull(linesChanged, "linesChanged");
    paths = List.copyOf(paths);
  }
}
