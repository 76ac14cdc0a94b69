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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The files of a working tree, read from the file system. Only regular files inside the work tree
 * are read: a path whose file or any directory on the way is a symlink reads as absent, as do paths
 * that would leave the tree ({@code ..}) or enter {@code .git}.
 */
final class WorkTreeSourceTree implements SourceTree {
  private final Repository repository;
  private final Path root;
  private final AtomicBoolean closed;

  WorkTreeSourceTree(Repository repository, AtomicBoolean closed) {
    this.repository = repository;
    this.root = repository.getWorkTree().toPath().toAbsolutePath().normalize();
    this.closed = closed;
  }

  /**
   * Tracked files and untracked files that git does not ignore, as {@code git status} sees them: a
   * tracked file counts even when an ignore pattern matches it. Only regular files are listed, so a
   * tracked file that is now a symlink or a directory is left out, as {@link #read} would.
   */
  @Override
  public List<String> paths() {
    if (closed.get()) {
      throw new IllegalStateException("the change session is closed; read its trees before");
    }
    List<String> paths = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(new DirCacheIterator(repository.readDirCache()));
      FileTreeIterator files = new FileTreeIterator(repository);
      // Otherwise an ignored directory looks empty, and tracked files in it go missing.
      files.setWalkIgnoredDirectories(true);
      walk.addTree(files);
      walk.setRecursive(true);
      walk.setFilter(TrackedOrNotIgnored.INSTANCE);
      while (walk.next()) {
        FileMode mode = walk.getFileMode(1);
        if (mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE)) {
          paths.add(walk.getPathString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the work tree " + root + ": " + e, e);
    }
    Collections.sort(paths);
    return Collections.unmodifiableList(paths);
  }

  @Override
  public Optional<String> blobId(String path) {
    return read(path)
        .map(bytes -> new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name());
  }

  /** Keeps what the index tracks, and work-tree entries git does not ignore. */
  private static final class TrackedOrNotIgnored extends TreeFilter {
    static final TrackedOrNotIgnored INSTANCE = new TrackedOrNotIgnored();

    @Override
    public boolean include(TreeWalk walk) throws IOException {
      if (walk.getRawMode(0) != 0) {
        return true;
      }
      WorkingTreeIterator workTree = walk.getTree(1, WorkingTreeIterator.class);
      return workTree != null && !workTree.isEntryIgnored();
    }

    @Override
    public boolean shouldBeRecursive() {
      return false;
    }

    @Override
    public TreeFilter clone() {
      return this;
    }
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
