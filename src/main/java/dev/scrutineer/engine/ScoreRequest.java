package dev.scrutineer.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Commits to score, each against its first parent.
 *
 * @param revisions commit ids or other revisions, in the order the rows are wanted
 * @param model a saved model; empty means the repository's calibration, else the defaults
 */
public record ScoreRequest(
    Path repository, List<String> revisions, Optional<Path> cacheDirectory, Optional<Path> model) {
  public ScoreRequest {
    Objects.requireNonNull(repository, "repository");
    revisions = List.copyOf(revisions);
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(model, "model");
  }
}
