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
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertThat(Files.readAllBytes(copy.get())).isEqualTo(library.readAllBytes());
    }
    try (var left = Files.list(copy.get().getParent())) {
      assertThat(left).containsExactly(copy.get()); // no partial file left behind
    }

    FileTime written = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(copy.get(), written);
    assertThat(SqliteLibrary.kept(cache)).contains(copy.get());
    assertThat(Files.getLastModifiedTime(copy.get())).isEqualTo(written);
  }

  @Test
  void aCacheThatCannotTakeTheCopyLeavesTheLibraryToSqliteJdbc() throws Exception {
    Files.writeString(cache.resolve("native"), "a file where the directory would go");

    assertThat(SqliteLibrary.kept(cache)).isEmpty();
  }
}
