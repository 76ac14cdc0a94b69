package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Entry-point rules: which methods a framework calls from outside the program, and what they are
 * called in production. Each rule reads annotations and supertypes only; nothing is resolved beyond
 * {@link TypeIndex}.
 */
final class EntryPoints {
  /** An HTTP handler, kept to match request paths written in tests. */
  record Handler(String method, String path, Symbol symbol) {}

  static final String HTTP = "http";
  static final String SERVLET = "servlet";
  static final String MAIN = "main";
  static final String SCHEDULE = "schedule";
  static final String MESSAGE = "message";
  static final String EVENT = "event";
  static final String GRPC = "grpc";

  static final String ANY = "ANY";

  private static final Map<String, String> SPRING_MAPPINGS =
      Map.of(
          "GetMapping", "GET",
          "PostMapping", "POST",
          "PutMapping", "PUT",
          "DeleteMapping", "DELETE",
          "PatchMapping", "PATCH",
          "RequestMapping", ANY);
  private static final Set<String> JAXRS_METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final Map<String, String> MICRONAUT_METHODS =
      Map.of(
          "Get", "GET",
          "Post", "POST",
          "Put", "PUT",
          "Delete", "DELETE",
          "Patch", "PATCH",
          "Head", "HEAD",
          "Options", "OPTIONS",
          "Trace", "TRACE");
  private static final Map<String, String> SERVLET_METHODS =
      Map.of(
          "doGet", "GET",
          "doPost", "POST",
          "doPut", "PUT",
          "doDelete", "DELETE",
          "doHead", "HEAD",
          "doOptions", "OPTIONS",
          "doTrace", "TRACE",
          "service", ANY);
  private static final Set<String> SERVLET_TYPES = Set.of("HttpServlet", "GenericServlet");
  private static final Set<String> FILTER_TYPES =
      Set.of("Filter", "OncePerRequestFilter", "GenericFilterBean", "HttpFilter", "WebFilter");
  private static final Set<String> FILTER_METHODS = Set.of("doFilter", "doFilterInternal");

  /**
   * The entry points of one type's members, in the order the rules find them, and the HTTP handlers
   * among them.
   */
  record Found(Map<Symbol, List<EntryPointSpec>> entryPoints, List<Handler> handlers) {
    static final Found NONE = new Found(Map.of(), List.of());

    Found {
      Map<Symbol, List<EntryPointSpec>> copy = new LinkedHashMap<>();
      entryPoints.forEach((symbol, specs) -> copy.put(symbol, List.copyOf(specs)));
      entryPoints = Collections.unmodifiableMap(copy);
      handlers = List.copyOf(handlers);
    }
  }

  private final TypeIndex index;

  /** Whether a type has methods with mappings of their own. */
  private final TypeIndex.Memo<Boolean> webTypes;

  // What the type being scanned has, while it is.
  private Map<Symbol, List<EntryPointSpec>> found;
  private Set<Handler> handlers;

  EntryPoints(TypeIndex index) {
    this.index = index;
    this.webTypes = index.memo();
  }

  /** The entry points of {@code entry}'s members. */
  Found of(Entry entry) {
    found = new LinkedHashMap<>();
    handlers = new LinkedHashSet<>();
    scanType(entry);
    return found.isEmpty() && handlers.isEmpty()
        ? Found.NONE // most types
        : new Found(found, List.copyOf(handlers));
  }

  private void scanType(Entry entry) {
    boolean concrete =
        entry.type().kind() != DeclarationKind.INTERFACE
            && entry.type().kind() != DeclarationKind.ANNOTATION_TYPE;
    List<AnnotationFact> typeAnnotations = index.expand(entry.type().annotations(), entry);
    String grpcService = grpcService(entry);
    boolean inheritsWebMethods = concrete && inheritsWebMethods(entry);
    for (MemberFact member : entry.type().members()) {
      if (member.kind() != DeclarationKind.METHOD) {
        continue;
      }
      List<AnnotationFact> annotations = index.expand(member.annotations(), entry);
      if (concrete && !member.modifiers().contains("abstract")) {
        web(entry, typeAnnotations, inheritsWebMethods, member, annotations);
        servlet(entry, typeAnnotations, member);
      }
      main(entry, member);
      if (!annotations.isEmpty()) { // most methods: nothing scheduled, nothing listening
        scheduled(entry, member, annotations);
        listeners(entry, typeAnnotations, member, annotations);
      }
      if (grpcService != null && concrete) {
        grpc(grpcService, member);
      }
    }
  }

