package dev.scrutineer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Files of a cache by key ({@link KeyedFiles}) that never fail their caller: a file that cannot be
 * read or decoded is a miss, one that cannot be encoded or written is not kept, and the first such
 * failure is kept as a message for the run's diagnostics.
 */
public final class CacheFiles {
  /** A file's bytes as a value. */
  @FunctionalInterface
  public interface Decoder<T> {
    /**
     * @param bytes the file's bytes, from position 0 to the limit; mapped, so without an array
     * @throws IOException or IllegalArgumentException when the bytes are not a value
     */
    T decode(ByteBuffer bytes) throws IOException;
  }

  private final Optional<KeyedFiles> files;
  private final String what;
  private final String otherwise;
  private String failure;

  private CacheFiles(Optional<KeyedFiles> files, String what, String otherwise) {
    this.files = files;
    this.what = what;
    this.otherwise = otherwise;
  }

  /**
   * @param what what a file holds, for messages: {@code "the stored graph"}
   * @param otherwise what a run does without it, for messages: {@code "linked again"}
   */
  public static CacheFiles in(
      Path directory, String suffix, int kept, String what, String otherwise) {
    return new CacheFiles(Optional.of(new KeyedFiles(directory, suffix, kept)), what, otherwise);
  }

  /** No files: every read misses, every write is dropped. */
  public static CacheFiles none() {
    return new CacheFiles(Optional.empty(), "", "");
  }

  /** The value of {@code key}'s file; empty when there is none or it cannot be read. */
  public synchronized <T> Optional<T> read(String key, Decoder<T> decoder) {
    if (files.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<ByteBuffer> bytes = files.get().read(key);
      return bytes.isEmpty() ? Optional.empty() : Optional.of(decoder.decode(bytes.get()));
    } catch (IOException | IllegalArgumentException e) {
      fail(
          what
              + " "
              + key
              + " in "
              + files.get().directory()
              + " could not be read ("
              + e.getMessage()
              + "); "
              + otherwise);
      return Optional.empty();
    }
  }

  /** Writes {@code key}'s file, whole or not at all, and drops the least recently used. */
  public synchronized void write(String key, Supplier<byte[]> encoder) {
    if (files.isEmpty()) {
      return;
    }
    try {
      files.get().write(key, encoder.get());
    } catch (IOException | RuntimeException e) {
      fail(
          what
              + " could not be stored in "
              + files.get().directory()
              + " ("
              + e.getMessage()
              + ")");
    }
  }

  /** Every file, most recently used first; none when there are none or they cannot be listed. */
  public List<Path> newestFirst() {
    try {
      return files.isEmpty() ? List.of() : files.get().newestFirst();
    } catch (IOException e) {
      return List.of(); // an unreadable directory: writing says so
    }
  }

  /** The first failure, if any. */
  public synchronized Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  private void fail(String message) {
    if (failure == null) {
      failure = message;
    }
  }
}
