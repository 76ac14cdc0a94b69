package dev.scrutineer.ingest;

import dev.scrutineer.model.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The files of a working tree, read from the file system. Only regular files inside the work tree
 * are read: a path whose file or any directory on the way is a symlink reads as absent, as do paths
 * that would leave the tree ({@code ..}) or enter {@code .git}.
 */
final class WorkTreeSourceTree implements SourceTree {
  private final Path root;
  private final AtomicBoolean closed;

  WorkTreeSourceTree(Path root, AtomicBoolean closed) {
    this.root = root.toAbsolutePath().normalize();
    this.closed = closed;
  }

  @Override
  public OptionalLong size(String path) {
    return regularFile(path)
        .map(file -> OptionalLong.of(file.attributes().size()))
        .orElseGet(OptionalLong::empty);
  }

  @Override
  public Optional<byte[]> read(String path) {
    Optional<Found> found = regularFile(path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    // NOFOLLOW_LINKS again at open: the file may have been swapped for a symlink since it was seen.
    try (InputStream in = Files.newInputStream(found.get().file(), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(in.readAllBytes());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " in the work tree: " + e, e);
    }
  }

  private record Found(Path file, BasicFileAttributes attributes) {}

  /** The regular file at {@code path}, reached without following any symlink. */
  private Optional<Found> regularFile(String path) {
    if (closed.get()) {
      throw new IllegalStateException("the change session is closed; read its trees before");
    }
    String[] segments = path.split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty()
          || segment.equals(".")
          || segment.equals("..")
          || segment.toLowerCase(Locale.ROOT).equals(".git")
          || segment.indexOf('\\') >= 0
          || segment.indexOf('\0') >= 0) {
        return Optional.empty();
      }
    }
    Path current = root;
    try {
      for (int i = 0; i < segments.length; i++) {
        current = current.resolve(segments[i]);
        BasicFileAttributes attributes =
            Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean last = i == segments.length - 1;
        if (attributes.isSymbolicLink()
            || (last ? !attributes.isRegularFile() : !attributes.isDirectory())) {
          return Optional.empty();
        }
        if (last) {
          return Optional.of(new Found(current, attributes));
        }
      }
      return Optional.empty();
    } catch (NoSuchFileException | NotDirectoryException | InvalidPathException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot examine " + path + " in the work tree: " + e, e);
    }
  }
}
