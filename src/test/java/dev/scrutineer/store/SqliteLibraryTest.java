package dev.scrutineer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
  @TempDir Path cache;

  @Test
  void copiesThisPlatformsLibraryIntoTheCacheOnceAndWholly() throws Exception {
    Optional<Path> copy = SqliteLibrary.kept(cache);

    assertThat(copy).isPresent();
    assertThat(copy.get()).startsWith(cache.resolve("native"));
    assertThat(copy.get().getParent().getFileName().toString())
        .startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
    assertThat(Files.readAllBytes(copy.get())).isEqualTo(jarsLibrary());
    try (var left = Files.list(copy.get().getParent())) {
      assertThat(left) // no partial file left behind
          .containsExactlyInAnyOrder(copy.get(), resourceNote(copy.get()));
    }

    FileTime written = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(copy.get(), written);
    assertThat(SqliteLibrary.kept(cache)).contains(copy.get());
    assertThat(Files.getLastModifiedTime(copy.get())).isEqualTo(written);
  }

  @Test
  void aCopyThatIsNotTheJarsLibraryIsWrittenAgainBeforeItIsTrusted() throws Exception {
    Path copy = SqliteLibrary.kept(cache).orElseThrow();
    Files.write(copy, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0});

    assertThat(SqliteLibrary.kept(cache)).contains(copy);
    assertThat(Files.readAllBytes(copy)).isEqualTo(jarsLibrary());

    // A note naming some other resource, with a copy of that resource, is not trusted either.
    Files.writeString(resourceNote(copy), "/META-INF/MANIFEST.MF");
    try (InputStream manifest =
        SQLiteJDBCLoader.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
      Files.write(copy, manifest.readAllBytes());
    }
    assertThat(SqliteLibrary.kept(cache)).contains(copy);
    assertThat(Files.readAllBytes(copy)).isEqualTo(jarsLibrary());
  }

  @Test
  void aCacheThatCannotTakeTheCopyLeavesTheLibraryToSqliteJdbc() throws Exception {
    Files.writeString(cache.resolve("native"), "a file where the directory would go");

    assertThat(SqliteLibrary.kept(cache)).isEmpty();
  }

  private static Path resourceNote(Path copy) {
    return copy.resolveSibling(copy.getFileName() + ".resource");
  }

  private static byte[] jarsLibrary() throws Exception {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      return library.readAllBytes();
    }
  }
}
