package dev.scrutineer.analysis.reach.framework;

import static dev.scrutineer.analysis.reach.framework.Facts.ann;
import static dev.scrutineer.analysis.reach.framework.Facts.annotationType;
import static dev.scrutineer.analysis.reach.framework.Facts.file;
import static dev.scrutineer.analysis.reach.framework.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.index.AnnotationFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeIndexTest {
  private final TypeIndex index =
      new TypeIndex(
          List.of(
              file("a/A.java", "a").with(type("A"), type("A.Inner")).build(),
              file("b/Inner.java", "b").with(type("Inner")).build(),
              file("b/Thing.java", "b").with(type("Thing")).build(),
              file("c/Thing.java", "c").with(type("Thing")).build(),
              file("c/Other.java", "c").imports("b.*").with(type("Other")).build(),
              file("d/Only.java", "d").with(type("Only")).build(),
              file("e/Box.java", "e").with(type("Box"), type("Box.Item")).build(),
              file("f/List.java", "f").with(type("List")).build(),
              file("g/Twice.java", "g").with(type("Twice")).build(),
              file("other/g/Twice.java", "g").with(type("Twice")).build(),
              file("x/X.java", "x")
                  .imports("b.Thing", "c.*", "java.util.List", "e.Box")
                  .with(type("X"), type("X.Inner"), type("X.Inner.Deeper"), type("X#run()$Local"))
                  .build()));

  @Test
  void namesResolveInJavasOrderNestedImportedSamePackageOnDemandQualifiedThenUnique() {
    Entry deeper = entry("x.X.Inner.Deeper");
    assertThat(resolve("Inner", deeper)).contains("x.X.Inner"); // an outer type's nested type
    assertThat(resolve("Deeper", deeper)).contains("x.X.Inner.Deeper");
    assertThat(resolve("Thing", deeper)).contains("b.Thing"); // single import beats c.*
    assertThat(resolve("Box.Item", deeper)).contains("e.Box.Item"); // through the import of Box
    assertThat(resolve("c.Thing", deeper)).contains("c.Thing"); // qualified
    assertThat(resolve("Only", deeper)).contains("d.Only"); // the one type with that name
    assertThat(resolve("List", deeper)).isEmpty(); // imported from outside the index
    assertThat(resolve("Missing", deeper)).isEmpty();

    Entry other = entry("c.Other");
    assertThat(resolve("Thing", other)).contains("c.Thing"); // same package beats b.*
    assertThat(resolve("Inner", other)).contains("b.Inner"); // on demand
  }

  @Test
  void writtenFormsAreReducedToTheTypeName() {
    Entry x = entry("x.X");
    for (String written :
        List.of(" Thing ", "Thing[]", "Thing[][]", "Thing<String>", "Thing.class")) {
      assertThat(resolve(written, x)).as(written).contains("b.Thing");
    }
  }

  @Test
  void aLocalClassSeesTheFileButNotTheNestedTypesOfItsEnclosingType() {
    Entry local = entry("x.X#run()$Local");
    assertThat(resolve("Thing", local)).contains("b.Thing");
    // Three types are named Inner and no import or package picks one.
    assertThat(resolve("Inner", local)).isEmpty();
  }

  @Test
  void aNameDeclaredTwiceResolvesToTheFirstFile() {
    Optional<Entry> twice = index.resolve("g.Twice", entry("x.X"));
    assertThat(twice).map(e -> e.file().path()).contains("g/Twice.java");
  }

  @Test
  void aMetaAnnotationTakesTheAttributesOfEachUseSite() {
    TypeIndex composed =
        new TypeIndex(
            List.of(
                file("w/Get.java", "w")
                    .with(
                        annotationType("Get")
                            .annotate(
                                ann("java.lang.annotation.Retention", "value", "RUNTIME"),
                                ann("GetMapping", "value", "/default", "produces", "json")))
                    .build(),
                file("w/C.java", "w").with(type("C")).build()));
    Entry c = composed.entries().get(1);
    assertThat(mapping(composed.expand(List.of(ann("Get", "value", "/a")), c)))
        .isEqualTo(Map.of("value", List.of("/a"), "produces", List.of("json")));
    assertThat(mapping(composed.expand(List.of(ann("Get", "value", "/b")), c)))
        .isEqualTo(Map.of("value", List.of("/b"), "produces", List.of("json")));
    assertThat(mapping(composed.expand(List.of(ann("Get")), c)))
        .isEqualTo(Map.of("value", List.of("/default"), "produces", List.of("json")));
    List<AnnotationFact> plain = List.of(ann("Override"));
    assertThat(composed.expand(plain, c)).isSameAs(plain);
  }

  private static Map<String, List<String>> mapping(List<AnnotationFact> expanded) {
    assertThat(expanded).extracting(AnnotationFact::name).containsExactly("Get", "GetMapping");
    return expanded.get(1).values();
  }

  private Entry entry(String qualified) {
    return index.entries().stream()
        .filter(e -> e.type().symbol().qualified().equals(qualified))
        .findFirst()
        .orElseThrow();
  }

  private Optional<String> resolve(String written, Entry context) {
    return index.resolve(written, context).map(e -> e.type().symbol().qualified());
  }
}
