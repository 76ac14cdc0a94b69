package dev.scrutineer.analysis.reach.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Java file declares and refers to, as written: nothing here is resolved against other
 * files. Linking happens later, over the facts of every file.
 *
 * @param path the file's path in the repository
 * @param packageName the package, empty for the unnamed package
 * @param imports the file's imports, in source order
 * @param types every type the file declares (top-level, nested, local and anonymous), outer first
 * @param problem why the file could not be read, when it could not; {@code types} is then empty
 */
public record FileFacts(
    String path,
    String packageName,
    List<ImportFact> imports,
    List<TypeFact> types,
    Optional<String> problem) {
  public FileFacts {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(packageName, "packageName");
    imports = List.copyOf(imports);
    types = List.copyOf(types);
    Objects.requireNonNull(problem, "problem");
  }

  public static FileFacts unreadable(String path, String problem) {
    return new FileFacts(path, "", List.of(), List.of(), Optional.of(problem));
  }
}
