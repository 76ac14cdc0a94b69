package dev.scrutineer.ingest;

import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a commit's regular files into an empty directory, for trusted mode only, where the copy is
 * built and its tests run. Symlinks and submodules are left out, so nothing points outside.
 */
public final class TreeExporter {
  private TreeExporter() {}

  public static void export(Path repositoryDir, String commit, Path target) {
    try (Repository repository = Repositories.open(repositoryDir);
        RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
      tree.setRecursive(true);
      Path root = target.toAbsolutePath().normalize();
      while (tree.next()) {
        FileMode mode = tree.getFileMode(0);
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
          continue;
        }
        Path file = root.resolve(tree.getPathString()).normalize();
        if (!file.startsWith(root)) {
          throw new InputException(
              "refusing to write " + tree.getPathString() + " outside the copy");
        }
        Files.createDirectories(file.getParent());
        try (var out = Files.newOutputStream(file)) {
          repository.open(tree.getObjectId(0)).copyTo(out);
        }
        if (mode == FileMode.EXECUTABLE_FILE) {
          file.toFile().setExecutable(true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("exporting " + commit + " failed: " + e.getMessage(), e);
    }
  }
}
