package dev.scrutineer.analysis.reach.framework;

import static dev.scrutineer.analysis.reach.framework.Facts.ann;
import static dev.scrutineer.analysis.reach.framework.Facts.at;
import static dev.scrutineer.analysis.reach.framework.Facts.call;
import static dev.scrutineer.analysis.reach.framework.Facts.callOn;
import static dev.scrutineer.analysis.reach.framework.Facts.field;
import static dev.scrutineer.analysis.reach.framework.Facts.file;
import static dev.scrutineer.analysis.reach.framework.Facts.iface;
import static dev.scrutineer.analysis.reach.framework.Facts.member;
import static dev.scrutineer.analysis.reach.framework.Facts.method;
import static dev.scrutineer.analysis.reach.framework.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Symbol;
import org.junit.jupiter.api.Test;

class TestsAndEdgesTest {
  private static final String PKG = "com.acme";

  @Test
  void testMethodsOfEveryFramework() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/test/java/com/acme/AllTests.java", PKG)
                .with(
                    type("Junit5Test")
                        .with(
                            method("plain").annotate(ann("org.junit.jupiter.api.Test")),
                            method("param", "int").annotate(ann("ParameterizedTest")),
                            method("repeated").annotate(ann("RepeatedTest", "value", "3")),
                            method("factory").annotate(ann("TestFactory")),
                            method("template").annotate(ann("TestTemplate")),
                            method("setUp").annotate(ann("BeforeEach"))),
                    type("Junit4Test").with(method("old").annotate(ann("org.junit.Test"))),
                    type("NgTest")
                        .annotate(ann("org.testng.annotations.Test"))
                        .with(
                            method("one"),
                            method("before").annotate(ann("BeforeMethod")),
                            method("hidden").privately()),
                    type("Helper").with(method("build")))
                .build(),
            file("src/main/java/com/acme/Service.java", PKG)
                .with(type("Service").with(method("run")))
                .build());

    assertThat(facts.tests())
        .contains(
            member(PKG, "Junit5Test", "plain()"),
            member(PKG, "Junit5Test", "param(int)"),
            member(PKG, "Junit5Test", "repeated()"),
            member(PKG, "Junit5Test", "factory()"),
            member(PKG, "Junit5Test", "template()"),
            member(PKG, "Junit4Test", "old()"),
            member(PKG, "NgTest", "one()"))
        .doesNotContain(
            member(PKG, "Junit5Test", "setUp()"),
            member(PKG, "NgTest", "before()"),
            member(PKG, "NgTest", "hidden()"),
            member(PKG, "Helper", "build()"),
            new Symbol(PKG, "Service"));
    assertThat(facts.testClasses())
        .containsExactlyInAnyOrder(
            new Symbol(PKG, "Junit5Test"),
            new Symbol(PKG, "Junit4Test"),
            new Symbol(PKG, "NgTest"),
            new Symbol(PKG, "Helper"));
  }

  @Test
  void inheritedTestsRunInEachConcreteSubclass() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/test/java/com/acme/base/AbstractRepoTest.java", "com.acme.base")
                .with(
                    type("AbstractRepoTest")
                        .modifiers("abstract")
                        .with(
                            method("saves").annotate(ann("Test")),
                            method("finds").annotate(ann("Test")),
                            method("repo").modifiers("abstract")))
                .build(),
            file("it/JdbcRepoIT.java", PKG)
                .imports("com.acme.base.AbstractRepoTest")
                .with(
                    type("JdbcRepoIT")
                        .extend("AbstractRepoTest")
                        .with(method("repo"), method("finds").annotate(ann("Test"))))
                .build());

    Symbol saves = new Symbol("com.acme.base", "AbstractRepoTest#saves()");
    Symbol jdbc = new Symbol(PKG, "JdbcRepoIT");
    assertThat(facts.edges())
        .filteredOn(e -> e.via().equals("inherited-test"))
        .extracting(Edge::from, Edge::to, Edge::confidence)
        .containsExactly(tuple(jdbc, saves, Confidence.MEDIUM));
    assertThat(facts.tests()).contains(saves, jdbc, member(PKG, "JdbcRepoIT", "finds()"));
  }

  @Test
  void classLiteralsInTestAnnotationsResolveThroughImportsAndPackage() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/web/OrderController.java", "com.acme.web")
                .with(type("OrderController"))
                .build(),
            file("src/main/java/com/acme/config/SecurityConfig.java", "com.acme.config")
                .with(type("SecurityConfig"), type("Other"))
                .build(),
            file("src/main/java/com/acme/App.java", PKG).with(type("App")).build(),
            file("src/test/java/com/acme/OrderControllerTest.java", PKG)
                .imports("com.acme.web.OrderController", "com.acme.config.*")
                .with(
                    type("OrderControllerTest")
                        .annotate(
                            ann("WebMvcTest", "value", "OrderController.class"),
                            ann("Import", "value", "SecurityConfig.class"),
                            ann("ContextConfiguration", "classes", "Unknown.class"))
                        .with(method("works").annotate(ann("Test"))),
                    type("BootTest")
                        .annotate(ann("SpringBootTest", "classes", "App.class"))
                        .with(method("boots").annotate(ann("Test"))))
                .build());

    assertThat(facts.edges())
        .filteredOn(e -> e.via().equals("class-literal"))
        .extracting(e -> e.from().name(), e -> e.to().qualified(), Edge::confidence)
        .containsExactlyInAnyOrder(
            tuple("OrderControllerTest", "com.acme.web.OrderController", Confidence.MEDIUM),
            tuple("OrderControllerTest", "com.acme.config.SecurityConfig", Confidence.MEDIUM),
            tuple("BootTest", "com.acme.App", Confidence.MEDIUM));
  }

  private static FileFacts controller() {
    return file("src/main/java/com/acme/OwnerController.java", PKG)
        .with(
            type("OwnerController")
                .annotate(ann("Controller"))
                .with(
                    method("initCreationForm").annotate(ann("GetMapping", "value", "/owners/new")),
                    method("processCreationForm", "Owner")
                        .annotate(ann("PostMapping", "value", "/owners/new")),
                    method("showOwner", "int")
                        .annotate(ann("GetMapping", "value", "/owners/{ownerId}")),
                    method("initUpdate", "int")
                        .annotate(ann("GetMapping", "value", "/owners/{ownerId}/edit")),
                    method("processUpdate", "Owner", "int")
                        .annotate(ann("PostMapping", "value", "/owners/{ownerId}/edit"))))
        .build();
  }

  @Test
  void requestPathsMatchTemplatesAndConcretePathsAndRespectTheMethod() {
    FrameworkFacts facts =
        Fixtures.analyze(
            controller(),
            file("src/test/java/com/acme/OwnerControllerTests.java", PKG)
                .with(
                    type("OwnerControllerTests")
                        .with(
                            method("template")
                                .annotate(ann("Test"))
                                .refs(call("get", "/owners/{id}/edit"), call("perform", "x")),
                            method("concrete")
                                .annotate(ann("Test"))
                                .refs(call("post", "/owners/1/edit?x=1")),
                            method("literalWins")
                                .annotate(ann("Test"))
                                .refs(call("get", "/owners/new")),
                            method("variableWins")
                                .annotate(ann("Test"))
                                .refs(call("get", "/owners/{ownerId}")),
                            method("wrongMethod")
                                .annotate(ann("Test"))
                                .refs(call("delete", "/owners/1")),
                            method("noSuchPath").annotate(ann("Test")).refs(call("get", "/vets/1")),
                            method("absolute")
                                .annotate(ann("Test"))
                                .refs(call("getForObject", "http://localhost:8080/owners/7")),
                            method("webClient")
                                .annotate(ann("Test"))
                                .refs(
                                    callOn("WebTestClient", "post", 0, 10),
                                    at(call("uri", "/owners/new"), 11)),
                            method("mockRequest")
                                .annotate(ann("Test"))
                                .refs(
                                    field("HttpMethod", "GET", 20),
                                    at(call("request", "/owners/5/edit"), 20))))
                .build());

    assertThat(facts.edges())
        .filteredOn(e -> e.via().equals("request-path"))
        .extracting(e -> e.from().name(), e -> e.to().name(), Edge::confidence)
        .containsExactlyInAnyOrder(
            tuple(
                "OwnerControllerTests#template()",
                "OwnerController#initUpdate(int)",
                Confidence.MEDIUM),
            tuple(
                "OwnerControllerTests#concrete()",
                "OwnerController#processUpdate(Owner,int)",
                Confidence.MEDIUM),
            tuple(
                "OwnerControllerTests#literalWins()",
                "OwnerController#initCreationForm()",
                Confidence.MEDIUM),
            tuple(
                "OwnerControllerTests#variableWins()",
                "OwnerController#showOwner(int)",
                Confidence.MEDIUM),
            tuple(
                "OwnerControllerTests#absolute()",
                "OwnerController#showOwner(int)",
                Confidence.MEDIUM),
            tuple(
                "OwnerControllerTests#webClient()",
                "OwnerController#processCreationForm(Owner)",
                Confidence.MEDIUM),
            tuple(
                "OwnerControllerTests#mockRequest()",
                "OwnerController#initUpdate(int)",
                Confidence.MEDIUM));
  }

  @Test
  void requestPathsInProductionCodeAreNotTests() {
    FrameworkFacts facts =
        Fixtures.analyze(
            controller(),
            file("src/main/java/com/acme/Client.java", PKG)
                .with(type("Client").with(method("fetch").refs(call("get", "/owners/1"))))
                .build());

    assertThat(facts.edges()).noneMatch(e -> e.via().equals("request-path"));
  }

  @Test
  void requestPathMatchingRules() {
    assertThat(IndirectEdges.requestPath("/a?b=c#d")).isEqualTo("/a");
    assertThat(IndirectEdges.requestPath("https://host")).isEqualTo("/");
    assertThat(IndirectEdges.requestPath("owners")).isNull();
    Symbol any = new Symbol(PKG, "H#any()");
    Symbol wild = new Symbol(PKG, "H#wild()");
    var handlers =
        java.util.List.of(
            new EntryPoints.Handler("ANY", "/files/**", wild),
            new EntryPoints.Handler("ANY", "/a/*/c", any));
    assertThat(IndirectEdges.match(handlers, "GET", "/files/x/y")).containsExactly(wild);
    assertThat(IndirectEdges.match(handlers, "PUT", "/a/b/c")).containsExactly(any);
    assertThat(IndirectEdges.match(handlers, "PUT", "/a/b")).isEmpty();
  }

  @Test
  void interfaceTestMethodsAreInheritedToo() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/test/java/com/acme/Contract.java", PKG)
                .with(
                    iface("ContractTest").with(method("honours").annotate(ann("Test"))),
                    type("ImplTest").extend("ContractTest"))
                .build());

    assertThat(facts.edges())
        .extracting(Edge::from, Edge::to)
        .contains(tuple(new Symbol(PKG, "ImplTest"), member(PKG, "ContractTest", "honours()")));
  }

  @Test
  void handlersDependOnThePropertiesOfWhatTheyReturnAndBindAtLowConfidence() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/api/OrderApi.java", "com.acme.api")
                .with(
                    iface("OrderApi")
                        .annotate(ann("RequestMapping", "value", "/orders"))
                        .with(
                            method("create", "OrderRequest")
                                .returns("OrderView")
                                .annotateParameter(0, ann("RequestBody"))
                                .annotate(ann("PostMapping"))))
                .build(),
            file("src/main/java/com/acme/OrderController.java", PKG)
                .imports("com.acme.api.OrderApi")
                .with(
                    type("OrderController")
                        .annotate(ann("RestController"))
                        .extend("OrderApi")
                        .with(method("create", "OrderRequest").returns("OrderView")),
                    type("OrderRequest")
                        .with(
                            method("setSku", "String"),
                            method("getSku").returns("String"),
                            method("set", "String"),
                            method("validate").returns("boolean")),
                    type("OrderView")
                        .with(
                            method("getLines").returns("Line"),
                            method("isPaid").returns("boolean"),
                            method("of", "Order").modifiers("static").returns("OrderView")),
                    type("Line").with(method("getQuantity").returns("int")))
                .build());

    Symbol handler = member(PKG, "OrderController", "create(OrderRequest)");
    assertThat(facts.entryPointsOf(handler))
        .containsExactly(new EntryPointSpec("http", "POST /orders"));
    assertThat(facts.edges())
        .filteredOn(e -> e.via().equals("reflection"))
        .allSatisfy(
            e -> {
              assertThat(e.from()).isEqualTo(handler);
              assertThat(e.confidence()).isEqualTo(Confidence.LOW);
            })
        .extracting(e -> e.to().name())
        .containsExactlyInAnyOrder(
            "OrderRequest#setSku(String)",
            "OrderRequest#getSku()",
            "OrderView#getLines()",
            "OrderView#isPaid()",
            "Line#getQuantity()");
  }
}
