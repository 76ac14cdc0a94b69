package dev.scrutineer.analysis.reach.framework;

import static dev.scrutineer.analysis.reach.framework.Facts.ann;
import static dev.scrutineer.analysis.reach.framework.Facts.annotationType;
import static dev.scrutineer.analysis.reach.framework.Facts.file;
import static dev.scrutineer.analysis.reach.framework.Facts.iface;
import static dev.scrutineer.analysis.reach.framework.Facts.member;
import static dev.scrutineer.analysis.reach.framework.Facts.method;
import static dev.scrutineer.analysis.reach.framework.Facts.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrutineer.model.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryPointsTest {
  private static final String PKG = "com.acme";

  private static List<String> labels(FrameworkFacts facts, String type, String signature) {
    return facts.entryPointsOf(member(PKG, type, signature)).stream()
        .map(EntryPointSpec::label)
        .toList();
  }

  private static List<String> kinds(FrameworkFacts facts, String type, String signature) {
    return facts.entryPointsOf(member(PKG, type, signature)).stream()
        .map(EntryPointSpec::kind)
        .distinct()
        .toList();
  }

  @Test
  void springJoinsClassPrefixAndMethodPaths() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/OrderController.java", PKG)
                .with(
                    type("OrderController")
                        .annotate(ann("RestController"), ann("RequestMapping", "value", "/orders"))
                        .with(
                            method("list").annotate(ann("GetMapping")),
                            method("one", "long").annotate(ann("GetMapping", "value", "{id}")),
                            method("create", "Order")
                                .annotate(ann("PostMapping", "path", "/", "path", "/new")),
                            method("replace", "Order")
                                .annotate(
                                    ann(
                                        "RequestMapping",
                                        "value",
                                        "/{id}",
                                        "method",
                                        "RequestMethod.PUT",
                                        "method",
                                        "RequestMethod.PATCH")),
                            method("any").annotate(ann("RequestMapping", "value", "/any")),
                            method("helper").privately()))
                .build());

    assertThat(labels(facts, "OrderController", "list()")).containsExactly("GET /orders");
    assertThat(labels(facts, "OrderController", "one(long)")).containsExactly("GET /orders/{id}");
    assertThat(labels(facts, "OrderController", "create(Order)"))
        .containsExactly("POST /orders/", "POST /orders/new");
    assertThat(labels(facts, "OrderController", "replace(Order)"))
        .containsExactly("PUT /orders/{id}", "PATCH /orders/{id}");
    assertThat(labels(facts, "OrderController", "any()")).containsExactly("ANY /orders/any");
    assertThat(labels(facts, "OrderController", "helper()")).isEmpty();
    assertThat(kinds(facts, "OrderController", "list()")).containsExactly("http");
  }

  @Test
  void springWithoutClassPrefixAndPlainControllerAndNonControllerTypes() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/Web.java", PKG)
                .with(
                    type("Pages")
                        .annotate(ann("org.springframework.stereotype.Controller"))
                        .with(method("home").annotate(ann("GetMapping", "value", "/"))),
                    type("NotAController")
                        .with(method("x").annotate(ann("GetMapping", "value", "/x"))))
                .build());

    assertThat(labels(facts, "Pages", "home()")).containsExactly("GET /");
    assertThat(labels(facts, "NotAController", "x()")).isEmpty();
  }

  @Test
  void composedAnnotationsResolveOneAndTwoLevelsDeep() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/web/Annotations.java", "com.acme.web")
                .with(
                    annotationType("ApiController")
                        .annotate(
                            ann("Retention", "value", "RUNTIME"),
                            ann("RestController"),
                            ann("RequestMapping", "value", "/api")),
                    annotationType("GetJson")
                        .annotate(ann("GetMapping", "produces", "application/json")),
                    annotationType("GetJsonV2").annotate(ann("GetJson")))
                .build(),
            file("src/main/java/com/acme/ItemController.java", PKG)
                .imports("com.acme.web.*")
                .with(
                    type("ItemController")
                        .annotate(ann("ApiController"))
                        .with(
                            method("items").annotate(ann("GetJson", "value", "/items")),
                            method("itemsV2").annotate(ann("GetJsonV2", "value", "/v2/items"))))
                .build());

    assertThat(labels(facts, "ItemController", "items()")).containsExactly("GET /api/items");
    assertThat(labels(facts, "ItemController", "itemsV2()")).containsExactly("GET /api/v2/items");
  }

  @Test
  void jaxRsReadsPathsAndMethodsIncludingThoseInheritedFromAnInterface() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/api/PetApi.java", "com.acme.api")
                .with(
                    iface("PetApi")
                        .annotate(ann("javax.ws.rs.Path", "value", "/pets"))
                        .with(
                            method("get", "String")
                                .annotate(ann("GET"), ann("Path", "value", "/{id}")),
                            method("add", "Pet").annotate(ann("POST"))))
                .build(),
            file("src/main/java/com/acme/PetResource.java", PKG)
                .imports("com.acme.api.PetApi")
                .with(
                    type("PetResource")
                        .extend("PetApi")
                        .with(
                            method("get", "String").annotate(ann("Override")),
                            method("add", "Pet"),
                            method("other")),
                    type("HelloResource")
                        .annotate(ann("Path", "value", "hello"))
                        .with(
                            method("hello").annotate(ann("GET")),
                            method("bye").annotate(ann("DELETE"), ann("Path", "value", "bye"))))
                .build());

    assertThat(labels(facts, "PetResource", "get(String)")).containsExactly("GET /pets/{id}");
    assertThat(labels(facts, "PetResource", "add(Pet)")).containsExactly("POST /pets");
    assertThat(labels(facts, "PetResource", "other()")).isEmpty();
    // The interface's own abstract methods are not handlers; the implementation is.
    assertThat(facts.entryPointsOf(new Symbol("com.acme.api", "PetApi#get(String)"))).isEmpty();
    assertThat(labels(facts, "HelloResource", "hello()")).containsExactly("GET /hello");
    assertThat(labels(facts, "HelloResource", "bye()")).containsExactly("DELETE /hello/bye");
  }

  @Test
  void micronautAndQuarkusRoutes() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/Routes.java", PKG)
                .with(
                    type("StockController")
                        .annotate(ann("io.micronaut.http.annotation.Controller", "value", "/stock"))
                        .with(
                            method("all").annotate(ann("Get")),
                            method("put", "String").annotate(ann("Put", "value", "/{sku}"))),
                    type("Routes")
                        .annotate(ann("RouteBase", "path", "/r"))
                        .with(
                            method("ping")
                                .annotate(
                                    ann("Route", "path", "/ping", "methods", "HttpMethod.GET")),
                            method("sayHello").annotate(ann("Route"))))
                .build());

    assertThat(labels(facts, "StockController", "all()")).containsExactly("GET /stock");
    assertThat(labels(facts, "StockController", "put(String)")).containsExactly("PUT /stock/{sku}");
    assertThat(labels(facts, "Routes", "ping()")).containsExactly("GET /r/ping");
    assertThat(labels(facts, "Routes", "sayHello()")).containsExactly("ANY /r/say-hello");
  }

  @Test
  void servletsAndFilters() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/Servlets.java", PKG)
                .with(
                    type("BaseServlet").extend("HttpServlet").modifiers("abstract"),
                    type("ReportServlet")
                        .extend("BaseServlet")
                        .annotate(ann("WebServlet", "urlPatterns", "/reports", "urlPatterns", "/r"))
                        .with(
                            method("doGet", "HttpServletRequest", "HttpServletResponse"),
                            method("doPost", "HttpServletRequest", "HttpServletResponse"),
                            method("helper")),
                    type("AuditFilter")
                        .extend("OncePerRequestFilter")
                        .with(
                            method(
                                "doFilterInternal",
                                "HttpServletRequest",
                                "HttpServletResponse",
                                "FilterChain")),
                    type("PlainFilter")
                        .extend("javax.servlet.Filter")
                        .with(
                            method("doFilter", "ServletRequest", "ServletResponse", "FilterChain")))
                .build());

    assertThat(labels(facts, "ReportServlet", "doGet(HttpServletRequest,HttpServletResponse)"))
        .containsExactly("servlet ReportServlet", "GET /reports", "GET /r");
    assertThat(labels(facts, "ReportServlet", "doPost(HttpServletRequest,HttpServletResponse)"))
        .contains("servlet ReportServlet", "POST /reports");
    assertThat(labels(facts, "ReportServlet", "helper()")).isEmpty();
    assertThat(
            labels(
                facts,
                "AuditFilter",
                "doFilterInternal(HttpServletRequest,HttpServletResponse,FilterChain)"))
        .containsExactly("filter AuditFilter");
    assertThat(
            kinds(
                facts,
                "AuditFilter",
                "doFilterInternal(HttpServletRequest,HttpServletResponse,FilterChain)"))
        .containsExactly("servlet");
    assertThat(labels(facts, "PlainFilter", "doFilter(ServletRequest,ServletResponse,FilterChain)"))
        .containsExactly("filter PlainFilter");
  }

  @Test
  void mainMethods() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/App.java", PKG)
                .with(
                    type("App")
                        .with(
                            method("main", "String[]").modifiers("static"),
                            method("main", "String").modifiers("static")),
                    type("NotMain").with(method("main", "String[]")))
                .build());

    assertThat(labels(facts, "App", "main(String[])")).containsExactly("main App");
    assertThat(kinds(facts, "App", "main(String[])")).containsExactly("main");
    assertThat(labels(facts, "App", "main(String)")).isEmpty();
    assertThat(labels(facts, "NotMain", "main(String[])")).isEmpty();
  }

  @Test
  void scheduledJobs() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/Jobs.java", PKG)
                .with(
                    type("Jobs")
                        .with(
                            method("nightly").annotate(ann("Scheduled", "cron", "0 0 * * *")),
                            method("poll").annotate(ann("Scheduled", "fixedRate", "5000")),
                            method("sweep").annotate(ann("Scheduled", "fixedDelay", "60000L")),
                            method("tick")
                                .annotate(
                                    ann(
                                        "Scheduled",
                                        "fixedRate",
                                        "5",
                                        "timeUnit",
                                        "TimeUnit.SECONDS")),
                            method("quarkus").annotate(ann("Scheduled", "every", "10s"))))
                .build());

    assertThat(labels(facts, "Jobs", "nightly()")).containsExactly("cron 0 0 * * *");
    assertThat(labels(facts, "Jobs", "poll()")).containsExactly("every 5000 ms");
    assertThat(labels(facts, "Jobs", "sweep()")).containsExactly("every 60000 ms");
    assertThat(labels(facts, "Jobs", "tick()")).containsExactly("every 5 s");
    assertThat(labels(facts, "Jobs", "quarkus()")).containsExactly("every 10s");
    assertThat(kinds(facts, "Jobs", "poll()")).containsExactly("schedule");
  }

  @Test
  void listeners() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/Listeners.java", PKG)
                .with(
                    type("Listeners")
                        .with(
                            method("orders", "Order")
                                .annotate(
                                    ann("KafkaListener", "topics", "orders", "topics", "refunds")),
                            method("jms", "String")
                                .annotate(ann("JmsListener", "destination", "invoices")),
                            method("rabbit", "String")
                                .annotate(ann("RabbitListener", "queues", "emails")),
                            method("sqs", "String")
                                .annotate(ann("SqsListener", "value", "uploads")),
                            method("sqs2", "String")
                                .annotate(ann("SqsListener", "queueNames", "thumbnails")),
                            method("onEvent", "OrderPlaced").annotate(ann("EventListener")),
                            method("onClasses")
                                .annotate(ann("EventListener", "classes", "Started.class"))),
                    type("ClassLevel")
                        .annotate(ann("KafkaListener", "topics", "audit"))
                        .with(method("handle", "String").annotate(ann("KafkaHandler"))))
                .build());

    assertThat(labels(facts, "Listeners", "orders(Order)"))
        .containsExactly("topic orders", "topic refunds");
    assertThat(kinds(facts, "Listeners", "orders(Order)")).containsExactly("message");
    assertThat(labels(facts, "Listeners", "jms(String)")).containsExactly("queue invoices");
    assertThat(labels(facts, "Listeners", "rabbit(String)")).containsExactly("queue emails");
    assertThat(labels(facts, "Listeners", "sqs(String)")).containsExactly("queue uploads");
    assertThat(labels(facts, "Listeners", "sqs2(String)")).containsExactly("queue thumbnails");
    assertThat(labels(facts, "Listeners", "onEvent(OrderPlaced)"))
        .containsExactly("event OrderPlaced");
    assertThat(kinds(facts, "Listeners", "onEvent(OrderPlaced)")).containsExactly("event");
    assertThat(labels(facts, "Listeners", "onClasses()")).containsExactly("event Started");
    assertThat(labels(facts, "ClassLevel", "handle(String)")).containsExactly("topic audit");
  }

  @Test
  void grpcServices() {
    FrameworkFacts facts =
        Fixtures.analyze(
            file("src/main/java/com/acme/GreeterService.java", PKG)
                .with(
                    type("GreeterService")
                        .extend("GreeterGrpc.GreeterImplBase")
                        .with(
                            method("sayHello", "HelloRequest", "StreamObserver"),
                            method("chat", "StreamObserver").returns("StreamObserver"),
                            method("status").annotate(ann("Override")),
                            method("helper", "String").privately()))
                .build());

    assertThat(labels(facts, "GreeterService", "sayHello(HelloRequest,StreamObserver)"))
        .containsExactly("grpc Greeter/sayHello");
    assertThat(kinds(facts, "GreeterService", "sayHello(HelloRequest,StreamObserver)"))
        .containsExactly("grpc");
    assertThat(labels(facts, "GreeterService", "chat(StreamObserver)"))
        .containsExactly("grpc Greeter/chat");
    assertThat(labels(facts, "GreeterService", "status()")).containsExactly("grpc Greeter/status");
    assertThat(labels(facts, "GreeterService", "helper(String)")).isEmpty();
  }

  @Test
  void joinNormalisesSlashes() {
    assertThat(EntryPoints.join("", "")).isEqualTo("/");
    assertThat(EntryPoints.join("/a/", "/b")).isEqualTo("/a/b");
    assertThat(EntryPoints.join("a", "b")).isEqualTo("/a/b");
    assertThat(EntryPoints.join("/a", "")).isEqualTo("/a");
  }
}
