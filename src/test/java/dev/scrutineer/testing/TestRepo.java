package dev.scrutineer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A tiny real git repository for tests, built with JGit in a temporary directory. Every change made
 * through it ({@link #write}, {@link #delete}, {@link #rename}, {@link #chmodExecutable}, {@link
 * #symlink}) is staged at the next {@link #commit}, so a commit records exactly what was done.
 * Changes made to {@link #dir()} directly stay uncommitted, which is how tests build a dirty work
 * tree.
 *
 * <p>Commit times come from a clock that starts at {@link #START} and advances one minute per
 * commit, so ids and times are the same on every run.
 */
public final class TestRepo implements AutoCloseable {
  /** The time of the first commit made with {@link #commit(String)}. */
  public static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

  public static final String AUTHOR_NAME = "Ada Tester";
  public static final String AUTHOR_EMAIL = "ada@example.com";

  private final Git git;
  private final Path dir;

  /** Paths changed in the work tree since the last commit; staged in one go before it. */
  private final Set<String> touched = new LinkedHashSet<>();

  private Instant clock = START;

  private TestRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  /** A new, empty repository with a work tree in {@code dir}, on branch {@code main}. */
  public static TestRepo init(Path dir) {
    return init(dir, "main");
  }

  /** A new, empty repository with a work tree in {@code dir}, on {@code initialBranch}. */
  public static TestRepo init(Path dir, String initialBranch) {
    try {
      Files.createDirectories(dir);
      Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(initialBranch).call();
      return new TestRepo(git, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("git init failed in " + dir, e);
    }
  }

  /** The work tree's root. */
  public Path dir() {
    return dir;
  }

  /** A path in the work tree. */
  public Path file(String path) {
    return dir.resolve(path);
  }

  public Repository repository() {
    return git.getRepository();
  }

  /** The JGit porcelain, for what this builder does not cover. */
  public Git git() {
    return git;
  }

  /** Writes {@code content} as UTF-8, creating directories as needed. */
  public TestRepo write(String path, String content) {
    return write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the bytes exactly as given: no line-ending or charset conversion. */
  public TestRepo write(String path, byte[] content) {
    try {
      Path file = file(path);
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.write(file, content);
      touched.add(path);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file or symlink (never what a symlink points to). */
  public TestRepo delete(String path) {
    try {
      Files.delete(file(path));
      touched.add(path);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a file, as {@code git mv} would. */
  public TestRepo rename(String from, String to) {
    try {
      Path target = file(to);
      Files.createDirectories(target.getParent());
      Files.move(file(from), target, LinkOption.NOFOLLOW_LINKS);
      touched.add(from);
      touched.add(to);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the executable bits of a file. */
  public TestRepo chmodExecutable(String path) {
    return chmod(path, true);
  }

  /** Clears the executable bits of a file. */
  public TestRepo chmodRegular(String path) {
    return chmod(path, false);
  }

  private TestRepo chmod(String path, boolean executable) {
    try {
      Set<PosixFilePermission> permissions =
          EnumSet.copyOf(Files.getPosixFilePermissions(file(path)));
      List<PosixFilePermission> execute =
          List.of(
              PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_EXECUTE);
      if (executable) {
        permissions.addAll(execute);
      } else {
        permissions.removeAll(execute);
      }
      Files.setPosixFilePermissions(file(path), permissions);
      touched.add(path);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a symbolic link at {@code path} whose target is the string {@code target}. */
  public TestRepo symlink(String path, String target) {
    try {
      Path link = file(path);
      Files.createDirectories(link.getParent());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, Path.of(target));
      touched.add(path);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stages a submodule pointer: a gitlink entry at {@code path} naming {@code commit}. Nothing is
   * cloned and the commit need not exist, as in a superproject whose submodule was never
   * initialised.
   */
  public TestRepo gitlink(String path, String commit) {
    ObjectId id = ObjectId.fromString(commit);
    return editIndex(
        new DirCacheEditor.PathEdit(path) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(FileMode.GITLINK);
            entry.setObjectId(id);
          }
        });
  }

  /**
   * Stages a regular file whose path is the raw bytes {@code path}, which need not be UTF-8, so
   * that the next commit records it. The work tree is left alone: a file system may not accept such
   * a name.
   */
  public TestRepo stageRaw(byte[] path, byte[] content) {
    ObjectId blob;
    try (ObjectInserter inserter = repository().newObjectInserter()) {
      blob = inserter.insert(Constants.OBJ_BLOB, content);
      inserter.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return editIndex(
        new DirCacheEditor.PathEdit(new DirCacheEntry(path)) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(blob);
            entry.setLength(content.length);
          }
        });
  }

  private TestRepo editIndex(DirCacheEditor.PathEdit edit) {
    stage();
    try {
      DirCache index = repository().lockDirCache();
      DirCacheEditor editor = index.editor();
      editor.add(edit);
      editor.commit();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits every change made through this builder, at the next tick of the clock. */
  public String commit(String message) {
    Instant when = clock;
    clock = clock.plus(Duration.ofMinutes(1));
    return commit(message, AUTHOR_NAME, AUTHOR_EMAIL, when);
  }

  /** Commits every change made through this builder, authored and committed as given. */
  public String commit(String message, String name, String email, Instant when) {
    return commit(message, new PersonIdent(name, email, when, ZoneOffset.UTC));
  }

  /** Commits with separate author and committer identities. */
  public String commit(String message, PersonIdent author, PersonIdent committer) {
    stage();
    try {
      RevCommit commit =
          git.commit()
              .setMessage(message)
              .setAuthor(author)
              .setCommitter(committer)
              .setAllowEmpty(true)
              .setSign(false)
              .setNoVerify(true)
              .call();
      return commit.name();
    } catch (GitAPIException e) {
      throw new IllegalStateException("commit failed in " + dir, e);
    }
  }

  private String commit(String message, PersonIdent ident) {
    return commit(message, ident, ident);
  }

  /** Stages what was changed through this builder: files that exist are added, others removed. */
  private void stage() {
    if (touched.isEmpty()) {
      return;
    }
    List<String> present = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (String path : touched) {
      (Files.exists(file(path), LinkOption.NOFOLLOW_LINKS) ? present : gone).add(path);
    }
    try {
      if (!present.isEmpty()) {
        AddCommand add = git.add();
        present.forEach(add::addFilepattern);
        add.call();
      }
      if (!gone.isEmpty()) {
        RmCommand rm = git.rm().setCached(true);
        gone.forEach(rm::addFilepattern);
        rm.call();
      }
      touched.clear();
    } catch (GitAPIException e) {
      throw new IllegalStateException("staging failed in " + dir, e);
    }
  }

  /** Creates branch {@code name} at HEAD, without switching to it. */
  public TestRepo branch(String name) {
    try {
      git.branchCreate().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create branch " + name, e);
    }
  }

  /**
   * Switches the work tree to a branch, or detaches HEAD at a tag or commit id. Commit first:
   * uncommitted changes made through this builder are not carried over.
   */
  public TestRepo checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot check out " + name, e);
    }
  }

  /** Switches to a new branch with no commits, keeping the index and work tree. */
  public TestRepo orphan(String name) {
    try {
      git.checkout().setOrphan(true).setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create orphan branch " + name, e);
    }
  }

  /** Creates an annotated tag at HEAD, so a reader has to peel it to reach the commit. */
  public TestRepo tag(String name) {
    try {
      git.tag()
          .setName(name)
          .setAnnotated(true)
          .setMessage("tag " + name)
          .setTagger(new PersonIdent(AUTHOR_NAME, AUTHOR_EMAIL, clock, ZoneOffset.UTC))
          .setSigned(false)
          .call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create tag " + name, e);
    }
  }

  /** Points {@code ref}, such as {@code refs/remotes/origin/main}, at a commit. */
  public TestRepo updateRef(String ref, String commit) {
    try {
      RefUpdate update = repository().updateRef(ref);
      update.setNewObjectId(ObjectId.fromString(commit));
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
        throw new IllegalStateException("cannot update " + ref + ": " + result);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes {@code ref} a symbolic ref to {@code target}, as clone does for origin/HEAD. */
  public TestRepo linkRef(String ref, String target) {
    try {
      RefUpdate.Result result = repository().updateRef(ref).link(target);
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
        throw new IllegalStateException("cannot link " + ref + " to " + target + ": " + result);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commit id HEAD points at. */
  public String head() {
    return resolve("HEAD");
  }

  /** The id of the object a revision expression such as {@code HEAD:path} names. */
  public String resolve(String revision) {
    try {
      ObjectId id = repository().resolve(revision);
      if (id == null) {
        throw new IllegalArgumentException("no such revision: " + revision);
      }
      return id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bare clone of this repository, with every branch, in {@code target}. */
  public Path cloneBare(Path target) {
    try {
      Git.cloneRepository()
          .setURI(dir.toUri().toString())
          .setDirectory(target.toFile())
          .setBare(true)
          .setCloneAllBranches(true)
          .call()
          .close();
      return target;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot clone " + dir, e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
