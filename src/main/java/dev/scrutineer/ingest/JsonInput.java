package dev.scrutineer.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON files a user hands over, with one-line errors that say how to produce them. */
final class JsonInput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonInput() {}

  /** The file's text; {@code how} tells a user who named a missing file what to pass instead. */
  static String read(Path file, String how) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file; " + how);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The parsed tree, never null; invalid JSON is an error at its line. */
  static JsonNode parse(String json, String name, String how) {
    try {
      JsonNode root = JSON.readTree(json);
      return root == null ? JSON.missingNode() : root;
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw new InputException(
          name
              + (at == null ? "" : ":" + at.getLineNr())
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + "); "
              + how,
          e);
    }
  }
}