  private void add(Symbol symbol, String kind, String label) {
    List<EntryPointSpec> specs = found.computeIfAbsent(symbol, k -> new ArrayList<>());
    EntryPointSpec spec = new EntryPointSpec(kind, label);
    if (!specs.contains(spec)) {
      specs.add(spec);
    }
  }

  private void http(Symbol symbol, String method, String path) {
    add(symbol, HTTP, method + " " + path);
    handlers.add(new Handler(method, path, symbol));
  }

  // ---- Spring MVC / WebFlux, JAX-RS (and Quarkus RESTEasy), Micronaut, Quarkus @Route

  /**
   * HTTP mappings of one method. Its own annotations count, or else those of the supertype method
   * it overrides (JAX-RS and Spring both inherit mappings from interfaces); the class-level path
   * comes from the type or, when it has none, from the nearest supertype that has one.
   */
  private void web(
      Entry entry,
      List<AnnotationFact> typeAnnotations,
      boolean inheritsWebMethods,
      MemberFact member,
      List<AnnotationFact> annotations) {
    List<AnnotationFact> methodAnnotations = annotations;
    if (!isWebMethod(methodAnnotations)) {
      if (!inheritsWebMethods) {
        return; // most methods: no supertype has a mapping to inherit, no override to look for
      }
      Optional<MemberFact> overridden = index.overridden(entry, member);
      if (overridden.isEmpty()) {
        return;
      }
      Entry declaring = index.declaring(entry, overridden.get()).orElse(entry);
      methodAnnotations = index.expand(overridden.get().annotations(), declaring);
      if (!isWebMethod(methodAnnotations)) {
        return;
      }
    }
    List<AnnotationFact> classAnnotations = new ArrayList<>(typeAnnotations);
    for (Entry ancestor : index.ancestors(entry)) {
      classAnnotations.addAll(index.expand(ancestor.type().annotations(), ancestor));
    }
    Symbol symbol = member.symbol();

    // Spring: a controller type (or one with a class-level @RequestMapping) and a mapping.
    boolean springController =
        has(classAnnotations, "RestController")
            || has(classAnnotations, "Controller")
            || has(classAnnotations, "RequestMapping");
    Optional<AnnotationFact> springMapping =
        methodAnnotations.stream()
            .filter(a -> SPRING_MAPPINGS.containsKey(a.simpleName()))
            .findFirst();
    if (springController && springMapping.isPresent()) {
      AnnotationFact mapping = springMapping.get();
      List<String> prefixes = paths(first(classAnnotations, "RequestMapping"), "value", "path");
      List<String> paths = paths(Optional.of(mapping), "value", "path");
      List<String> methods = new ArrayList<>();
      String fixed = SPRING_MAPPINGS.get(mapping.simpleName());
      if (fixed.equals(ANY)) {
        mapping.value("method").forEach(m -> methods.add(lastSegment(m).toUpperCase(Locale.ROOT)));
      } else {
        methods.add(fixed);
      }
      if (methods.isEmpty()) {
        methods.add(ANY);
      }
      emitHttp(symbol, methods, prefixes, paths);
      return;
    }

    // JAX-RS: @Path on the class and/or method, an HTTP method annotation.
    List<String> jaxrs =
        methodAnnotations.stream()
            .map(AnnotationFact::simpleName)
            .filter(JAXRS_METHODS::contains)
            .distinct()
            .toList();
    Optional<AnnotationFact> classPath = first(classAnnotations, "Path");
    Optional<AnnotationFact> methodPath = first(methodAnnotations, "Path");
    if (!jaxrs.isEmpty() && (classPath.isPresent() || methodPath.isPresent())) {
      emitHttp(symbol, jaxrs, paths(classPath, "value"), paths(methodPath, "value"));
      return;
    }

    // Micronaut: @Controller("/x") and @Get, @Post...
    Optional<AnnotationFact> micronaut =
        methodAnnotations.stream()
            .filter(a -> MICRONAUT_METHODS.containsKey(a.simpleName()))
            .findFirst();
    if (micronaut.isPresent() && has(classAnnotations, "Controller")) {
      emitHttp(
          symbol,
          List.of(MICRONAUT_METHODS.get(micronaut.get().simpleName())),
          paths(first(classAnnotations, "Controller"), "value"),
          paths(micronaut, "value", "uri", "uris"));
      return;
    }

    // Quarkus reactive routes: @Route(path, methods), @RouteBase(path) on the class.
    Optional<AnnotationFact> route = first(methodAnnotations, "Route");
    if (route.isPresent()) {
      List<String> paths = paths(route, "path", "value", "regex");
      if (paths.equals(List.of(""))) {
        paths = List.of(hyphenate(member.name()));
      }
      List<String> methods = new ArrayList<>();
      route
          .get()
          .value("methods")
          .forEach(m -> methods.add(lastSegment(m).toUpperCase(Locale.ROOT)));
      if (methods.isEmpty()) {
        methods.add(ANY);
      }
      emitHttp(
          symbol, methods, paths(first(classAnnotations, "RouteBase"), "path", "value"), paths);
    }
  }

