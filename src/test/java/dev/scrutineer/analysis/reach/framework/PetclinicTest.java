package dev.scrutineer.analysis.reach.framework;

import static dev.scrutineer.analysis.reach.framework.Facts.ann;
import static dev.scrutineer.analysis.reach.framework.Facts.call;
import static dev.scrutineer.analysis.reach.framework.Facts.file;
import static dev.scrutineer.analysis.reach.framework.Facts.method;
import static dev.scrutineer.analysis.reach.framework.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.Symbol;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The mappings of spring-petclinic's owner and pet controllers, and one of its MockMvc tests. */
class PetclinicTest {
  private static final String PKG = "org.springframework.samples.petclinic.owner";

  private static FileFacts ownerController() {
    return file(
            "src/main/java/org/springframework/samples/petclinic/owner/OwnerController.java", PKG)
        .with(
            type("OwnerController")
                .annotate(ann("Controller"))
                .with(
                    method("initCreationForm", "Map")
                        .annotate(ann("GetMapping", "value", "/owners/new")),
                    method("processCreationForm", "Owner", "BindingResult", "RedirectAttributes")
                        .annotate(ann("PostMapping", "value", "/owners/new")),
                    method("initFindForm").annotate(ann("GetMapping", "value", "/owners/find")),
                    method("processFindForm", "int", "Owner", "BindingResult", "Model")
                        .annotate(ann("GetMapping", "value", "/owners")),
                    method("initUpdateOwnerForm", "int", "Model")
                        .annotate(ann("GetMapping", "value", "/owners/{ownerId}/edit")),
                    method(
                            "processUpdateOwnerForm",
                            "Owner",
                            "BindingResult",
                            "int",
                            "RedirectAttributes")
                        .annotate(ann("PostMapping", "value", "/owners/{ownerId}/edit")),
                    method("showOwner", "int")
                        .annotate(ann("GetMapping", "value", "/owners/{ownerId}"))))
        .build();
  }

  private static FileFacts petController() {
    return file("src/main/java/org/springframework/samples/petclinic/owner/PetController.java", PKG)
        .with(
            type("PetController")
                .annotate(ann("Controller"), ann("RequestMapping", "value", "/owners/{ownerId}"))
                .with(
                    method("initCreationForm", "Owner", "ModelMap")
                        .annotate(ann("GetMapping", "value", "/pets/new")),
                    method("processCreationForm", "Owner", "Pet", "BindingResult", "ModelMap")
                        .annotate(ann("PostMapping", "value", "/pets/new")),
                    method("initUpdateForm", "Owner", "int", "ModelMap")
                        .annotate(ann("GetMapping", "value", "/pets/{petId}/edit")),
                    method("processUpdateForm", "Pet", "BindingResult", "Owner", "ModelMap")
                        .annotate(ann("PostMapping", "value", "/pets/{petId}/edit"))))
        .build();
  }

  private static FileFacts petControllerTests() {
    return file(
            "src/test/java/org/springframework/samples/petclinic/owner/PetControllerTests.java",
            PKG)
        .with(
            type("PetControllerTests")
                .annotate(ann("WebMvcTest", "value", "PetController.class"))
                .with(
                    method("testProcessUpdateFormSuccess")
                        .annotate(ann("Test"))
                        .refs(call("post", "/owners/{ownerId}/pets/{petId}/edit")),
                    method("testInitCreationForm")
                        .annotate(ann("Test"))
                        .refs(call("get", "/owners/{ownerId}/pets/new"))))
        .build();
  }

  @Test
  void labelsAreWhatOnCallEngineersRecognise() {
    FrameworkFacts facts = Fixtures.analyze(ownerController(), petController());

    Map<String, String> labels = new TreeMap<>();
    facts
        .entryPoints()
        .forEach(
            (symbol, specs) -> {
              assertThat(specs).hasSize(1);
              labels.put(specs.get(0).label(), symbol.name().replaceAll("\\(.*", ""));
            });
    assertThat(labels)
        .containsExactly(
            Map.entry("GET /owners", "OwnerController#processFindForm"),
            Map.entry("GET /owners/find", "OwnerController#initFindForm"),
            Map.entry("GET /owners/new", "OwnerController#initCreationForm"),
            Map.entry("GET /owners/{ownerId}", "OwnerController#showOwner"),
            Map.entry("GET /owners/{ownerId}/edit", "OwnerController#initUpdateOwnerForm"),
            Map.entry("GET /owners/{ownerId}/pets/new", "PetController#initCreationForm"),
            Map.entry("GET /owners/{ownerId}/pets/{petId}/edit", "PetController#initUpdateForm"),
            Map.entry("POST /owners/new", "OwnerController#processCreationForm"),
            Map.entry("POST /owners/{ownerId}/edit", "OwnerController#processUpdateOwnerForm"),
            Map.entry("POST /owners/{ownerId}/pets/new", "PetController#processCreationForm"),
            Map.entry(
                "POST /owners/{ownerId}/pets/{petId}/edit", "PetController#processUpdateForm"));
  }

  @Test
  void theControllerTestReachesTheHandlersItPostsToAndTheControllerItNames() {
    FrameworkFacts facts =
        FrameworkFacts.analyze(
            List.of(ownerController(), petController(), petControllerTests()),
            new MemoryTree(),
            Fixtures.change());

    assertThat(facts.edges())
        .extracting(e -> e.from().name(), e -> e.to().name(), Edge::via)
        .containsExactlyInAnyOrder(
            tuple("PetControllerTests", "PetController", "class-literal"),
            tuple(
                "PetControllerTests#testProcessUpdateFormSuccess()",
                "PetController#processUpdateForm(Pet,BindingResult,Owner,ModelMap)",
                "request-path"),
            tuple(
                "PetControllerTests#testInitCreationForm()",
                "PetController#initCreationForm(Owner,ModelMap)",
                "request-path"));
    assertThat(facts.tests())
        .contains(
            new Symbol(PKG, "PetControllerTests"),
            new Symbol(PKG, "PetControllerTests#testInitCreationForm()"));
  }
}
