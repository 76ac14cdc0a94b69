package dev.scrutineer.engine;

import dev.scrutineer.analysis.ownership.CodeOwner;
import dev.scrutineer.analysis.ownership.CodeOwners;
import dev.scrutineer.ingest.ChangeSession;
import dev.scrutineer.ingest.GitChangeReader;
import dev.scrutineer.ingest.RevertCheck;
import dev.scrutineer.ingest.TreeExporter;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.Drill;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.ReachedTest;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.tabletop.DrillComposer;
import dev.scrutineer.tabletop.Owners;
import dev.scrutineer.tabletop.PitRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Analyses a change, tries its revert, and has the drill composed. */
final class TabletopRun {
  private final Scrutineer engine;

  TabletopRun(Scrutineer engine) {
    this.engine = engine;
  }

  Drill run(TabletopRequest request) {
    if (request.analysis().change().worktree()) {
      throw new InputException(
          "tabletop drills a committed change; commit it first or pass --head REV");
    }
    Analysis analysis = engine.analyze(request.analysis().tracingEachDeclaration());
    List<String> notes = new ArrayList<>();
    String onto = request.rollbackOnto().orElse(analysis.change().base().spec());
    RevertCheck.Result tried =
        RevertCheck.check(
            request.analysis().change().repository(),
            analysis.change().mergeBase().id(),
            analysis.change().head().id(),
            onto);
    Drill.Revert revert =
        new Drill.Revert(tried.onto(), tried.merged(), tried.clean(), tried.conflicts());
    Optional<Drill.Mutation> mutation =
        request.mutate() ? mutate(request, analysis, notes) : Optional.empty();
    try (ChangeSession session = GitChangeReader.open(request.analysis().change())) {
      Owners owners = owners(session.base(), notes);
      return new DrillComposer(owners)
          .compose(
              analysis,
              Optional.of(analysis.risk().tier()),
              revert,
              session.head(),
              mutation,
              notes);
    }
  }

  /**
   * Who is paged for a path: {@code CODEOWNERS} of the merge-base, so a change cannot choose who is
   * paged for it. The one place where ownership plugs in; a catalog reader would join here.
   */
  private static Owners owners(SourceTree base, List<String> notes) {
    CodeOwners codeOwners = CodeOwners.of(base);
    if (codeOwners.file().isEmpty()) {
      notes.add("no CODEOWNERS in the merge-base: nobody is named for any file");
      return Owners.UNKNOWN;
    }
    codeOwners
        .diagnostics()
        .forEach(d -> notes.add(d.path().map(p -> p + ": ").orElse("") + d.message()));
    return path -> codeOwners.ownersOf(path).stream().map(CodeOwner::toString).toList();
  }

  private static Optional<Drill.Mutation> mutate(
      TabletopRequest request, Analysis analysis, List<String> notes) {
    Set<String> classes = new TreeSet<>();
    for (ChangedDeclaration d : analysis.changedDeclarations()) {
      if (!d.path().contains("src/test/")) {
        String name = d.symbol().name().split("[.#$]")[0];
        classes.add(
            d.symbol().packageName().isEmpty() ? name : d.symbol().packageName() + "." + name);
      }
    }
    Set<String> tests = new TreeSet<>();
    for (ReachedTest test : analysis.reach().map(r -> r.tests()).orElse(List.of())) {
      String name = test.symbol().name().split("[.#$]")[0];
      tests.add(
          test.symbol().packageName().isEmpty() ? name : test.symbol().packageName() + "." + name);
    }
    if (classes.isEmpty() || tests.isEmpty()) {
      notes.add(
          "mutation testing not run: "
              + (classes.isEmpty() ? "no changed Java class" : "no test reaches the change"));
      return Optional.empty();
    }
    Map<String, Set<Integer>> changedLines = new TreeMap<>();
    for (FileChange file : analysis.change().files()) {
      Set<Integer> lines = new TreeSet<>();
      file.addedLines().stream().map(Line::number).forEach(lines::add);
      if (!lines.isEmpty()) {
        changedLines.put(file.path(), lines);
      }
    }
    Path copy = null;
    try {
      copy = Files.createTempDirectory("scrutineer-pit");
      TreeExporter.export(
          request.analysis().change().repository(), analysis.change().head().id(), copy);
      return Optional.of(
          PitRunner.run(copy, List.copyOf(classes), List.copyOf(tests), changedLines));
    } catch (InputException e) {
      notes.add("mutation testing failed: " + e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(copy);
    }
  }

  private static void deleteRecursively(Path root) {
    if (root == null) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the mutation copy " + root, e);
    }
  }
}
