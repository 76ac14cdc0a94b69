package dev.scrutineer.analysis.reach.graph;

import static dev.scrutineer.analysis.reach.graph.Facts.file;
import static dev.scrutineer.analysis.reach.graph.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkedBaseTest {
  @TempDir Path temp;

  private static final List<FileFacts> FILES =
      List.of(
          file("com.acme", "Repo").type(type("Repo").method("load()")).build(),
          file("com.acme", "Service")
              .type(type("Service").method("find()", m -> m.callOn("Repo", "load", 0)))
              .build());

  private static final Map<String, String> IDS =
      Map.of("com/acme/Repo.java", "1111", "com/acme/Service.java", "2222");

  @Test
  void theBinaryFormReadsBackAndRelinksToTheFullGraph() throws IOException {
    LinkedBase base = LinkedBase.decode(ByteBuffer.wrap(LinkedBase.link(FILES, IDS, 1).encode()));

    CodeGraph relinked =
        CodeGraph.relink(FILES, List::of, base, FILES, Set.of("com/acme/Service.java"));
    CodeGraph full = CodeGraph.link(FILES, List.of());

    assertThat(base.nodeCount()).isEqualTo(full.nodeCount());
    assertThat(base.edgeCount()).isEqualTo(full.edgeCount());
    assertThat(relinked.linkedFiles()).isEqualTo(1);
    assertThat(relinked.unfitBase()).isEmpty();
    assertThat(relinked.from).containsExactly(full.from);
    assertThat(relinked.offsets).containsExactly(full.offsets);
  }

  @Test
  void declarationsMadeTwiceAreOneNodeEachAndRelinkAsTheyLinked() throws IOException {
    // A copied file declares Repo again, with a member of its own; Repo has two static blocks,
    // whose symbols are the same; a type with many members finds its repeated member by a set.
    DeclarationKind init = DeclarationKind.STATIC_INITIALIZER;
    Facts.TypeBuilder large = type("Large").staticInit(m -> {}).staticInit(m -> {});
    for (int i = 0; i < 20; i++) {
      large.method("m" + i + "()");
    }
    List<FileFacts> files =
        List.of(
            file("com.acme", "Large").type(large.method("m3()", m -> m.call("m4", 0))).build(),
            file("com.acme", "Repo")
                .type(type("Repo").method("load()").member(init, "static{}", m -> {}))
                .type(type("Repo.Row").staticInit(m -> {}).staticInit(m -> m.call("load", 0)))
                .build(),
            file("com.acme", "RepoCopy").type(type("Repo").method("extra()")).build(),
            file("com.acme", "Service")
                .type(type("Service").method("find()", m -> m.callOn("Repo", "load", 0)))
                .build());
    Map<String, String> ids =
        Map.of(
            "com/acme/Large.java", "0",
            "com/acme/Repo.java", "1",
            "com/acme/RepoCopy.java", "2",
            "com/acme/Service.java", "3");
    CodeGraph full = CodeGraph.link(files, List.of());

    // Each type and its distinct members: Large's static block and 20 methods, Repo's two,
    // Row's static block, Service's method; not the copy of Repo.
    assertThat(full.nodeCount()).isEqualTo(22 + 3 + 2 + 2);
    assertThat(full.contains(new Symbol("com.acme", "Repo#extra()"))).isFalse();
    assertThat(full.contains(new Symbol("com.acme", "Repo.Row#static{}"))).isTrue();
    assertThat(full.contains(new Symbol("com.acme", "Large#m3()"))).isTrue();
    assertThat(full.dependents(new Symbol("com.acme", "Repo#load()")))
        .extracting(e -> e.from().qualified())
        .contains("com.acme.Service#find()", "com.acme.Repo.Row#static{}");
    assertThat(full.dependents(new Symbol("com.acme", "Large#m4()")))
        .extracting(e -> e.from().qualified())
        .containsExactly("com.acme.Large#m3()");

    LinkedBase base = LinkedBase.decode(ByteBuffer.wrap(LinkedBase.link(files, ids, 1).encode()));
    CodeGraph relinked =
        CodeGraph.relink(files, List::of, base, files, Set.of("com/acme/Service.java"));
    assertThat(relinked.unfitBase()).isEmpty();
    assertThat(relinked.linkedFiles()).isEqualTo(1);
    assertThat(relinked.from).containsExactly(full.from);
    assertThat(relinked.offsets).containsExactly(full.offsets);
  }

  @Test
  void aDamagedOrCutFormIsRefused() {
    byte[] bytes = LinkedBase.link(FILES, IDS, 1).encode();
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 1;

    assertThatThrownBy(() -> LinkedBase.decode(ByteBuffer.wrap(flipped)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> LinkedBase.decode(ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length - 1))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> LinkedBase.decode(ByteBuffer.wrap(new byte[0])))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aBaseLinkedFromOtherFilesIsNotUsed() {
    LinkedBase base = LinkedBase.link(FILES.subList(0, 1), IDS, 1);

    CodeGraph relinked = CodeGraph.relink(FILES, List::of, base, FILES, Set.of());

    assertThat(relinked.linkedFiles()).isEqualTo(FILES.size()); // everything linked instead
    assertThat(relinked.unfitBase()).hasValueSatisfying(why -> assertThat(why).contains("base"));
    assertThat(relinked.from).containsExactly(CodeGraph.link(FILES, List.of()).from);
  }

  @Test
  void aBaseOfAsManyDeclarationsWithOtherNamesIsNotUsed() {
    List<FileFacts> renamed =
        List.of(file("com.acme", "Repo").type(type("Repo").method("save()")).build(), FILES.get(1));
    LinkedBase base = LinkedBase.link(renamed, IDS, 1);

    CodeGraph relinked = CodeGraph.relink(FILES, List::of, base, FILES, Set.of());

    assertThat(base.nodeCount()).isEqualTo(CodeGraph.link(FILES, List.of()).nodeCount());
    assertThat(relinked.unfitBase()).hasValueSatisfying(why -> assertThat(why).contains("base"));
    assertThat(relinked.from).containsExactly(CodeGraph.link(FILES, List.of()).from);
  }

  @Test
  void theKeyChangesWithAnyFileAndWithTheFactsVersion() {
    Map<String, String> ids = Map.of("a/A.java", "1111", "b/B.java", "2222");

    assertThat(LinkedBase.key(ids, 1)).isEqualTo(LinkedBase.key(Map.copyOf(ids), 1));
    assertThat(LinkedBase.key(ids, 1))
        .isNotEqualTo(LinkedBase.key(Map.of("a/A.java", "1111", "b/B.java", "2223"), 1))
        .isNotEqualTo(LinkedBase.key(Map.of("a/A.java", "1111"), 1))
        .isNotEqualTo(LinkedBase.key(ids, 2));
  }

  @Test
  void theCacheKeepsTheNewestGraphsOnly() throws IOException {
    LinkedBaseCache cache = LinkedBaseCache.in(temp);
    List<LinkedBase> bases = new ArrayList<>();
    for (int i = 0; i <= LinkedBaseCache.KEPT + 1; i++) {
      bases.add(LinkedBase.link(FILES, Map.of("com/acme/Repo.java", "id" + i), 1));
    }
    for (int i = 0; i <= LinkedBaseCache.KEPT; i++) {
      cache.store(bases.get(i));
      Files.setLastModifiedTime(
          temp.resolve(bases.get(i).key() + ".graph"), FileTime.fromMillis(1000L * (i + 1)));
    }
    cache.store(bases.get(LinkedBaseCache.KEPT + 1));

    assertThat(cache.newest(1).map(LinkedBase::key))
        .contains(bases.get(LinkedBaseCache.KEPT + 1).key());
    assertThat(cache.newest(2)).isEmpty();

    assertThat(cache.load(bases.get(0).key())).isEmpty();
    assertThat(cache.load(bases.get(1).key())).isEmpty();
    assertThat(cache.load(bases.get(LinkedBaseCache.KEPT).key())).isPresent();
    assertThat(cache.load(bases.get(LinkedBaseCache.KEPT + 1).key())).isPresent();

    try (var files = Files.list(temp)) {
      assertThat(files.toList()).hasSize(LinkedBaseCache.KEPT);
    }
    assertThat(cache.diagnostics()).isEmpty();
  }

  @Test
  void aCacheThatCannotWriteSaysSoOnce() throws IOException {
    Path notADirectory = Files.writeString(temp.resolve("file"), "x");
    LinkedBaseCache cache = LinkedBaseCache.in(notADirectory);

    cache.store(LinkedBase.link(FILES, IDS, 1));
    cache.store(LinkedBase.link(FILES, IDS, 2));

    assertThat(cache.load(LinkedBase.link(FILES, IDS, 1).key())).isEmpty();
    assertThat(cache.diagnostics()).hasSize(1);
    assertThat(cache.diagnostics().get(0).message()).contains("could not be stored");
  }
}
