package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.EntryPoints.Handler;
import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.Reference.ReferenceKind;
import dev.scrutineer.analysis.reach.index.StringScreen;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.DeclarationKind;
import dev.scrutineer.model.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dependencies no Java call expresses: class literals in annotations ({@code
 * WebMvcTest(OrderController.class)}) and request paths written in tests ({@code
 * perform(get("/owners/{id}"))}).
 */
final class IndirectEdges {
  static final String CLASS_LITERAL = "class-literal";
  static final String REQUEST_PATH = "request-path";
  static final String REFLECTION = "reflection";

  /** Parameter annotations that bind the request body or form fields into an object. */
  private static final Set<String> BINDING =
      Set.of("RequestBody", "ModelAttribute", "Valid", "Validated", "BeanParam");

  /** How many levels of properties are followed: {@code Owner.getPets()} to {@code Pet}'s. */
  private static final int PROPERTY_DEPTH = 2;

  /** Calls that send a request, with the HTTP method they send. */
  private static final Map<String, String> VERBS =
      Map.ofEntries(
          Map.entry("get", "GET"),
          Map.entry("post", "POST"),
          Map.entry("put", "PUT"),
          Map.entry("delete", "DELETE"),
          Map.entry("patch", "PATCH"),
          Map.entry("head", "HEAD"),
          Map.entry("options", "OPTIONS"),
          Map.entry("multipart", "POST"),
          Map.entry("getForObject", "GET"),
          Map.entry("getForEntity", "GET"),
          Map.entry("postForObject", "POST"),
          Map.entry("postForEntity", "POST"),
          Map.entry("postForLocation", "POST"),
          Map.entry("patchForObject", "PATCH"));

  /** Calls whose path comes with a method named elsewhere: {@code request(HttpMethod.X, "/x")}. */
  private static final Set<String> METHOD_ELSEWHERE = Set.of("request", "uri", "exchange");

  private final TypeIndex index;
  private final Set<Symbol> testTypes;
  private final List<Handler> handlers;
  private final Set<Symbol> handlerSymbols = new HashSet<>();

  /** Each handler's path split once, not once per request of every test. */
  private final List<String[]> templates;

  /** Tests send the same few requests again and again; each is matched once. */
  private final Map<String, List<Symbol>> matched = new HashMap<>();

  /** Most tests' files have no request call with a path: their references are not read. */
  private final StringScreen requests =
      new StringScreen(
          List.of(
              name -> VERBS.containsKey(name) || METHOD_ELSEWHERE.contains(name),
              literal -> requestPath(literal) != null));

  /**
   * @param testTypes the test classes, whose requests are matched (besides every type in a test
   *     file)
   * @param handlers the HTTP handlers requests are matched to, and whose bound types are followed
   */
  IndirectEdges(TypeIndex index, Set<Symbol> testTypes, List<Handler> handlers) {
    this.index = index;
    this.testTypes = testTypes;
    this.handlers = handlers;
    handlers.forEach(h -> handlerSymbols.add(h.symbol()));
    this.templates = templates(handlers);
  }

  /**
   * The class literals in the annotations of {@code entry}'s type and members, resolved in the
   * index: the annotated declaration depends on the type it names. Test annotations are the point
   * ({@code WebMvcTest}, {@code SpringBootTest(classes)}, {@code Import}, {@code
   * ContextConfiguration(classes)}), but the same holds for {@code Import} on production
   * configuration, so every annotation counts.
   */
  void classLiterals(Entry entry, Collection<Edge> edges) {
    Symbol type = entry.type().symbol();
    addClassLiterals(index, entry, type, entry.type().annotations(), entry.type().line(), edges);
    for (MemberFact member : entry.type().members()) {
      if (!member.annotations().isEmpty()) {
        addClassLiterals(index, entry, member.symbol(), member.annotations(), member.line(), edges);
      }
    }
  }

  private static void addClassLiterals(
      TypeIndex index,
      Entry entry,
      Symbol from,
      List<AnnotationFact> annotations,
      int line,
      Collection<Edge> edges) {
    for (AnnotationFact annotation : annotations) {
      if (annotation.values().isEmpty()) {
        continue; // most annotations (Override, Test, Nullable): no values to walk
      }
      for (List<String> values : annotation.values().values()) {
        for (String value : values) {
          if (!value.endsWith(".class")) {
            continue;
          }
          index
              .resolve(value, entry)
              .map(target -> target.type().symbol())
              .filter(target -> !target.equals(from))
              .map(target -> new Edge(from, target, CLASS_LITERAL, Confidence.MEDIUM, line))
              .ifPresent(edges::add);
        }
      }
    }
  }

