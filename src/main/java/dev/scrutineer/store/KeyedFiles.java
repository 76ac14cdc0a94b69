package dev.scrutineer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files named by key in one directory, {@code <key><suffix>}: each written to a temporary file and
 * renamed, so a reader sees a whole file or none; after each write only the {@code kept} most
 * recently used remain. Reading a file marks it used (a read-only directory is read as it is).
 */
public final class KeyedFiles {
  private final Path directory;
  private final String suffix;
  private final int kept;

  /**
   * @param directory created when first written
   * @param suffix ends every name, and tells these files from others in the directory
   * @param kept how many files survive a write
   */
  public KeyedFiles(Path directory, String suffix, int kept) {
    if (kept < 1) {
      throw new IllegalArgumentException("kept must be at least 1: " + kept);
    }
    this.directory = directory;
    this.suffix = suffix;
    this.kept = kept;
  }

  public Path directory() {
    return directory;
  }

  /** The file of {@code key}, marked used and {@link #map mapped}; empty when there is none. */
  public Optional<ByteBuffer> read(String key) throws IOException {
    Path file = directory.resolve(key + suffix);
    try {
      ByteBuffer bytes = map(file);
      touch(file);
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * The bytes of {@code file}, mapped rather than copied: these files are tens of megabytes, and a
   * copy is as much fresh memory again for the kernel to fault in and zero. Files are replaced by
   * renaming, never rewritten in place, so what is mapped does not change under its reader (on a
   * system that lets a mapped file be replaced or deleted, as Linux and macOS do).
   */
  public static ByteBuffer map(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    }
  }

  /**
   * Every file, most recently used first (files gone meanwhile are left out); none when the
   * directory does not exist.
   */
  public List<Path> newestFirst() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted(Comparator.comparing(KeyedFiles::modified).reversed())
          .toList();
    }
  }

  /** Writes the file of {@code key}, whole or not at all, and drops the least recently used. */
  public void write(String key, byte[] bytes) throws IOException {
    Files.createDirectories(directory);
    writeWhole(directory.resolve(key + suffix), bytes);
    List<Path> files = new ArrayList<>(newestFirst());
    for (Path old : files.subList(Math.min(kept, files.size()), files.size())) {
      Files.deleteIfExists(old);
    }
  }

  /**
   * Writes {@code file}, in an existing directory, through a temporary file beside it renamed when
   * complete: a reader sees the whole file or the one before it, never a part.
   */
  static void writeWhole(Path file, byte[] bytes) throws IOException {
    Path partial =
        Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
    try {
      Files.write(partial, bytes);
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Marks a file as used now, so the least recently used goes first. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // a read-only cache: only the order in which files are dropped is affected
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0); // gone meanwhile: first to drop
    }
  }
}
