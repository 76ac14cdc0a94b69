package dev.scrutineer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, loaded from a copy kept in the cache directory. Left to itself,
 * sqlite-jdbc writes the library to a new temporary file on every run, reads it back to check it,
 * and on Linux starts {@code uname} to tell Android apart: about 80 ms of a warm analysis, against
 * 40 ms to load a copy. The copy is written once per version of sqlite-jdbc, operating system and
 * processor, to a temporary file renamed when complete, so a reader never sees part of one.
 */
public final class SqliteLibrary {
  /** The system properties sqlite-jdbc loads its library from first, when both are set. */
  static final String PATH_PROPERTY = "org.sqlite.lib.path";

  static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private SqliteLibrary() {}

  /**
   * Loads the library, from the copy in {@code cacheDirectory} (made first if missing), unless the
   * user named one with sqlite-jdbc's own properties; when no copy can be made, as sqlite-jdbc
   * would anyway. A library that cannot be loaded is left for {@link SqliteRows#open} to report.
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
   * The copy of this platform's library in {@code cacheDirectory}, written if missing; empty when
   * sqlite-jdbc has no library for this platform or the directory cannot take one.
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
    if (Files.isRegularFile(copy)) {
      return Optional.of(copy);
    }
    // Only now, once, does sqlite-jdbc work out which of its libraries this platform takes.
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (library == null) {
        return Optional.empty();
      }
      Files.createDirectories(directory);
      Path partial = Files.createTempFile(directory, name, ".partial");
      try {
        Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
        try {
          Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(partial);
      }
      return Optional.of(copy);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a read-only or full cache: sqlite-jdbc's own way still works
    }
  }
}
