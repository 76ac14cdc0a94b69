package dev.scrutineer.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Hunk;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.Severity;
import dev.scrutineer.model.Trailer;
import dev.scrutineer.testing.GitCli;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads changes out of small real repositories, one awkward case per test. The repositories are
 * built with {@link TestRepo}; git is never mocked.
 */
class GitChangeReaderTest {
  @TempDir Path temp;

  private final List<TestRepo> repos = new ArrayList<>();

  @AfterEach
  void closeRepositories() {
    repos.forEach(TestRepo::close);
  }

  // ---------------------------------------------------------------- file changes

  @Test
  void modifiedFileHasHunksWithLineNumbersAndTexts() {
    TestRepo repo = repo();
    String base =
        repo.write(
                "src/app.txt", text("one", "two", "three", "four", "five", "six", "seven", "eight"))
            .commit("base");
    String head =
        repo.write(
                "src/app.txt",
                text("one", "TWO", "three", "four", "five", "six", "six and a half", "seven"))
            .commit("change");

    ChangeSet change = read(repo, base);

    FileChange file = only(change);
    assertThat(file.type()).isEqualTo(ChangeType.MODIFIED);
    assertThat(file.oldPath()).contains("src/app.txt");
    assertThat(file.newPath()).contains("src/app.txt");
    assertThat(file.oldMode()).isEqualTo(FileMode.REGULAR);
    assertThat(file.newMode()).isEqualTo(FileMode.REGULAR);
    assertThat(file.modeChanged()).isFalse();
    assertThat(file.oldBlob()).contains(repo.resolve(base + ":src/app.txt"));
    assertThat(file.newBlob()).contains(repo.resolve(head + ":src/app.txt"));
    assertThat(file.similarity()).isZero();
    assertThat(file.content()).isEqualTo(Content.TEXT);
    assertThat(file.nonUtf8()).isFalse();
    assertThat(file.symlinkTarget()).isEmpty();
    assertThat(file.hunks())
        .containsExactly(
            new Hunk(2, 1, 2, 1, List.of(new Line(2, "two")), List.of(new Line(2, "TWO"))),
            new Hunk(7, 0, 7, 1, List.of(), List.of(new Line(7, "six and a half"))),
            new Hunk(8, 1, 9, 0, List.of(new Line(8, "eight")), List.of()));
    assertThat(file.linesAdded()).isEqualTo(2);
    assertThat(file.linesDeleted()).isEqualTo(2);
    assertThat(change.linesAdded()).isEqualTo(2);
    assertThat(change.linesDeleted()).isEqualTo(2);
    assertThat(change.base()).isEqualTo(new Revision(base, base));
    assertThat(change.mergeBase()).isEqualTo(new Revision("merge-base", base));
    assertThat(change.head()).isEqualTo(new Revision("HEAD", head));
    assertThat(change.isWorktree()).isFalse();
    assertThat(change.diagnostics()).isEmpty();
  }

  @Test
  void addedFileHasOnlyANewSide() {
    TestRepo repo = repo();
    String base = repo.write("README.md", text("readme")).commit("base");
    String head = repo.write("src/new.txt", text("alpha", "beta")).commit("add");

    FileChange file = only(read(repo, base));

    assertThat(file.type()).isEqualTo(ChangeType.ADDED);
    assertThat(file.oldPath()).isEmpty();
    assertThat(file.newPath()).contains("src/new.txt");
    assertThat(file.path()).isEqualTo("src/new.txt");
    assertThat(file.oldMode()).isEqualTo(FileMode.MISSING);
    assertThat(file.newMode()).isEqualTo(FileMode.REGULAR);
    assertThat(file.modeChanged()).isFalse();
    assertThat(file.oldBlob()).isEmpty();
    assertThat(file.newBlob()).contains(repo.resolve(head + ":src/new.txt"));
    assertThat(file.hunks())
        .containsExactly(
            new Hunk(1, 0, 1, 2, List.of(), List.of(new Line(1, "alpha"), new Line(2, "beta"))));
    assertThat(file.linesAdded()).isEqualTo(2);
    assertThat(file.linesDeleted()).isZero();
  }

  @Test
  void deletedFileHasOnlyAnOldSide() {
    TestRepo repo = repo();
    String base =
        repo.write("keep.txt", text("keep"))
            .write("old.txt", text("first", "second"))
            .commit("base");
    repo.delete("old.txt").commit("delete");

    FileChange file = only(read(repo, base));

    assertThat(file.type()).isEqualTo(ChangeType.DELETED);
    assertThat(file.oldPath()).contains("old.txt");
    assertThat(file.newPath()).isEmpty();
    assertThat(file.path()).isEqualTo("old.txt");
    assertThat(file.oldMode()).isEqualTo(FileMode.REGULAR);
    assertThat(file.newMode()).isEqualTo(FileMode.MISSING);
    assertThat(file.oldBlob()).contains(repo.resolve(base + ":old.txt"));
    assertThat(file.newBlob()).isEmpty();
    assertThat(file.hunks())
        .containsExactly(
            new Hunk(1, 2, 1, 0, List.of(new Line(1, "first"), new Line(2, "second")), List.of()));
    assertThat(file.linesAdded()).isZero();
    assertThat(file.linesDeleted()).isEqualTo(2);
  }

