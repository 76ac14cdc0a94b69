package dev.scrutineer.ingest;

import dev.scrutineer.model.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The files of one git tree, read as blobs through an object reader: nothing is checked out and a
 * symlink's blob (its target) is never read as the file. Each read uses its own object reader, so
 * the tree can be read from several threads.
 */
final class GitSourceTree implements SourceTree {
  private final Repository repository;
  private final ObjectId tree;
  private final AtomicBoolean closed;

  /** Path to blob id of every regular file, listed once on first use: a commit's tree is fixed. */
  private volatile Map<String, String> listing;

  /** The listed paths, sorted once: the index and the framework rules each ask for them. */
  private volatile List<String> sorted;

  GitSourceTree(Repository repository, ObjectId tree, AtomicBoolean closed) {
    this.repository = repository;
    this.tree = tree.copy();
    this.closed = closed;
  }

  @Override
  public OptionalLong size(String path) {
    try (ObjectReader reader = newReader()) {
      Optional<ObjectId> blob = blob(reader, path);
      return blob.isPresent()
          ? OptionalLong.of(reader.getObjectSize(blob.get(), Constants.OBJ_BLOB))
          : OptionalLong.empty();
    } catch (IOException e) {
      throw failed(path, e);
    }
  }

  @Override
  public Optional<byte[]> read(String path) {
    try (ObjectReader reader = newReader()) {
      Optional<ObjectId> blob = blob(reader, path);
      if (blob.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          reader.open(blob.get(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE));
    } catch (IOException e) {
      throw failed(path, e);
    }
  }

  @Override
  public Optional<String> id() {
    return Optional.of(tree.name());
  }

  @Override
  public List<String> paths() {
    List<String> paths = sorted;
    if (paths == null) {
      List<String> sorting = new ArrayList<>(listing().keySet());
      Collections.sort(sorting);
      paths = Collections.unmodifiableList(sorting);
      sorted = paths;
    }
    return paths;
  }

  @Override
  public Optional<String> blobId(String path) {
    Map<String, String> listed = listing;
    if (listed != null) {
      // Listed already: no object reader to open for a map lookup, once per file of the tree.
      requireOpen();
      return path.isEmpty() ? Optional.empty() : Optional.ofNullable(listed.get(path));
    }
    try (ObjectReader reader = newReader()) {
      return blob(reader, path).map(ObjectId::name);
    } catch (IOException e) {
      throw failed(path, e);
    }
  }

  @Override
  public SortedMap<String, String> blobIdsOfFilesNamed(Set<String> names) {
    SortedMap<String, String> found = new TreeMap<>();
    Map<String, String> listed = listing;
    if (listed != null) {
      requireOpen(); // as when it walks
      listed.forEach(
          (path, id) -> {
            if (names.contains(path.substring(path.lastIndexOf('/') + 1))) {
              found.put(path, id);
            }
          });
      return found;
    }
    // The walk still reads every tree, but asks only the files whose path ends with one of the
    // names for their path and id: the rest are never spelt out.
    TreeFilter[] suffixes = names.stream().map(PathSuffixFilter::create).toArray(TreeFilter[]::new);
    if (suffixes.length == 0) {
      return found;
    }
    try (ObjectReader reader = newReader();
        TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      walk.setFilter(suffixes.length == 1 ? suffixes[0] : OrTreeFilter.create(suffixes));
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if ((mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE))
            && names.contains(walk.getNameString())) {
          found.put(walk.getPathString(), walk.getObjectId(0).name());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list tree " + tree.name() + ": " + e.getMessage(), e);
    }
    return found;
  }

  private Map<String, String> listing() {
    Map<String, String> listed = listing;
    if (listed != null) {
      return listed;
    }
    Map<String, String> found = new LinkedHashMap<>();
    try (ObjectReader reader = newReader();
        TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE)) {
          found.put(walk.getPathString(), walk.getObjectId(0).name());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list tree " + tree.name() + ": " + e.getMessage(), e);
    }
    listing = Collections.unmodifiableMap(found);
    return listing;
  }

  private ObjectReader newReader() {
    requireOpen();
    return repository.newObjectReader();
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the change session is closed; read its trees before");
    }
  }

  /** The blob of the regular or executable file at {@code path}; empty for anything else. */
  private Optional<ObjectId> blob(ObjectReader reader, String path) throws IOException {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> listed = listing;
    if (listed != null) {
      // Listed already: a map lookup instead of a walk from the root for every file.
      return Optional.ofNullable(listed.get(path)).map(ObjectId::fromString);
    }
    try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null) {
        return Optional.empty();
      }
      FileMode mode = walk.getFileMode(0);
      return mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE)
          ? Optional.of(walk.getObjectId(0))
          : Optional.empty();
    }
  }

  private UncheckedIOException failed(String path, IOException e) {
    return new UncheckedIOException(
        "cannot read " + path + " from tree " + tree.name() + ": " + e.getMessage(), e);
  }
}
