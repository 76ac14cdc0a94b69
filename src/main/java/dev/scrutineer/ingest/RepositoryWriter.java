package dev.scrutineer.ingest;

import dev.scrutineer.model.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Writes small repositories: files in a work tree, committed with chosen authors and times. Used to
 * build the demo's sample service; the repositories it writes are Scrutineer's own, never a
 * repository under analysis.
 */
public final class RepositoryWriter implements AutoCloseable {
  private final Git git;
  private final Path root;

  private RepositoryWriter(Git git, Path root) {
    this.git = git;
    this.root = root;
  }

  /** A new repository in {@code directory} whose first branch is {@code branch}. */
  public static RepositoryWriter init(Path directory, String branch) {
    try {
      Files.createDirectories(directory);
      Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch(branch).call();
      return new RepositoryWriter(git, directory);
    } catch (GitAPIException | IOException e) {
      throw new UncheckedIOException(new IOException("cannot create " + directory, e));
    }
  }

  public Path root() {
    return root;
  }

  /** Writes a file in the work tree, creating its directories. */
  public RepositoryWriter write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages every change in the work tree, deletions included, and commits it. */
  public String commit(String message, Person author, Instant when) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent ident = new PersonIdent(author.name(), author.email(), when, ZoneOffset.UTC);
      RevCommit commit =
          git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
      return commit.name();
    } catch (GitAPIException e) {
      throw new IllegalStateException("commit failed in " + root, e);
    }
  }

  /** Creates {@code branch} at the current commit and switches the work tree to it. */
  public RepositoryWriter switchToNewBranch(String branch) {
    try {
      git.checkout().setCreateBranch(true).setName(branch).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create branch " + branch, e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