  @Test
  void renameWithEditsIsOneChangeWithSimilarityAndTheEditedLines() {
    TestRepo repo = repo();
    List<String> lines =
        IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i + " of the service").toList();
    String base = repo.write("src/Old.java", text(lines)).commit("base");
    List<String> edited = new ArrayList<>(lines);
    edited.set(4, "line 5, edited while moving");
    repo.rename("src/Old.java", "src/moved/New.java")
        .write("src/moved/New.java", text(edited))
        .commit("move and edit");

    FileChange file = only(read(repo, base));

    assertThat(file.type()).isEqualTo(ChangeType.RENAMED);
    assertThat(file.oldPath()).contains("src/Old.java");
    assertThat(file.newPath()).contains("src/moved/New.java");
    assertThat(file.similarity()).isBetween(80, 99);
    assertThat(file.hunks())
        .containsExactly(
            new Hunk(
                5,
                1,
                5,
                1,
                List.of(new Line(5, "line 5 of the service")),
                List.of(new Line(5, "line 5, edited while moving"))));
    assertThat(file.linesAdded()).isEqualTo(1);
    assertThat(file.linesDeleted()).isEqualTo(1);
  }

  @Test
  void pureRenameIsFullySimilarWithoutHunks() {
    TestRepo repo = repo();
    String base = repo.write("a/config.yml", text("key: value", "other: 2")).commit("base");
    repo.rename("a/config.yml", "b/config.yml").commit("move");

    FileChange file = only(read(repo, base));

    assertThat(file.type()).isEqualTo(ChangeType.RENAMED);
    assertThat(file.oldPath()).contains("a/config.yml");
    assertThat(file.newPath()).contains("b/config.yml");
    assertThat(file.similarity()).isEqualTo(100);
    assertThat(file.hunks()).isEmpty();
    assertThat(file.linesAdded()).isZero();
    assertThat(file.linesDeleted()).isZero();
  }

  @Test
  void fileMovedToTwoPlacesIsOneRenameAndOneCopy() {
    // Copies are found from sources that went away, as with git diff -C: the first destination is
    // the rename, every further one a copy of the same source. (git diff -M alone would report
    // the second destination as an addition.)
    TestRepo repo = repo();
    List<String> lines = IntStream.rangeClosed(1, 12).mapToObj(i -> "shared line " + i).toList();
    String base = repo.write("lib/util.txt", text(lines)).commit("base");
    repo.delete("lib/util.txt")
        .write("one/util.txt", text(lines))
        .write("two/util.txt", text(lines))
        .commit("split");

    ChangeSet change = read(repo, base);

    assertThat(change.files())
        .extracting(FileChange::type, FileChange::oldPath, FileChange::similarity)
        .containsExactlyInAnyOrder(
            tuple(ChangeType.RENAMED, Optional.of("lib/util.txt"), 100),
            tuple(ChangeType.COPIED, Optional.of("lib/util.txt"), 100));
    assertThat(change.files())
        .extracting(FileChange::path)
        .containsExactly("one/util.txt", "two/util.txt");
    assertThat(change.linesAdded()).isZero();
  }

  @Test
  void binaryFileIsCountedButNotReadLineByLine() {
    TestRepo repo = repo();
    String base =
        repo.write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}).commit("base");
    repo.write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 3, 4, '\n', 5})
        .write("data.bin", new byte[] {'a', '\n', 0, 'b', '\n'})
        .commit("new logo");

    ChangeSet change = read(repo, base);

    assertThat(change.files())
        .extracting(FileChange::path, FileChange::type, FileChange::content)
        .containsExactly(
            tuple("data.bin", ChangeType.ADDED, Content.BINARY),
            tuple("logo.png", ChangeType.MODIFIED, Content.BINARY));
    assertThat(change.files())
        .allSatisfy(
            file -> {
              assertThat(file.hunks()).isEmpty();
              assertThat(file.linesAdded()).isZero();
              assertThat(file.linesDeleted()).isZero();
            });
  }

  @Test
  void fileLargerThanTheDiffLimitIsTooLargeWithADiagnostic() {
    TestRepo repo = repo();
    String base = repo.write("data/big.csv", text("header")).commit("base");
    StringBuilder big = new StringBuilder("header\n");
    for (int i = 0; big.length() <= TreeDiff.MAX_DIFF_BYTES; i++) {
      big.append("row,").append(i).append('\n');
    }
    repo.write("data/big.csv", big.toString()).write("small.txt", text("small")).commit("grow");

    ChangeSet change = read(repo, base);

    FileChange file = file(change, "data/big.csv");
    assertThat(file.type()).isEqualTo(ChangeType.MODIFIED);
    assertThat(file.content()).isEqualTo(Content.TOO_LARGE);
    assertThat(file.hunks()).isEmpty();
    assertThat(file(change, "small.txt").content()).isEqualTo(Content.TEXT);
    assertThat(change.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.path()).contains("data/big.csv");
              assertThat(d.message()).contains("larger than 4 MiB");
            });
  }

  @Test
  void modeChangeToExecutableIsAModificationWithoutLines() {
    TestRepo repo = repo();
    String base = repo.write("bin/deploy.sh", text("#!/bin/sh", "echo deploy")).commit("base");
    repo.chmodExecutable("bin/deploy.sh").commit("make executable");

    FileChange file = only(read(repo, base));

    assertThat(file.type()).isEqualTo(ChangeType.MODIFIED);
    assertThat(file.oldMode()).isEqualTo(FileMode.REGULAR);
    assertThat(file.newMode()).isEqualTo(FileMode.EXECUTABLE);
    assertThat(file.modeChanged()).isTrue();
    assertThat(file.hunks()).isEmpty();
    assertThat(file.oldBlob()).isEqualTo(file.newBlob());
  }

  @Test
  void symlinkIsReadAsItsTargetAndNeverFollowed() throws IOException {
    Path secret = Files.createDirectories(temp.resolve("outside")).resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT\n");
    TestRepo repo = repo();
    String base = repo.write("README.md", text("readme")).commit("base");
    repo.symlink("links/passwd", "/etc/passwd")
        .symlink("links/absolute", secret.toString())
        .symlink("links/relative", "../../outside/secret.txt")
        .commit("add links");

    ChangeSet change = read(repo, base);

    assertThat(change.files())
        .extracting(FileChange::path, FileChange::symlinkTarget)
        .containsExactly(
            tuple("links/absolute", Optional.of(secret.toString())),
            tuple("links/passwd", Optional.of("/etc/passwd")),
            tuple("links/relative", Optional.of("../../outside/secret.txt")));
    assertSymlinksNotFollowed(change);
  }

  @Test
  void symlinkInTheWorktreeIsNotFollowedEither() throws IOException {
    Path secret = Files.createDirectories(temp.resolve("outside")).resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT\n");
    TestRepo repo = repo();
    repo.write("README.md", text("readme")).commit("base");
    Files.createDirectories(repo.file("links"));
    Files.createSymbolicLink(repo.file("links/passwd"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(repo.file("links/absolute"), secret);

    ChangeSet change = readWorktree(repo);

    assertThat(change.files())
        .extracting(FileChange::path, FileChange::symlinkTarget)
        .containsExactly(
            tuple("links/absolute", Optional.of(secret.toString())),
            tuple("links/passwd", Optional.of("/etc/passwd")));
    assertSymlinksNotFollowed(change);
  }

  private static void assertSymlinksNotFollowed(ChangeSet change) {
    assertThat(change.files())
        .allSatisfy(
            file -> {
              assertThat(file.type()).isEqualTo(ChangeType.ADDED);
              assertThat(file.newMode()).isEqualTo(FileMode.SYMLINK);
              assertThat(file.content()).isEqualTo(Content.TEXT);
              // The only line is the target itself: nothing of what it points to was read.
              assertThat(file.addedLines())
                  .containsExactly(new Line(1, file.symlinkTarget().orElseThrow()));
              assertThat(file.addedLines())
                  .extracting(Line::text)
                  .noneMatch(t -> t.contains("TOP-SECRET") || t.contains("root:"));
            });
  }

  @Test
  void submodulePointerChangeIsSubmoduleContent() {
    String before = "1111111111111111111111111111111111111111";
    String after = "2222222222222222222222222222222222222222";
    String added = "3333333333333333333333333333333333333333";
    TestRepo repo = repo();
    String base =
        repo.write("README.md", text("readme")).gitlink("vendor/lib", before).commit("base");
    repo.gitlink("vendor/lib", after).gitlink("vendor/other", added).commit("bump submodules");

    ChangeSet change = read(repo, base);

    FileChange bumped = file(change, "vendor/lib");
    assertThat(bumped.type()).isEqualTo(ChangeType.MODIFIED);
    assertThat(bumped.content()).isEqualTo(Content.SUBMODULE);
    assertThat(bumped.oldMode()).isEqualTo(FileMode.SUBMODULE);
    assertThat(bumped.newMode()).isEqualTo(FileMode.SUBMODULE);
    assertThat(bumped.oldBlob()).contains(before);
    assertThat(bumped.newBlob()).contains(after);
    assertThat(bumped.hunks()).isEmpty();
    FileChange fresh = file(change, "vendor/other");
    assertThat(fresh.type()).isEqualTo(ChangeType.ADDED);
    assertThat(fresh.content()).isEqualTo(Content.SUBMODULE);
    assertThat(fresh.newMode()).isEqualTo(FileMode.SUBMODULE);
    assertThat(fresh.newBlob()).contains(added);
    assertThat(change.commits())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.linesAdded()).isZero();
              assertThat(c.linesDeleted()).isZero();
            });
  }

  @Test
  void nonUtf8ContentIsDecodedAsIso88591WithoutLoss() {
    byte[] oldLine = {'c', 'a', 'f', (byte) 0xE9};
    byte[] newLine1 = {'c', 'a', 'f', (byte) 0xE9, ' ', 'a', 'u', ' ', 'l', 'a', 'i', 't'};
    byte[] newLine2 = {'n', 'a', (byte) 0xEF, 'v', 'e', ' ', (byte) 0xFF, (byte) 0x80};
    TestRepo repo = repo();
    String base =
        repo.write("latin1.txt", lines(oldLine)).write("utf8.txt", text("plain")).commit("base");
    repo.write("latin1.txt", lines(newLine1, newLine2))
        .write("utf8.txt", text("café"))
        .commit("edit");

    ChangeSet change = read(repo, base);

    FileChange latin1 = file(change, "latin1.txt");
    assertThat(latin1.content()).isEqualTo(Content.TEXT);
    assertThat(latin1.nonUtf8()).isTrue();
    assertThat(latin1.removedLines()).containsExactly(new Line(1, "caf\u00e9"));
    assertThat(latin1.addedLines())
        .containsExactly(new Line(1, "caf\u00e9 au lait"), new Line(2, "na\u00efve \u00ff\u0080"));
    assertThat(latin1.addedLines())
        .extracting(line -> line.text().getBytes(ISO_8859_1))
        .containsExactly(newLine1, newLine2);
    FileChange utf8 = file(change, "utf8.txt");
    assertThat(utf8.nonUtf8()).isFalse();
    assertThat(utf8.addedLines()).containsExactly(new Line(1, "café"));
  }

  @Test
  void nonUtf8PathIsDecodedAsIso88591WithoutLoss() {
    byte[] latin1Path = {'d', 'o', 'c', '/', 'c', 'a', 'f', (byte) 0xE9, '.', 't', 'x', 't'};
    byte[] utf8Path = "doc/naïve.txt".getBytes(UTF_8);
    TestRepo repo = repo();
    String base = repo.write("README.md", text("readme")).commit("base");
    repo.stageRaw(latin1Path, text("latin").getBytes(UTF_8))
        .stageRaw(utf8Path, text("utf").getBytes(UTF_8))
        .commit("odd names");

    ChangeSet change = read(repo, base);

    assertThat(change.files())
        .extracting(FileChange::path)
        .containsExactlyInAnyOrder("doc/caf\u00e9.txt", "doc/naïve.txt");
    FileChange latin1 = file(change, "doc/caf\u00e9.txt");
    assertThat(latin1.path().getBytes(ISO_8859_1)).isEqualTo(latin1Path);
    assertThat(latin1.path()).doesNotContain("\uFFFD");
    assertThat(latin1.addedLines()).containsExactly(new Line(1, "latin"));
    assertThat(file(change, "doc/naïve.txt").addedLines()).containsExactly(new Line(1, "utf"));
  }

  @Test
  void crlfLinesHaveNoTrailingCarriageReturn() {
    TestRepo repo = repo();
    String base = repo.write("win.txt", crlf("alpha", "beta", "gamma")).commit("base");
    repo.write("win.txt", crlf("alpha", "BETA", "gamma"))
        .write("new.txt", crlf("first", "second"))
        .commit("edit");

    ChangeSet change = read(repo, base);

    FileChange edited = file(change, "win.txt");
    assertThat(edited.hunks())
        .containsExactly(
            new Hunk(2, 1, 2, 1, List.of(new Line(2, "beta")), List.of(new Line(2, "BETA"))));
    assertThat(file(change, "new.txt").addedLines())
        .containsExactly(new Line(1, "first"), new Line(2, "second"));
    assertThat(change.files())
        .flatExtracting(f -> f.hunks().stream().flatMap(h -> h.added().stream()).toList())
        .extracting(Line::text)
        .noneMatch(t -> t.contains("\r"));
  }

  // ---------------------------------------------------------------- revisions

  @Test
  void emptyRepositoryIsAnInputErrorSayingToCommitFirst() {
    TestRepo repo = repo();

    assertThatThrownBy(() -> read(repo.dir(), null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no commits yet")
        .hasMessageContaining("commit something first");
  }

  @Test
  void directoryOutsideAnyRepositoryIsAnInputError() throws IOException {
    Path plain = Files.createDirectories(temp.resolve("plain"));

    assertThatThrownBy(() -> read(plain, null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a git repository")
        .hasMessageContaining("--repo");
    assertThatThrownBy(() -> read(temp.resolve("missing"), null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such directory");
  }

  @Test
  void detachedHeadIsReadLikeABranch() throws IOException {
    TestRepo repo = repo();
    String base = repo.write("a.txt", text("a")).commit("base");
    repo.branch("feature").checkout("feature");
    String head = repo.write("b.txt", text("b")).commit("feature work");
    repo.checkout(head);
    assertThat(repo.repository().getFullBranch()).isEqualTo(head);

    ChangeSet change = read(repo.dir(), null, null);

    assertThat(change.base()).isEqualTo(new Revision("main", base));
    assertThat(change.head()).isEqualTo(new Revision("HEAD", head));
    assertThat(change.files()).extracting(FileChange::path).containsExactly("b.txt");
    assertThat(change.commits()).extracting(Commit::id).containsExactly(head);
  }

  @Test
  void unknownRevisionIsAnInputErrorNamingIt() {
    TestRepo repo = repo();
    repo.write("a.txt", text("a")).commit("base");

    assertThatThrownBy(() -> read(repo.dir(), "main", "no-such-branch"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown revision 'no-such-branch'")
        .hasMessageContaining("git rev-parse --verify");
    assertThatThrownBy(() -> read(repo.dir(), "origin/nope", null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'origin/nope'");
  }

  @Test
  void annotatedTagIsPeeledToItsCommit() {
    TestRepo repo = repo();
    String base = repo.write("a.txt", text("a")).commit("release");
    repo.tag("v1.0");
    repo.write("a.txt", text("a", "b")).commit("after release");

    ChangeSet change = read(repo, "v1.0");

    assertThat(change.base()).isEqualTo(new Revision("v1.0", base));
    assertThat(change.files()).extracting(FileChange::path).containsExactly("a.txt");
  }

  @Test
  void defaultBaseIsMain() {
    TestRepo repo = repo("repo", "main");
    String base = repo.write("a.txt", text("a")).commit("base");
    repo.branch("feature").checkout("feature").write("b.txt", text("b")).commit("feature");

    ChangeSet change = read(repo.dir(), null, null);

    assertThat(change.base()).isEqualTo(new Revision("main", base));
    assertThat(change.files()).extracting(FileChange::path).containsExactly("b.txt");
  }

  @Test
  void defaultBaseFallsBackToMaster() {
    TestRepo repo = repo("repo", "master");
    String base = repo.write("a.txt", text("a")).commit("base");
    repo.branch("feature").checkout("feature").write("b.txt", text("b")).commit("feature");

    ChangeSet change = read(repo.dir(), null, null);

    assertThat(change.base()).isEqualTo(new Revision("master", base));
    assertThat(change.files()).extracting(FileChange::path).containsExactly("b.txt");
  }

  @Test
  void defaultBaseIsOriginHeadWhenTheCloneHasOne() {
    TestRepo repo = repo("repo", "trunk");
    String base = repo.write("a.txt", text("a")).commit("base");
    repo.updateRef("refs/remotes/origin/trunk", base)
        .linkRef("refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
    repo.branch("feature").checkout("feature");
    repo.write("b.txt", text("b")).commit("feature");
    // A local main at the head would make the change empty if it were preferred.
    repo.branch("main");

    ChangeSet change = read(repo.dir(), null, null);

    assertThat(change.base()).isEqualTo(new Revision("origin/HEAD", base));
    assertThat(change.files()).extracting(FileChange::path).containsExactly("b.txt");
  }

  @Test
  void noDefaultBaseIsAnInputErrorSuggestingBase() {
    TestRepo repo = repo("repo", "trunk");
    repo.write("a.txt", text("a")).commit("base");

    assertThatThrownBy(() -> read(repo.dir(), null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot find the default branch")
        .hasMessageContaining("--base");
  }

  @Test
  void headAlreadyInBaseIsAnEmptyChangeWithAHint() {
    TestRepo repo = repo();
    String base = repo.write("a.txt", text("a")).commit("base");

    ChangeSet change = read(repo.dir(), null, null);

    assertThat(change.mergeBase().id()).isEqualTo(base);
    assertThat(change.files()).isEmpty();
    assertThat(change.commits()).isEmpty();
    assertThat(change.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.INFO);
              assertThat(d.message()).contains("already part of main").contains("--base");
            });
  }

  @Test
  void changeStartsAtTheMergeBaseSoLaterBaseCommitsAreNotInIt() {
    TestRepo repo = repo();
    String fork = repo.write("a.txt", text("a")).write("b.txt", text("b")).commit("fork point");
    repo.branch("feature").checkout("feature");
    String work = repo.write("a.txt", text("a", "feature line")).commit("feature work");
    repo.checkout("main");
    String moved =
        repo.write("b.txt", text("b", "main moved on"))
            .write("c.txt", text("c"))
            .commit("main work");
    repo.checkout("feature");

    ChangeSet change = read(repo, "main");

    assertThat(change.base()).isEqualTo(new Revision("main", moved));
    assertThat(change.mergeBase()).isEqualTo(new Revision("merge-base", fork));
    assertThat(change.head()).isEqualTo(new Revision("HEAD", work));
    assertThat(change.files()).extracting(FileChange::path).containsExactly("a.txt");
    assertThat(only(change).addedLines()).containsExactly(new Line(2, "feature line"));
    assertThat(change.commits()).extracting(Commit::id).containsExactly(work);
  }

  @Test
  void unrelatedHistoriesAreAnInputError() {
    TestRepo repo = repo();
    repo.write("a.txt", text("a")).commit("main root");
    repo.orphan("other").write("x.txt", text("x")).commit("other root");

    assertThatThrownBy(() -> read(repo.dir(), "main", "other"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("main and other share no history")
        .hasMessageContaining("--base");
  }

  @Test
  void shallowCloneWithoutTheMergeBaseSaysHowToUnshallow() {
    TestRepo origin = repo("origin", "main");
    origin.write("a.txt", text("a")).commit("one");
    origin.write("a.txt", text("a", "2")).commit("two");
    origin.branch("feature").checkout("feature").write("f.txt", text("f")).commit("feature");
    origin.checkout("main").write("a.txt", text("a", "2", "3")).commit("three");
    GitCli.run(
        temp,
        "clone",
        "--quiet",
        "--depth",
        "1",
        "--no-single-branch",
        origin.dir().toUri().toString(),
        "shallow");
    Path clone = temp.resolve("shallow");
    assertThat(clone.resolve(".git/shallow")).exists();

    assertThatThrownBy(() -> read(clone, "origin/main", "origin/feature"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("shallow")
        .hasMessageContaining("git fetch --unshallow")
        .hasMessageContaining("fetch-depth: 0");
  }

  // ---------------------------------------------------------------- where the repository is

  @Test
  void worktreeModeReadsUncommittedAndUntrackedFilesButNotIgnoredOnes() throws IOException {
    TestRepo repo = repo();
    String head =
        repo.write(".gitignore", text("build/", "*.log"))
            .write("tracked.txt", text("one", "two"))
            .write("gone.txt", text("bye"))
            .commit("base");
    Files.writeString(repo.file("tracked.txt"), text("one", "two", "three"));
    Files.delete(repo.file("gone.txt"));
    Files.writeString(repo.file("untracked.txt"), text("new"));
    Files.createDirectories(repo.file("build"));
    Files.writeString(repo.file("build/out.txt"), text("generated"));
    Files.writeString(repo.file("debug.log"), text("noise"));

    ChangeSet change = readWorktree(repo);

    assertThat(change.isWorktree()).isTrue();
    assertThat(change.head()).isEqualTo(new Revision("worktree", Revision.WORKTREE));
    assertThat(change.base()).isEqualTo(new Revision("HEAD", head));
    assertThat(change.commits()).isEmpty();
    assertThat(change.files())
        .extracting(FileChange::path, FileChange::type)
        .containsExactly(
            tuple("gone.txt", ChangeType.DELETED),
            tuple("tracked.txt", ChangeType.MODIFIED),
            tuple("untracked.txt", ChangeType.ADDED));
    assertThat(file(change, "tracked.txt").addedLines()).containsExactly(new Line(3, "three"));
    assertThat(file(change, "tracked.txt").newBlob()).isEmpty();
    assertThat(file(change, "untracked.txt").addedLines()).containsExactly(new Line(1, "new"));
  }

  @Test
  void worktreeModeStillReadsATrackedFileThatMatchesGitignore() throws IOException {
    // git status and git diff report changes to tracked files even when .gitignore matches them.
    TestRepo repo = repo();
    repo.write("config/settings.local", text("debug=false"))
        .write("build/keep.txt", text("kept"))
        .commit("track files before ignoring them");
    repo.write(".gitignore", text("*.local", "build/")).commit("ignore local files and build");
    Files.writeString(repo.file("config/settings.local"), text("debug=true"));
    Files.writeString(repo.file("build/keep.txt"), text("kept", "changed"));
    Files.writeString(repo.file("build/untracked.txt"), text("generated"));
    Files.writeString(repo.file("config/other.local"), text("untracked"));

    ChangeSet change = readWorktree(repo);

    assertThat(change.files())
        .extracting(FileChange::path, FileChange::type)
        .containsExactly(
            tuple("build/keep.txt", ChangeType.MODIFIED),
            tuple("config/settings.local", ChangeType.MODIFIED));
  }

  @Test
  void worktreeModeComparesCrlfCheckoutsAsGitStatusDoes() throws IOException {
    // eol=crlf checks out CRLF from an LF blob; git's clean filter makes that no change at all.
    TestRepo repo = repo();
    repo.write(".gitattributes", text("*.cmd text eol=crlf"))
        .write("run.cmd", text("@echo off", "call build"))
        .write("edited.cmd", text("@echo off"))
        .commit("scripts");
    Files.writeString(repo.file("run.cmd"), "@echo off\r\ncall build\r\n");
    Files.writeString(repo.file("edited.cmd"), "@echo off\r\necho more\r\n");

    ChangeSet change = readWorktree(repo);

    assertThat(change.files()).extracting(FileChange::path).containsExactly("edited.cmd");
    assertThat(file(change, "edited.cmd").addedLines()).containsExactly(new Line(2, "echo more"));
    assertThat(file(change, "edited.cmd").removedLines()).isEmpty();
  }

  @Test
  void aRevisionCutOffByAShallowCloneSaysHowToUnshallow() {
    TestRepo origin = repo("origin", "main");
    origin.write("a.txt", text("a")).commit("one");
    origin.write("a.txt", text("a", "2")).commit("two");
    GitCli.run(temp, "clone", "--quiet", "--depth", "1", origin.dir().toUri().toString(), "cut");

    assertThatThrownBy(() -> read(temp.resolve("cut"), "HEAD~1", "HEAD"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown revision 'HEAD~1'")
        .hasMessageContaining("git fetch --unshallow");
  }

  @Test
  void bareRepositoryIsReadFromItsObjects() {
    TestRepo origin = repo();
    String base = origin.write("a.txt", text("a")).commit("base");
    origin.branch("feature").checkout("feature");
    String head = origin.write("a.txt", text("a", "b")).commit("feature");
    origin.checkout("main");
    Path bare = origin.cloneBare(temp.resolve("bare.git"));

    ChangeSet change = read(bare, null, "feature");

    assertThat(change.base()).isEqualTo(new Revision("main", base));
    assertThat(change.head()).isEqualTo(new Revision("feature", head));
    assertThat(only(change).addedLines()).containsExactly(new Line(2, "b"));
    assertThatThrownBy(
            () ->
                GitChangeReader.read(
                    new ChangeQuery(bare, Optional.empty(), Optional.empty(), true)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bare");
  }

  @Test
  void repositoryCanBeNamedByASubdirectoryOrItsGitDirectory() {
    TestRepo repo = repo();
    String base = repo.write("src/deep/dir/a.txt", text("a")).commit("base");
    repo.write("src/deep/dir/a.txt", text("a", "b")).commit("change");

    ChangeSet fromSubdirectory = read(repo.dir().resolve("src/deep"), base, null);
    ChangeSet fromGitDirectory = read(repo.dir().resolve(".git"), base, null);

    assertThat(fromSubdirectory.files())
        .extracting(FileChange::path)
        .containsExactly("src/deep/dir/a.txt");
    assertThat(fromGitDirectory).isEqualTo(fromSubdirectory);
  }

  // ---------------------------------------------------------------- commits

  @Test
  void commitsAreOldestFirstWithPeopleTimesTrailersAndLineCounts() {
    TestRepo repo = repo();
    String base = repo.write("README.md", text("readme")).commit("base");
    Instant t1 = Instant.parse("2025-05-01T10:00:00Z");
    Instant t2 = Instant.parse("2025-05-01T10:07:00Z");
    Instant t3 = Instant.parse("2025-05-02T08:30:00Z");
    String c1 =
        repo.write("a.txt", text("one", "two", "three"))
            .commit("Add a\n", "Ada Tester", "ada@example.com", t1);
    String c2 =
        repo.write("a.txt", text("one", "TWO", "three"))
            .write("b.txt", text("x", "y"))
            .commit(
                "Change a, add b\n\nLonger explanation.\n",
                ident("Grace Hopper", "grace@example.com", t2),
                ident("Merge Bot", "bot@example.com", t2.plusSeconds(30)));
    String c3 =
        repo.delete("b.txt")
            .commit(
                "Remove b\n\nNot needed after all.\n\n"
                    + "Co-Authored-By: Claude <noreply@anthropic.com>\n"
                    + "Assisted-by: Copilot:gpt-5\n"
                    + "Signed-off-by: Ada Tester <ada@example.com>\n",
                "Ada Tester",
                "ada@example.com",
                t3);

    ChangeSet change = read(repo, base);

    assertThat(change.commits()).extracting(Commit::id).containsExactly(c1, c2, c3);
    assertThat(change.commits())
        .extracting(Commit::subject)
        .containsExactly("Add a", "Change a, add b", "Remove b");
    assertThat(change.commits())
        .extracting(Commit::parentIds)
        .containsExactly(List.of(base), List.of(c1), List.of(c2));
    assertThat(change.commits())
        .extracting(Commit::linesAdded, Commit::linesDeleted)
        .containsExactly(tuple(3, 0), tuple(3, 1), tuple(0, 2));
    Commit second = change.commits().get(1);
    assertThat(second.author()).isEqualTo(new Person("Grace Hopper", "grace@example.com"));
    assertThat(second.authoredAt()).isEqualTo(t2);
    assertThat(second.committer()).isEqualTo(new Person("Merge Bot", "bot@example.com"));
    assertThat(second.committedAt()).isEqualTo(t2.plusSeconds(30));
    assertThat(second.message()).contains("Longer explanation.");
    assertThat(second.trailers()).isEmpty();
    Commit third = change.commits().get(2);
    assertThat(third.authoredAt()).isEqualTo(t3);
    assertThat(third.trailers())
        .containsExactly(
            new Trailer("Co-Authored-By", "Claude <noreply@anthropic.com>"),
            new Trailer("Assisted-by", "Copilot:gpt-5"),
            new Trailer("Signed-off-by", "Ada Tester <ada@example.com>"));
  }

  @Test
  void defaultCommitTimesAdvanceOneMinutePerCommit() {
    TestRepo repo = repo();
    String base = repo.write("a.txt", text("1")).commit("one");
    repo.write("a.txt", text("2")).commit("two");
    repo.write("a.txt", text("3")).commit("three");

    ChangeSet change = read(repo, base);

    assertThat(change.commits())
        .extracting(Commit::authoredAt)
        .containsExactly(TestRepo.START.plusSeconds(60), TestRepo.START.plusSeconds(120));
    assertThat(change.commits())
        .extracting(Commit::author)
        .containsOnly(new Person(TestRepo.AUTHOR_NAME, TestRepo.AUTHOR_EMAIL));
  }

  @Test
  void manyCommitsAreListedButNotMeasured() {
    TestRepo repo = repo();
    String base = repo.write("a.txt", text("0")).commit("base");
    int count = GitChangeReader.MAX_MEASURED_COMMITS + 1;
    for (int i = 1; i <= count; i++) {
      repo.write("a.txt", text(Integer.toString(i))).commit("commit " + i);
    }

    ChangeSet change = read(repo, base);

    assertThat(change.commits()).hasSize(count);
    assertThat(change.commits().get(0).subject()).isEqualTo("commit 1");
    assertThat(change.commits())
        .allSatisfy(
            c -> {
              assertThat(c.linesAdded()).isEqualTo(-1);
              assertThat(c.linesDeleted()).isEqualTo(-1);
            });
    assertThat(change.diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .contains(count + " commits");
    assertThat(only(change).hunks()).hasSize(1);
  }

  // ---------------------------------------------------------------- size

  @Test
  void hugeDiffIsReadCompletelyAndCountedRight() {
    TestRepo repo = repo();
    String base = repo.write("README.md", text("readme")).commit("base");
    int files = 3_000;
    for (int i = 0; i < files; i++) {
      repo.write(String.format("gen/d%02d/file%04d.txt", i % 50, i), text("file " + i, "second"));
    }
    repo.commit("generate");

    ChangeSet change = read(repo, base);

    assertThat(change.files()).hasSize(files);
    assertThat(change.files()).allMatch(f -> f.type() == ChangeType.ADDED);
    assertThat(change.files()).extracting(FileChange::path).isSorted().doesNotHaveDuplicates();
    assertThat(change.linesAdded()).isEqualTo(2 * files);
    assertThat(change.linesDeleted()).isZero();
    assertThat(change.commits())
        .singleElement()
        .extracting(Commit::linesAdded)
        .isEqualTo(2 * files);
    assertThat(change.diagnostics()).isEmpty();
  }

  @Test
  void renameDetectionOverTheLimitIsSkippedWithOneDiagnostic() {
    TestRepo repo = repo();
    String base = repo.write("old/config.txt", text("unique", "content")).commit("base");
    repo.delete("old/config.txt");
    for (int i = 0; i <= TreeDiff.RENAME_LIMIT; i++) {
      repo.write(String.format("gen/d%02d/file%05d.txt", i % 64, i), text("generated " + i));
    }
    repo.commit("generate");

    ChangeSet change = read(repo, base);

    assertThat(change.files()).hasSize(TreeDiff.RENAME_LIMIT + 2);
    assertThat(file(change, "old/config.txt").type()).isEqualTo(ChangeType.DELETED);
    assertThat(change.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.message())
                  .contains("rename detection skipped")
                  .contains(Integer.toString(TreeDiff.RENAME_LIMIT));
            });
  }

  // ---------------------------------------------------------------- helpers

  private TestRepo repo() {
    return repo("repo", "main");
  }

  private TestRepo repo(String name, String branch) {
    TestRepo repo = TestRepo.init(temp.resolve(name), branch);
    repos.add(repo);
    return repo;
  }

  private static ChangeSet read(TestRepo repo, String base) {
    return read(repo.dir(), base, null);
  }

  private static ChangeSet read(Path dir, String base, String head) {
    return GitChangeReader.read(
        new ChangeQuery(dir, Optional.ofNullable(base), Optional.ofNullable(head), false));
  }

  private static ChangeSet readWorktree(TestRepo repo) {
    return GitChangeReader.read(
        new ChangeQuery(repo.dir(), Optional.empty(), Optional.empty(), true));
  }

  private static FileChange only(ChangeSet change) {
    assertThat(change.files()).hasSize(1);
    return change.files().get(0);
  }

  private static FileChange file(ChangeSet change, String path) {
    return change.files().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no change to "
                        + path
                        + " in "
                        + change.files().stream()
                            .map(FileChange::path)
                            .collect(Collectors.joining(", "))));
  }

  private static PersonIdent ident(String name, String email, Instant when) {
    return new PersonIdent(name, email, when, ZoneOffset.UTC);
  }

  private static String text(String... lines) {
    return text(List.of(lines));
  }

  private static String text(List<String> lines) {
    return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
  }

  private static byte[] crlf(String... lines) {
    return List.of(lines).stream()
        .map(l -> l + "\r\n")
        .collect(Collectors.joining())
        .getBytes(UTF_8);
  }

  /** The lines, each ended by LF, as raw bytes. */
  private static byte[] lines(byte[]... lines) {
    int size = 0;
    for (byte[] line : lines) {
      size += line.length + 1;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] line : lines) {
      System.arraycopy(line, 0, out, at, line.length);
      at += line.length;
      out[at++] = '\n';
    }
    return out;
  }
}