  private boolean inheritsWebMethods(Entry entry) {
    for (Entry ancestor : index.ancestors(entry)) {
      if (hasWebMethod(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any method of the type has a mapping of its own; worked out once per type. */
  private boolean hasWebMethod(Entry entry) {
    return webTypes.get(entry, this::findWebMethod);
  }

  private boolean findWebMethod(Entry entry) {
    for (MemberFact member : entry.type().members()) {
      if (member.kind() == DeclarationKind.METHOD
          && isWebMethod(index.expand(member.annotations(), entry))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWebMethod(List<AnnotationFact> annotations) {
    for (int i = 0; i < annotations.size(); i++) {
      String n = annotations.get(i).simpleName();
      if (SPRING_MAPPINGS.containsKey(n)
          || JAXRS_METHODS.contains(n)
          || MICRONAUT_METHODS.containsKey(n)
          || n.equals("Route")) {
        return true;
      }
    }
    return false;
  }

  private void emitHttp(
      Symbol symbol, List<String> methods, List<String> prefixes, List<String> paths) {
    for (String method : methods) {
      for (String prefix : prefixes) {
        for (String path : paths) {
          http(symbol, method, join(prefix, path));
        }
      }
    }
  }

  /** The paths an annotation names, or one empty path when it names none or is absent. */
  private static List<String> paths(Optional<AnnotationFact> annotation, String... attributes) {
    List<String> out = new ArrayList<>();
    annotation.ifPresent(
        a -> {
          for (String attribute : attributes) {
            out.addAll(a.value(attribute));
          }
        });
    return out.isEmpty() ? List.of("") : out.stream().distinct().toList();
  }

  /** Class prefix and method path as the framework joins them: one slash between, one in front. */
  static String join(String prefix, String path) {
    String joined = prefix.isEmpty() || path.isEmpty() ? prefix + path : prefix + "/" + path;
    return ("/" + joined).replaceAll("/{2,}", "/");
  }

  private static String hyphenate(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  // ---- Servlets and filters

  private void servlet(Entry entry, List<AnnotationFact> typeAnnotations, MemberFact member) {
    String name = member.name();
    if (!SERVLET_METHODS.containsKey(name)
        && !FILTER_METHODS.contains(name)
        && !name.equals("filter")) {
      return; // most methods: no need for the supertypes' names
    }
    String className = entry.type().symbol().name();
    Set<String> supertypes = index.ancestorNames(entry);
    if (SERVLET_METHODS.containsKey(name)
        && supertypes.stream().anyMatch(SERVLET_TYPES::contains)) {
      add(member.symbol(), SERVLET, "servlet " + className);
      for (String pattern : paths(first(typeAnnotations, "WebServlet"), "value", "urlPatterns")) {
        if (!pattern.isEmpty()) {
          http(member.symbol(), SERVLET_METHODS.get(name), pattern);
        }
      }
    }
    boolean filterMethod =
        FILTER_METHODS.contains(name)
            || (name.equals("filter") && supertypes.contains("WebFilter"));
    if (filterMethod
        && (supertypes.stream().anyMatch(FILTER_TYPES::contains)
            || has(typeAnnotations, "WebFilter"))) {
      add(member.symbol(), SERVLET, "filter " + className);
    }
  }

  // ---- main

  private void main(Entry entry, MemberFact member) {
    if (isMain(member)) {
      add(member.symbol(), MAIN, "main " + entry.type().symbol().name());
    }
  }

  static boolean isMain(MemberFact member) {
    if (!member.name().equals("main")
        || !member.modifiers().contains("public")
        || !member.modifiers().contains("static")
        || !member.type().equals("void")
        || member.parameterTypes().size() != 1) {
      return false;
    }
    String parameter = member.parameterTypes().get(0).replace(" ", "");
    return parameter.equals("String[]")
        || parameter.equals("java.lang.String[]")
        || parameter.equals("String...")
        || parameter.equals("java.lang.String...")
        || (member.varargs() && TypeIndex.simpleName(parameter).startsWith("String"));
  }

  // ---- @Scheduled (Spring, Quarkus)

  private void scheduled(Entry entry, MemberFact member, List<AnnotationFact> annotations) {
    for (AnnotationFact scheduled : annotations) {
      if (!scheduled.simpleName().equals("Scheduled")) {
        continue;
      }
      List<String> labels = new ArrayList<>();
      scheduled.value("cron").forEach(c -> labels.add("cron " + c));
      String unit = unit(scheduled.value("timeUnit"));
      for (String attribute : List.of("fixedRate", "fixedDelay")) {
        scheduled.value(attribute).forEach(v -> labels.add("every " + stripLong(v) + " " + unit));
        scheduled.value(attribute + "String").forEach(v -> labels.add("every " + v + " " + unit));
      }
      scheduled.value("every").forEach(v -> labels.add("every " + v));
      if (labels.isEmpty()) {
        labels.add("scheduled " + entry.type().symbol().name() + "." + member.name());
      }
      labels.forEach(label -> add(member.symbol(), SCHEDULE, label));
    }
  }

  private static String unit(List<String> timeUnit) {
    if (timeUnit.isEmpty()) {
      return "ms";
    }
    return switch (lastSegment(timeUnit.get(0))) {
      case "NANOSECONDS" -> "ns";
      case "MICROSECONDS" -> "us";
      case "SECONDS" -> "s";
      case "MINUTES" -> "min";
      case "HOURS" -> "h";
      case "DAYS" -> "d";
      default -> "ms";
    };
  }

  private static String stripLong(String value) {
    return value.matches("\\d[\\d_]*[lL]") ? value.substring(0, value.length() - 1) : value;
  }

  // ---- Messaging and application events

  private void listeners(
      Entry entry,
      List<AnnotationFact> typeAnnotations,
      MemberFact member,
      List<AnnotationFact> annotations) {
    Symbol symbol = member.symbol();
    List<AnnotationFact> own = annotations;
    // A class-level listener dispatches to its @KafkaHandler / @RabbitHandler methods.
    if (has(annotations, "KafkaHandler") || has(annotations, "RabbitHandler")) {
      own = new ArrayList<>(annotations);
      if (has(annotations, "KafkaHandler")) {
        first(typeAnnotations, "KafkaListener").ifPresent(own::add);
      }
      if (has(annotations, "RabbitHandler")) {
        first(typeAnnotations, "RabbitListener").ifPresent(own::add);
      }
    }
    for (AnnotationFact a : own) {
      switch (a.simpleName()) {
        case "KafkaListener" -> {
          a.value("topics").forEach(t -> add(symbol, MESSAGE, "topic " + t));
          a.value("topicPattern").forEach(t -> add(symbol, MESSAGE, "topic pattern " + t));
          if (a.value("topics").isEmpty() && a.value("topicPattern").isEmpty()) {
            add(symbol, MESSAGE, "topic (from topicPartitions or id)");
          }
        }
        case "JmsListener" ->
            a.value("destination").forEach(d -> add(symbol, MESSAGE, "queue " + d));
        case "RabbitListener" -> {
          a.value("queues").forEach(q -> add(symbol, MESSAGE, "queue " + q));
          a.value("queuesToDeclare").forEach(q -> add(symbol, MESSAGE, "queue " + q));
        }
        case "SqsListener" -> {
          a.value("value").forEach(q -> add(symbol, MESSAGE, "queue " + q));
          a.value("queueNames").forEach(q -> add(symbol, MESSAGE, "queue " + q));
        }
        case "EventListener", "TransactionalEventListener" -> {
          List<String> classes = new ArrayList<>(a.value("classes"));
          if (classes.isEmpty()) {
            classes.addAll(a.value("value"));
          }
          if (classes.isEmpty() && !member.parameterTypes().isEmpty()) {
            classes.add(member.parameterTypes().get(0));
          }
          if (classes.isEmpty()) {
            classes.add("?");
          }
          for (String type : classes) {
            String name = type.endsWith(".class") ? type.substring(0, type.length() - 6) : type;
            add(symbol, EVENT, "event " + TypeIndex.simpleName(name));
          }
        }
        default -> {}
      }
    }
  }

  // ---- gRPC

  /**
   * {@code Greeter} for a type that extends {@code GreeterGrpc.GreeterImplBase}, else null: the
   * first such name among the type's and its ancestors' supertypes, in {@link
   * TypeIndex#ancestorNames} order, read without building that set for every type.
   */
  private String grpcService(Entry entry) {
    String found = grpcService(entry.type().supertypes());
    for (Entry ancestor : index.ancestors(entry)) {
      if (found != null) {
        return found;
      }
      found = grpcService(ancestor.type().supertypes());
    }
    return found;
  }

  private static String grpcService(List<String> supertypes) {
    for (String name : supertypes) {
      if (name.endsWith("ImplBase")) {
        String simple = TypeIndex.simpleName(name);
        if (simple.length() > "ImplBase".length()) {
          return simple.substring(0, simple.length() - "ImplBase".length());
        }
      }
    }
    return null;
  }

  /**
   * An rpc implementation: public, not static, and either marked {@code @Override} or taking a
   * {@code StreamObserver} (every generated rpc signature does).
   */
  private void grpc(String service, MemberFact member) {
    boolean rpcShape =
        member.parameterTypes().stream()
            .anyMatch(t -> TypeIndex.simpleName(t).equals("StreamObserver"));
    if (member.modifiers().contains("public")
        && !member.modifiers().contains("static")
        && !member.name().equals("bindService")
        && (rpcShape || has(member.annotations(), "Override"))) {
      add(member.symbol(), GRPC, "grpc " + service + "/" + member.name());
    }
  }

  // ---- helpers

  static boolean has(List<AnnotationFact> annotations, String simpleName) {
    return find(annotations, simpleName) != null;
  }

  static Optional<AnnotationFact> first(List<AnnotationFact> annotations, String simpleName) {
    return Optional.ofNullable(find(annotations, simpleName));
  }

  /** An indexed loop, as in {@link TypeIndex#expand}: this runs for every member of the index. */
  private static AnnotationFact find(List<AnnotationFact> annotations, String simpleName) {
    for (int i = 0; i < annotations.size(); i++) {
      AnnotationFact a = annotations.get(i);
      if (a.simpleName().equals(simpleName)) {
        return a;
      }
    }
    return null;
  }

  static String lastSegment(String expression) {
    return expression.substring(expression.lastIndexOf('.') + 1).trim();
  }
}
