package dev.scrutineer.risk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Calibrated models as JSON files, at {@code <cache>/models/<root commit id>.json}: keyed by the
 * repository's first root commit, so every clone of the same repository finds the same model.
 * Written atomically; a file of another format version is an error, never silently misread.
 */
public final class ModelStore {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelStore() {}

  public static Path defaultPath(Path cacheDirectory, String rootCommitId) {
    return cacheDirectory.resolve("models").resolve(rootCommitId + ".json");
  }

  /**
   * Whether any repository's calibration is saved in {@code cacheDirectory}: when none is, there is
   * no need to find this one's root commit (a walk over every first parent) to look for it.
   */
  public static boolean anySaved(Path cacheDirectory) {
    try (Stream<Path> files = Files.list(cacheDirectory.resolve("models"))) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
    } catch (IOException e) {
      return false; // no models directory: nothing was ever saved
    }
  }

  public static void save(RiskModel model, Path file) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      JSON.writeValue(temp.toFile(), model);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new InputException("cannot save the model to " + file + ": " + e.getMessage(), e);
    }
  }

  /** The model a user named with {@code --model}: its absence is their mistake to fix. */
  public static RiskModel require(Path file) {
    return load(file)
        .orElseThrow(
            () -> new InputException("no risk model at " + file + "; check the --model path"));
  }

  /** The model in the file, or empty when there is none. */
  public static Optional<RiskModel> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    RiskModel model;
    try {
      model = JSON.readValue(file.toFile(), RiskModel.class);
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          "cannot read the risk model "
              + file
              + " ("
              + firstLine(e.getMessage())
              + "); delete it or run scrutineer backtest again");
    }
    if (model.version() != RiskModel.VERSION) {
      throw new InputException(
          "the risk model "
              + file
              + " has format version "
              + model.version()
              + ", this scrutineer reads "
              + RiskModel.VERSION
              + "; run scrutineer backtest again");
    }
    return Optional.of(model);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The model was not saved; a stray temp file is the lesser problem.
    }
  }
}
