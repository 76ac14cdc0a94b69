package dev.scrutineer.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFilesTest {
  @TempDir Path dir;

  @Test
  void aValueWrittenReadsBackAndNothingFailed() {
    CacheFiles files = CacheFiles.in(dir, ".v", 2, "the value", "computed again");

    files.write("k", () -> "value".getBytes(UTF_8));

    assertThat(files.read("k", bytes -> UTF_8.decode(bytes).toString())).hasValue("value");
    assertThat(files.read("other", bytes -> "never")).isEmpty();
    assertThat(files.failure()).isEmpty();
  }

  @Test
  void aFileThatDoesNotDecodeIsAMissAndOnlyTheFirstFailureIsKept() {
    CacheFiles files = CacheFiles.in(dir, ".v", 2, "the value", "computed again");
    files.write("a", () -> new byte[] {1});
    files.write("b", () -> new byte[] {2});

    assertThat(files.read("a", CacheFilesTest::refuse)).isEmpty();
    assertThat(files.read("b", CacheFilesTest::refuse)).isEmpty();

    assertThat(files.failure())
        .hasValue("the value a in " + dir + " could not be read (damaged); computed again");
  }

  @Test
  void aValueThatCannotBeEncodedOrWrittenIsNotKept() throws IOException {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    CacheFiles unwritable = CacheFiles.in(file.resolve("sub"), ".v", 2, "the value", "again");
    CacheFiles failing = CacheFiles.in(dir.resolve("ok"), ".v", 2, "the value", "again");

    unwritable.write("k", () -> new byte[] {1});
    failing.write(
        "k",
        () -> {
          throw new IllegalStateException("too large");
        });

    assertThat(unwritable.read("k", bytes -> bytes)).isEmpty();
    assertThat(unwritable.failure())
        .hasValueSatisfying(m -> assertThat(m).contains("could not be stored"));
    assertThat(failing.failure())
        .hasValue("the value could not be stored in " + dir.resolve("ok") + " (too large)");
    assertThat(failing.newestFirst()).isEmpty();
  }

  @Test
  void noFilesMissAndDropEverything() {
    CacheFiles none = CacheFiles.none();

    none.write("k", () -> new byte[] {1});

    assertThat(none.read("k", bytes -> bytes)).isEmpty();
    assertThat(none.newestFirst()).isEmpty();
    assertThat(none.failure()).isEmpty();
  }

  private static Object refuse(ByteBuffer bytes) {
    throw new IllegalArgumentException("damaged");
  }
}