  /**
   * The requests that {@code entry}'s type sends, if it is a test class, matched to the handlers
   * mapped at their paths: each of its members depends on the handler its request reaches. A test's
   * path can be concrete ({@code /owners/1/edit}) or a template ({@code /owners/{id}/edit}); the
   * most specific matching handlers win, as the framework picks them.
   */
  void requestPaths(Entry entry, Collection<Edge> edges) {
    if (handlers.isEmpty() || !(entry.isTestFile() || testTypes.contains(entry.type().symbol()))) {
      return;
    }
    for (MemberFact member : entry.type().members()) {
      if (requests.mayPass(member)) {
        addRequestPaths(member, edges);
      }
    }
  }

  /**
   * The requests one member sends. A method of its own, called once per member, so that the JIT
   * compiles it early: a loop over every reference inside one long call runs interpreted until
   * on-stack replacement.
   */
  private void addRequestPaths(MemberFact member, Collection<Edge> edges) {
    List<Reference> refs = member.referencesOnce(); // every test's: not kept
    for (int i = 0; i < refs.size(); i++) {
      Reference ref = refs.get(i);
      if (ref.kind() != ReferenceKind.CALL
          || ref.stringArguments().isEmpty()
          || !(VERBS.containsKey(ref.name()) || METHOD_ELSEWHERE.contains(ref.name()))) {
        continue;
      }
      String path = requestPath(ref.stringArguments().get(0));
      if (path == null) {
        continue;
      }
      String method = VERBS.containsKey(ref.name()) ? VERBS.get(ref.name()) : methodNearby(refs, i);
      List<Symbol> targets =
          matched.computeIfAbsent(
              method + " " + path, k -> match(handlers, templates, method, path));
      for (Symbol handler : targets) {
        Edge edge = new Edge(member.symbol(), handler, REQUEST_PATH, Confidence.MEDIUM, ref.line());
        if (!edge.from().equals(edge.to())) {
          edges.add(edge);
        }
      }
    }
  }

  /**
   * The HTTP method of {@code request(HttpMethod.POST, "/x")} or {@code client.post().uri("/x")}:
   * an {@code HttpMethod.X} constant or an argument-less verb call within three lines, nearest
   * first; {@code ANY} when there is none.
   */
  private static String methodNearby(List<Reference> refs, int at) {
    int line = refs.get(at).line();
    for (int distance = 1; distance < refs.size(); distance++) {
      for (int i : new int[] {at - distance, at + distance}) {
        if (i < 0 || i >= refs.size()) {
          continue;
        }
        Reference ref = refs.get(i);
        if (Math.abs(ref.line() - line) > 3) {
          continue;
        }
        String upper = ref.name().toUpperCase(Locale.ROOT);
        if (ref.kind() == ReferenceKind.FIELD
            && VERBS.containsValue(upper)
            && ref.receiverType().map(t -> t.endsWith("HttpMethod")).orElse(true)) {
          return upper;
        }
        if (ref.kind() == ReferenceKind.CALL
            && ref.stringArguments().isEmpty()
            && ref.arity() == 0
            && VERBS.containsKey(ref.name())) {
          return VERBS.get(ref.name());
        }
      }
    }
    return EntryPoints.ANY;
  }

