package dev.scrutineer.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedFilesTest {
  @TempDir Path dir;

  @Test
  void aWrittenFileReadsBackAndAMissingOneIsEmpty() throws IOException {
    KeyedFiles files = new KeyedFiles(dir.resolve("kept"), ".bin", 2);

    assertThat(files.read("a")).isEmpty();
    assertThat(files.newestFirst()).isEmpty();
    files.write("a", "alpha".getBytes(UTF_8));

    assertThat(files.read("a")).hasValue(ByteBuffer.wrap("alpha".getBytes(UTF_8)));
    assertThat(dir.resolve("kept/a.bin")).exists();
  }

  @Test
  void onlyTheMostRecentlyUsedAreKeptAndReadingCountsAsUse() throws IOException {
    KeyedFiles files = new KeyedFiles(dir, ".bin", 2);
    files.write("a", new byte[] {1});
    files.write("b", new byte[] {2});
    age(dir.resolve("a.bin"), 20);
    age(dir.resolve("b.bin"), 10);
    files.read("a"); // now the most recently used

    files.write("c", new byte[] {3});

    assertThat(files.newestFirst())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("c.bin", "a.bin");
  }

  @Test
  void whatWasReadStaysAsItWasWhenTheFileIsReplaced() throws IOException {
    KeyedFiles files = new KeyedFiles(dir, ".bin", 2);
    files.write("a", "first".getBytes(UTF_8));
    files.write("empty", new byte[0]);

    ByteBuffer first = files.read("a").orElseThrow();
    files.write("a", "second, longer".getBytes(UTF_8));

    assertThat(UTF_8.decode(first).toString()).isEqualTo("first");
    assertThat(files.read("a")).hasValue(ByteBuffer.wrap("second, longer".getBytes(UTF_8)));
    assertThat(files.read("empty")).hasValueSatisfying(b -> assertThat(b.remaining()).isZero());
  }

  @Test
  void otherFilesInTheDirectoryAreLeftAlone() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    KeyedFiles files = new KeyedFiles(dir, ".bin", 1);

    files.write("a", new byte[] {1});
    files.write("b", new byte[] {2});

    assertThat(dir.resolve("notes.txt")).hasContent("mine");
    assertThat(files.newestFirst())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("b.bin");
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws IOException {
    KeyedFiles files = new KeyedFiles(dir, ".bin", 2);
    Files.createDirectories(dir.resolve("x.bin")); // the name is taken by a directory with content
    Files.writeString(dir.resolve("x.bin/inside"), "keep");

    assertThatThrownBy(() -> files.write("x", new byte[] {1})).isInstanceOf(IOException.class);

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("x.bin");
    }
  }

  private static void age(Path file, int seconds) throws IOException {
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(System.currentTimeMillis() - seconds * 1000L));
  }
}
