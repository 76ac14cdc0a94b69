package dev.scrutineer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, loaded from a copy kept in the cache directory. Left to itself,
 * sqlite-jdbc writes the library to a new temporary file on every run, reads it back to check it,
 * and on Linux starts {@code uname} to tell Android apart: about 80 ms of a warm analysis, against
 * 40 ms to load a copy.
 *
 * <p>A cache directory may be shared, or restored in CI from other jobs, so the copy is trusted
 * only when it holds exactly the bytes of the library in this jar (the resource it was copied from
 * is named beside it): anything else is written again. It is written once per version of
 * sqlite-jdbc, operating system and processor, to a temporary file renamed when complete.
 */
public final class SqliteLibrary {
  /** The system properties sqlite-jdbc loads its library from first, when both are set. */
  static final String PATH_PROPERTY = "org.sqlite.lib.path";

  static final String NAME_PROPERTY = "org.sqlite.lib.name";

  /** Where sqlite-jdbc keeps its libraries in its jar. */
  private static final String RESOURCES = "/org/sqlite/native/";

  private SqliteLibrary() {}

  /**
   * Loads the library, from the copy in {@code cacheDirectory} (made first if missing or not the
   * jar's), unless the user named one with sqlite-jdbc's own properties; when no copy can be made,
   * as sqlite-jdbc would anyway. A library that cannot be loaded is left for {@link
   * SqliteRows#open} to report.
   */
  public static void load(Path cacheDirectory) {
    if (System.getProperty(PATH_PROPERTY) == null && System.getProperty(NAME_PROPERTY) == null) {
      kept(cacheDirectory)
          .ifPresent(
              copy -> {
                System.setProperty(PATH_PROPERTY, copy.getParent().toString());
                System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
              });
    }
    SqliteRows.loadLibrary();
  }

  /**
   * The copy of this platform's library in {@code cacheDirectory}, checked against the jar's or
   * written; empty when sqlite-jdbc has no library for this platform or the directory cannot take
   * one.
   */
  static Optional<Path> kept(Path cacheDirectory) {
    String name = LibraryLoaderUtil.getNativeLibName();
    Path directory =
        cacheDirectory
            .resolve("native")
            .resolve(
                ("sqlite-jdbc-"
                        + SQLiteJDBCLoader.getVersion()
                        + "-"
                        + System.getProperty("os.name")
                        + "-"
                        + System.getProperty("os.arch"))
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "_"));
    Path copy = directory.resolve(name);
    Path source = directory.resolve(name + ".resource");
    try {
      if (Files.isRegularFile(copy) && Files.isRegularFile(source)) {
        String named = Files.readString(source, StandardCharsets.UTF_8);
        Optional<byte[]> jars =
            named.startsWith(RESOURCES) && !named.contains("..") ? bytes(named) : Optional.empty();
        if (jars.isPresent() && Arrays.equals(jars.get(), Files.readAllBytes(copy))) {
          return Optional.of(copy);
        }
      }
      // Only now does sqlite-jdbc work out which of its libraries this platform takes.
      String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
      Optional<byte[]> library = bytes(resource);
      if (library.isEmpty()) {
        return Optional.empty();
      }
      Files.createDirectories(directory);
      KeyedFiles.writeWhole(copy, library.get());
      KeyedFiles.writeWhole(source, resource.getBytes(StandardCharsets.UTF_8));
      return Optional.of(copy);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a read-only or full cache: sqlite-jdbc's own way still works
    }
  }

  /** The bytes of a resource of sqlite-jdbc's jar; empty when it has no such resource. */
  private static Optional<byte[]> bytes(String resource) throws IOException {
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }
}