  /** The path of a request string: scheme, host, query and fragment dropped; null if not a path. */
  static String requestPath(String literal) {
    String path = literal.trim();
    int scheme = path.indexOf("://");
    if (scheme > 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    if (!path.startsWith("/")) {
      return null;
    }
    int cut = path.length();
    for (char c : new char[] {'?', '#'}) {
      int at = path.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return path.substring(0, cut);
  }

  /** The handlers whose method and path template match, most specific only. */
  static List<Symbol> match(List<Handler> handlers, String method, String path) {
    return match(handlers, templates(handlers), method, path);
  }

  private static List<String[]> templates(List<Handler> handlers) {
    return handlers.stream().map(h -> segments(h.path())).toList();
  }

  private static List<Symbol> match(
      List<Handler> handlers, List<String[]> templates, String method, String path) {
    List<Symbol> best = new ArrayList<>();
    int bestScore = -1;
    String[] wanted = segments(path);
    for (int h = 0; h < handlers.size(); h++) {
      Handler handler = handlers.get(h);
      boolean methodMatches =
          method.equals(EntryPoints.ANY)
              || handler.method().equals(EntryPoints.ANY)
              || handler.method().equals(method);
      if (!methodMatches) {
        continue;
      }
      int score = score(templates.get(h), wanted);
      if (score < 0) {
        continue;
      }
      if (score > bestScore) {
        best.clear();
        bestScore = score;
      }
      if (score == bestScore && !best.contains(handler.symbol())) {
        best.add(handler.symbol());
      }
    }
    return best;
  }

  private static String[] segments(String path) {
    return java.util.Arrays.stream(path.split("/"))
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }

  /**
   * How well a handler's template fits a request path, -1 when it does not: a literal or variable
   * against its like scores 2, a variable against a literal 1. {@code *} matches one segment and a
   * final {@code **} the rest, each scoring 0.
   */
  private static int score(String[] template, String[] path) {
    int score = 0;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.equals("**") && i == template.length - 1) {
        return score;
      }
      if (i >= path.length) {
        return -1;
      }
      String p = path[i];
      boolean tVar = isVariable(t);
      boolean pVar = isVariable(p);
      if (t.equals("*")) {
        continue;
      } else if (tVar && pVar) {
        score += 2;
      } else if (tVar || pVar) {
        score += 1;
      } else if (t.equals(p)) {
        score += 2;
      } else {
        return -1;
      }
    }
    return template.length == path.length ? score : -1;
  }

  private static boolean isVariable(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /**
   * Reflection reach of {@code entry}'s handlers, at LOW confidence: serialization and data binding
   * call the getters and setters (and record components) of the types a handler returns or binds,
   * so each handler depends on them though no Java code calls them. A bound parameter is one
   * annotated {@code RequestBody}, {@code ModelAttribute}, {@code Valid}, {@code Validated} or
   * {@code BeanParam}, or one with no annotation at all (Spring binds form fields into it);
   * properties are followed {@value #PROPERTY_DEPTH} levels deep.
   */
  void bindings(Entry entry, Collection<Edge> edges) {
    for (MemberFact member : entry.type().members()) {
      if (!handlerSymbols.contains(member.symbol())) {
        continue;
      }
      List<String> types = new ArrayList<>();
      types.add(member.type());
      for (int i = 0; i < member.parameterTypes().size(); i++) {
        List<AnnotationFact> annotations =
            i < member.parameterAnnotations().size()
                ? member.parameterAnnotations().get(i)
                : List.of();
        if (annotations.isEmpty()
            || annotations.stream().anyMatch(a -> BINDING.contains(a.simpleName()))) {
          types.add(member.parameterTypes().get(i));
        }
      }
      Set<Entry> seen = new HashSet<>();
      for (String type : types) {
        index
            .resolve(type, entry)
            .ifPresent(t -> addProperties(index, member, t, PROPERTY_DEPTH, seen, edges));
      }
    }
  }

  private static void addProperties(
      TypeIndex index,
      MemberFact handler,
      Entry type,
      int depth,
      Set<Entry> seen,
      Collection<Edge> edges) {
    if (depth == 0 || !seen.add(type)) {
      return;
    }
    for (MemberFact property : type.type().members()) {
      if (!isProperty(property)) {
        continue;
      }
      edges.add(
          new Edge(
              handler.symbol(), property.symbol(), REFLECTION, Confidence.LOW, handler.line()));
      if (!property.type().isEmpty() && !property.type().equals("void")) {
        index
            .resolve(property.type(), type)
            .ifPresent(t -> addProperties(index, handler, t, depth - 1, seen, edges));
      }
    }
  }

  private static boolean isProperty(MemberFact member) {
    if (member.kind() == DeclarationKind.RECORD_COMPONENT) {
      return true;
    }
    if (member.kind() != DeclarationKind.METHOD || member.modifiers().contains("static")) {
      return false;
    }
    String name = member.name();
    int arity = member.parameterTypes().size();
    return (arity == 0 && (isAccessor(name, "get") || isAccessor(name, "is")))
        || (arity == 1 && isAccessor(name, "set"));
  }

  private static boolean isAccessor(String name, String prefix) {
    return name.length() > prefix.length()
        && name.startsWith(prefix)
        && Character.isUpperCase(name.charAt(prefix.length()));
  }
}
