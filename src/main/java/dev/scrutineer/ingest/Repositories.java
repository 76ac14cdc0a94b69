package dev.scrutineer.ingest;

import dev.scrutineer.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens the repository a directory belongs to, work tree or bare, with errors a user can act on.
 */
final class Repositories {
  static {
    // Git's system-wide configuration is not read: JGit finds it by running git twice (tens of
    // milliseconds of every run), and nothing in it changes how objects are read. The
    // repository's own configuration and the user's still are.
    FS.DETECTED.setGitSystemConfig(null);
  }

  private Repositories() {}

  static Repository open(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new InputException("no such directory: " + dir + "; pass --repo with a git checkout");
    }
    try {
      if (RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
      }
      FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
      if (builder.getGitDir() == null) {
        throw new InputException(
            "not a git repository: "
                + dir
                + "; run inside a checkout or pass --repo DIR (git init creates one)");
      }
      return builder.setMustExist(true).build();
    } catch (IOException e) {
      throw new InputException(
          "cannot open the git repository at " + dir + ": " + e.getMessage(), e);
    }
  }
}
