package dev.scrutineer.model;

import java.util.Objects;

/**
 * A build module (Maven or Gradle) the change reaches.
 *
 * @param directory the module's directory in the repository, empty for the root
 * @param service the module holds an application class, so it is deployed on its own
 */
public record Module(String name, String directory, boolean service) {
  public Module {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(directory, "directory");
  }
}
