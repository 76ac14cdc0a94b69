package dev.scrutineer.analysis.reach.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Framework facts updated for a change are those a scan of the changed code base finds, for edits
 * that reach other types' findings only through names: meta-annotations, mappings and test methods
 * inherited from supertypes, bound types' properties, class literals, names that come to be or stop
 * being declared, and a type declared twice.
 */
class CodeFrameworksUpdateTest {
  private static final String MAIN = "src/main/java/com/acme/web/";
  private static final String TEST = "src/test/java/com/acme/web/";

  private static final String MY_GET =
      """
      package com.acme.web;

      import org.springframework.web.bind.annotation.GetMapping;

      @GetMapping
      @interface MyGet {
        String value() default "";
      }
      """;

  private static final String BASE =
      """
      package com.acme.web;

      abstract class Base {
        @MyGet("/base")
        String base() {
          return "";
        }
      }
      """;

  private static final String CHILD =
      """
      package com.acme.web;

      import org.springframework.web.bind.annotation.RestController;

      @RestController
      class %s extends Base {
        String base() {
          return "%s";
        }
      }
      """;

  private static final String API =
      """
      package com.acme.web;

      import jakarta.ws.rs.GET;
      import jakarta.ws.rs.Path;

      @Path("/api")
      interface Api {
        @GET
        @Path("/items")
        Item item();
      }
      """;

  private static final String API_IMPL =
      """
      package com.acme.web;

      class ApiImpl implements Api {
        public Item item() {
          return new Item();
        }
      }
      """;

  private static final String ITEM =
      """
      package com.acme.web;

      class Item {
        String getName() {
          return "";
        }

        Config getConfig() {
          return null;
        }
      }
      """;

  private static final String CONFIG =
      """
      package com.acme.web;

      class Config {
        int getSize() {
          return 0;
        }
      }
      """;

  private static final String TWIN =
      """
      package com.acme.web;

      import org.springframework.scheduling.annotation.Scheduled;

      class Twin {
        @Scheduled(cron = "0 0 * * * *")
        void tick() {}

        void ping() {
          client.get("/base");
        }
      }
      """;

  private static final String WEB_TEST =
      """
      package com.acme.web;

      import org.junit.jupiter.api.Test;

      abstract class AbstractWebTest {
        @Test
        void answers() {
          mvc.perform(get("/base"));
        }
      }
      """;

  private static final String CHILD_TEST =
      """
      package com.acme.web;

      import org.junit.jupiter.api.Test;
      import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

      @WebMvcTest(ChildOne.class)
      class ChildOneTest extends AbstractWebTest {
        @Test
        void items() {
          client.get("/api/items");
        }
      }
      """;

  private static Map<String, String> base() {
    Map<String, String> files = new TreeMap<>();
    files.put("pom.xml", "<project><artifactId>web</artifactId></project>");
    files.put(MAIN + "MyGet.java", MY_GET);
    files.put(MAIN + "Base.java", BASE);
    files.put(MAIN + "ChildOne.java", CHILD.formatted("ChildOne", "1"));
    files.put(MAIN + "ChildTwo.java", CHILD.formatted("ChildTwo", "2"));
    files.put(MAIN + "Api.java", API);
    files.put(MAIN + "ApiImpl.java", API_IMPL);
    files.put(MAIN + "Item.java", ITEM);
    files.put(MAIN + "Config.java", CONFIG);
    files.put(MAIN + "Twin.java", TWIN);
    files.put(TEST + "Twin.java", TWIN.replace("@Scheduled(cron = \"0 0 * * * *\")\n  ", ""));
    files.put(TEST + "AbstractWebTest.java", WEB_TEST);
    files.put(TEST + "ChildOneTest.java", CHILD_TEST);
    return files;
  }

  /** Edits, each of one file, that other types' findings can see or must not be fooled by. */
  private static List<Consumer<Map<String, String>>> edits() {
    List<Consumer<Map<String, String>>> edits = new ArrayList<>();
    // The meta-annotation stops standing for a mapping: both children lose theirs.
    edits.add(f -> f.put(MAIN + "MyGet.java", MY_GET.replace("@GetMapping\n", "")));
    // A type with a name others look up, elsewhere: it must not be taken for theirs.
    edits.add(f -> f.put(MAIN + "other/Base.java", "package com.acme.web.other;\nclass Base {}\n"));
    // A bound type's property goes; a nested type comes with a name others may look up.
    edits.add(f -> f.put(MAIN + "Item.java", ITEM.replace("String getName()", "String name()")));
    edits.add(
        f ->
            f.put(
                MAIN + "Config.java",
                CONFIG.replace(
                    "}\n}", "}\n\n  static class Item {\n    int getId() { return 0; }\n  }\n}")));
    edits.add(f -> f.put(MAIN + "Api.java", API.replace("@Path(\"/api\")", "@Path(\"/v2\")")));
    edits.add(f -> f.put(TEST + "AbstractWebTest.java", WEB_TEST.replace("@Test\n", "")));
    edits.add(f -> f.put(TEST + "Twin.java", TWIN.replace("cron", "zone = \"UTC\", cron")));
    edits.add(f -> f.put(TEST + "Twin.java", TWIN));
    // The twin in the tests made the other a test class, whose requests count.
    edits.add(f -> f.remove(TEST + "Twin.java"));
    edits.add(f -> f.remove(MAIN + "Base.java"));
    edits.add(f -> f.remove(MAIN + "MyGet.java"));
    // Only lines and bodies: the others' findings stand.
    edits.add(f -> f.put(MAIN + "ChildTwo.java", "\n" + CHILD.formatted("ChildTwo", "two")));
    edits.add(
        f ->
            f.put(
                TEST + "OrdersTest.java",
                "package com.acme.web;\nimport org.junit.jupiter.api.Test;\n"
                    + "class OrdersTest extends AbstractWebTest {\n"
                    + "  @Test void one() { client.get(\"/base\"); }\n}\n"));
    return edits;
  }

  @Test
  void theFixtureFindsWhatTheEditsChange() {
    CodeFrameworks scanned = Updates.scan(base());
    assertThat(scanned.entryPoints().values())
        .flatMap(specs -> specs)
        .extracting(EntryPointSpec::label)
        .contains("GET /base", "GET /api/items", "cron 0 0 * * * *");
    assertThat(scanned.allEdges())
        .extracting(e -> e.via())
        .contains(
            TestRules.INHERITED_TEST,
            IndirectEdges.CLASS_LITERAL,
            IndirectEdges.REQUEST_PATH,
            IndirectEdges.REFLECTION);
  }

  @Test
  void anUpdateForOneEditIsTheScanOfTheEditedCodeBaseBothWays() {
    for (var edit : edits()) {
      Map<String, String> head = base();
      edit.accept(head);
      Updates.assertUpdateIsScan(base(), head);
      Updates.assertUpdateIsScan(head, base());
    }
  }

  @Test
  void anUpdateForTwoEditsIsTheScanOfTheEditedCodeBase() {
    List<Consumer<Map<String, String>>> edits = edits();
    for (int i = 0; i < edits.size(); i++) {
      Map<String, String> one = base();
      edits.get(i).accept(one);
      for (int j = i + 1; j < edits.size(); j++) {
        Map<String, String> both = new TreeMap<>(one);
        edits.get(j).accept(both);
        Updates.assertUpdateIsScan(one, both);
        Updates.assertUpdateIsScan(base(), both);
      }
    }
  }
}
