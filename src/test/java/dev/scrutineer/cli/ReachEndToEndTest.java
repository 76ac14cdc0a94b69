package dev.scrutineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrutineer.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blast radius through the command line, on a repository that mirrors spring-petclinic's owner
 * and pet controllers. The expectations were checked by hand against the real project: its commit
 * 14af47d4e changes the three OwnerController handlers named here.
 */
class ReachEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "src/main/java/org/springframework/samples/petclinic/owner/";
  private static final String TESTS = "src/test/java/org/springframework/samples/petclinic/owner/";

  @TempDir Path temp;

  @Test
  void aChangedServiceMethodReachesTheHandlersThatCallItAndTheirTests() throws IOException {
    TestRepo repo = ownerServiceMadeStricter();

    JsonNode reach = analyze(repo, "--format", "json").path("reach");

    assertThat(labels(reach))
        .containsExactlyInAnyOrder(
            "GET /owners/{ownerId}",
            "GET /owners/{ownerId}/edit",
            "GET /owners/{ownerId}/pets/new");
    assertThat(texts(reach.path("tests"), "symbol"))
        .contains(
            "org.springframework.samples.petclinic.owner.OwnerControllerTests#showsOwner()",
            "org.springframework.samples.petclinic.owner.PetControllerTests#initCreationForm()");
    assertThat(reach.path("modules").get(0).path("service").asBoolean()).isTrue();
  }

  @Test
  void aChangeToTheLayoutOfJavaCodeAloneReachesNothing() throws IOException {
    TestRepo repo = petclinic();
    repo.branch("feature").checkout("feature");
    repo.write(
            OWNER + "OwnerService.java",
            ownerService("return owners.findById(id).orElse(null);").replace("  ", "    "))
        .commit("Indent by four");

    JsonNode report = analyze(repo, "--format", "json");

    assertThat(report.path("changedDeclarations")).isEmpty();
    assertThat(report.path("reach").isNull()).isTrue();
  }

  @Test
  void whyPrintsOneChainFromTheChangeToTheEntryPoint() throws IOException {
    TestRepo repo = ownerServiceMadeStricter();

    Cli cli =
        Cli.run(
            "analyze",
            "--repo",
            repo.dir().toString(),
            "--cache",
            temp.resolve("cache").toString(),
            "--why",
            "GET /owners/{ownerId}/pets/new");
    Cli none =
        Cli.run(
            "analyze",
            "--repo",
            repo.dir().toString(),
            "--cache",
            temp.resolve("cache").toString(),
            "--why",
            "NoSuchThing#nowhere");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains(
            "why GET /owners/{ownerId}/pets/new: OwnerService#find(int) -> PetController#initCreationForm(int,ModelMap) (call)");
    assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(none.err()).contains("matches no entry point or declaration");
  }

  @Test
  void aTestNamesWhereItsChainStartsAndWhyPrintsThatChain() throws IOException {
    TestRepo repo = ownerServiceMadeStricter();
    String test = "org.springframework.samples.petclinic.owner.OwnerControllerTests#showsOwner()";

    JsonNode reached = null;
    for (JsonNode t : analyze(repo, "--format", "json").path("reach").path("tests")) {
      if (t.path("symbol").asText().equals(test)) {
        reached = t;
      }
    }
    JsonNode why =
        analyze(repo, "--format", "json", "--why", "OwnerControllerTests#showsOwner")
            .path("reach")
            .path("explanation");

    assertThat(reached).isNotNull();
    assertThat(reached.has("chain")).isFalse();
    assertThat(reached.path("from").asText())
        .isEqualTo("org.springframework.samples.petclinic.owner.OwnerService#find(int)");
    assertThat(why.path("target").asText()).isEqualTo(test);
    JsonNode chain = why.path("chain");
    assertThat(chain.size()).isEqualTo(reached.path("hops").asInt() + 1).isGreaterThan(1);
    assertThat(chain.get(0).path("symbol").asText()).isEqualTo(reached.path("from").asText());
    assertThat(chain.get(chain.size() - 1).path("symbol").asText()).isEqualTo(test);
  }

  @Test
  void theSecondRunReadsFactsTheLinkedBaseAndTheHistoryFromTheCache() throws IOException {
    TestRepo repo = ownerServiceMadeStricter();

    JsonNode firstReport = analyze(repo, "--format", "json");
    assertThat(temp.resolve("cache/histories")).isDirectoryContaining("glob:**.history");
    JsonNode secondReport = analyze(repo, "--format", "json");
    ObjectNode first = (ObjectNode) firstReport.path("reach");
    ObjectNode second = (ObjectNode) secondReport.path("reach");

    int files = first.path("index").path("javaFiles").asInt();
    assertThat(first.path("index").path("parsed").asInt()).isEqualTo(files + 1);
    assertThat(second.path("index").path("parsed").asInt()).isZero();
    // The first run links the merge-base, then the changed service again; the second only that.
    assertThat(first.path("index").path("linked").asInt()).isEqualTo(files + 1);
    assertThat(second.path("index").path("linked").asInt()).isEqualTo(1);
    first.remove("index");
    second.remove("index");
    // The history features (in the risk factors) too: the second run reads the stored history.
    assertThat(secondReport).isEqualTo(firstReport);
  }

  @Test
  void aChangeOnAMovedMergeBaseIsRelinkedFromTheLastStoredGraph() throws IOException {
    TestRepo repo = ownerServiceMadeStricter();
    analyze(repo, "--format", "json"); // stores the graph of the first merge-base
    repo.checkout("main");
    repo.write(
            OWNER + "Visits.java",
            "package org.springframework.samples.petclinic.owner;\n\n"
                + "class Visits {\n  int count() {\n    return 0;\n  }\n}\n")
        .commit("Count visits");
    repo.branch("feature-2").checkout("feature-2");
    repo.write(
            OWNER + "OwnerService.java", ownerService("return owners.findById(id).orElseThrow();"))
        .commit("Find owners strictly, again");

    ObjectNode derived = (ObjectNode) analyze(repo, "--format", "json").path("reach");
    ObjectNode linkedInFull =
        (ObjectNode)
            analyzeWith(temp.resolve("fresh-cache"), repo, "--format", "json").path("reach");

    int files = derived.path("index").path("javaFiles").asInt();
    // The new file on the merge-base and the changed service: not the merge-base in full, and the
    // merge-base, one file away from the stored graph, gets no graph of its own.
    assertThat(derived.path("index").path("linked").asInt()).isEqualTo(2);
    try (Stream<Path> stored = Files.list(temp.resolve("cache").resolve("graphs"))) {
      assertThat(stored.toList()).hasSize(1);
    }
    assertThat(linkedInFull.path("index").path("linked").asInt()).isEqualTo(files + 1);
    derived.remove("index");
    linkedInFull.remove("index");
    assertThat(derived).isEqualTo(linkedInFull);
  }

  @Test
  void aStoredGraphOfAnotherRepositoryInTheSameCacheIsNotLinkedFrom() throws IOException {
    analyze(ownerServiceMadeStricter(), "--format", "json"); // stores petclinic's merge-base
    TestRepo other = TestRepo.init(temp.resolve("other"));
    other
        .write(
            "src/main/java/a/Clock.java",
            "package a;\n\nclass Clock {\n  long now() {\n" + "    return 0;\n  }\n}\n")
        .write(
            "src/main/java/a/Timer.java",
            "package a;\n\nclass Timer {\n  long start(Clock c) {\n"
                + "    return c.now();\n  }\n}\n")
        .commit("Add a clock");
    other.branch("feature").checkout("feature");
    other
        .write(
            "src/main/java/a/Clock.java",
            "package a;\n\nclass Clock {\n  long now() {\n" + "    return 1;\n  }\n}\n")
        .commit("Tick");

    JsonNode index = analyze(other, "--format", "json").path("reach").path("index");

    // Its two files linked in full (petclinic's graph shares none), then the changed one.
    assertThat(index.path("linked").asInt()).isEqualTo(3);
  }

  @Test
  void aDamagedLinkedBaseIsLinkedAgainWithAWarning() throws IOException {
    TestRepo repo = ownerServiceMadeStricter();
    ObjectNode first = (ObjectNode) analyze(repo, "--format", "json");
    Path graphs = temp.resolve("cache").resolve("graphs");
    try (Stream<Path> stored = Files.list(graphs)) {
      for (Path graph : stored.toList()) {
        byte[] bytes = Files.readAllBytes(graph);
        bytes[bytes.length / 2] ^= 1;
        Files.write(graph, bytes);
      }
    }

    ObjectNode second = (ObjectNode) analyze(repo, "--format", "json");

    assertThat(second.path("diagnostics").toString()).contains("could not be read");
    assertThat(second.path("reach").path("index").path("linked").asInt())
        .isEqualTo(first.path("reach").path("index").path("linked").asInt());
    ((ObjectNode) first.path("reach")).remove("index");
    ((ObjectNode) second.path("reach")).remove("index");
    assertThat(second.path("reach")).isEqualTo(first.path("reach"));
  }

  /** The petclinic mirror with a feature branch that changes what OwnerService#find returns. */
  private TestRepo ownerServiceMadeStricter() {
    TestRepo repo = petclinic();
    repo.branch("feature").checkout("feature");
    repo.write(
            OWNER + "OwnerService.java", ownerService("return owners.findById(id).orElseThrow();"))
        .commit("Find owners strictly");
    return repo;
  }

  private JsonNode analyze(TestRepo repo, String... options) throws IOException {
    return analyzeWith(temp.resolve("cache"), repo, options);
  }

  private static JsonNode analyzeWith(Path cache, TestRepo repo, String... options)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("analyze", "--repo", repo.dir().toString(), "--cache", cache.toString()));
    args.addAll(List.of(options));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    return JSON.readTree(cli.out());
  }

  private static List<String> labels(JsonNode reach) {
    return texts(reach.path("entryPoints"), "label");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }

  private TestRepo petclinic() {
    TestRepo repo = TestRepo.init(temp.resolve("petclinic"));
    repo.write("pom.xml", "<project><artifactId>spring-petclinic</artifactId></project>\n")
        .write(
            "src/main/java/org/springframework/samples/petclinic/PetClinicApplication.java",
            """
            package org.springframework.samples.petclinic;

            import org.springframework.boot.SpringApplication;
            import org.springframework.boot.autoconfigure.SpringBootApplication;

            @SpringBootApplication
            public class PetClinicApplication {
              public static void main(String[] args) {
                SpringApplication.run(PetClinicApplication.class, args);
              }
            }
            """)
        .write(
            OWNER + "OwnerRepository.java",
            """
            package org.springframework.samples.petclinic.owner;

            import java.util.Optional;

            public interface OwnerRepository {
              Optional<Owner> findById(Integer id);
            }
            """)
        .write(
            OWNER + "Owner.java",
            """
            package org.springframework.samples.petclinic.owner;

            public class Owner {
              private String lastName;

              public String getLastName() {
                return lastName;
              }
            }
            """)
        .write(
            OWNER + "OwnerService.java", ownerService("return owners.findById(id).orElse(null);"))
        .write(
            OWNER + "OwnerController.java",
            """
            package org.springframework.samples.petclinic.owner;

            import org.springframework.stereotype.Controller;
            import org.springframework.ui.Model;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;

            @Controller
            class OwnerController {
              private final OwnerService owners;

              OwnerController(OwnerService owners) {
                this.owners = owners;
              }

              @GetMapping("/owners/new")
              public String initCreationForm() {
                return "owners/createOrUpdateOwnerForm";
              }

              @GetMapping("/owners/{ownerId}/edit")
              public String initUpdateOwnerForm(@PathVariable("ownerId") int ownerId, Model model) {
                model.addAttribute(owners.find(ownerId));
                return "owners/createOrUpdateOwnerForm";
              }

              @GetMapping("/owners/{ownerId}")
              public String showOwner(@PathVariable("ownerId") int ownerId, Model model) {
                model.addAttribute(owners.find(ownerId));
                return "owners/ownerDetails";
              }
            }
            """)
        .write(
            OWNER + "PetController.java",
            """
            package org.springframework.samples.petclinic.owner;

            import org.springframework.stereotype.Controller;
            import org.springframework.ui.ModelMap;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RequestMapping;

            @Controller
            @RequestMapping("/owners/{ownerId}")
            class PetController {
              private final OwnerService owners;

              PetController(OwnerService owners) {
                this.owners = owners;
              }

              @GetMapping("/pets/new")
              public String initCreationForm(@PathVariable("ownerId") int ownerId, ModelMap model) {
                model.put("owner", owners.find(ownerId));
                return "pets/createOrUpdatePetForm";
              }
            }
            """)
        .write(
            TESTS + "OwnerControllerTests.java",
            """
            package org.springframework.samples.petclinic.owner;

            import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
            import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

            import org.junit.jupiter.api.Test;
            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
            import org.springframework.test.web.servlet.MockMvc;

            @WebMvcTest(OwnerController.class)
            class OwnerControllerTests {
              @Autowired private MockMvc mockMvc;

              @Test
              void showsOwner() throws Exception {
                mockMvc.perform(get("/owners/{ownerId}", 1)).andExpect(status().isOk());
              }

              @Test
              void initCreationForm() throws Exception {
                mockMvc.perform(get("/owners/new")).andExpect(status().isOk());
              }
            }
            """)
        .write(
            TESTS + "PetControllerTests.java",
            """
            package org.springframework.samples.petclinic.owner;

            import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
            import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

            import org.junit.jupiter.api.Test;
            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
            import org.springframework.test.web.servlet.MockMvc;

            @WebMvcTest(PetController.class)
            class PetControllerTests {
              @Autowired private MockMvc mockMvc;

              @Test
              void initCreationForm() throws Exception {
                mockMvc.perform(get("/owners/{ownerId}/pets/new", 1)).andExpect(status().isOk());
              }
            }
            """)
        .commit("Petclinic owners and pets");
    return repo;
  }

  private static String ownerService(String findBody) {
    return """
        package org.springframework.samples.petclinic.owner;

        import org.springframework.stereotype.Service;

        @Service
        public class OwnerService {
          private final OwnerRepository owners;

          public OwnerService(OwnerRepository owners) {
            this.owners = owners;
          }

          public Owner find(int id) {
            %s
          }
        }
        """
        .formatted(findBody);
  }
}
