package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.index.FileFacts;
import dev.scrutineer.analysis.reach.index.ImportFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.analysis.reach.index.Reference;
import dev.scrutineer.analysis.reach.index.TypeFact;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.SourceTree;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Build modules read from build files, never run: Maven {@code pom.xml} ({@code artifactId}, {@code
 * modules}, in profiles too), Gradle {@code settings.gradle(.kts)} includes and {@code
 * build.gradle(.kts)} presence. Directories come from the tree's listing when it has one, from the
 * root's build files (and the modules they list) and from the ancestors of the files analysed.
 *
 * <p>A module is a service when it holds an application class: {@code SpringBootApplication},
 * {@code QuarkusMain}, a {@code Micronaut.run} call in a file that imports it (or a package of
 * Micronaut's), or a {@code main} method under {@code src/main/}. A Maven module is named by its
 * {@code artifactId}, a Gradle one by its directory's last segment ({@code rootProject.name} for
 * the root, {@code root} when unnamed).
 */
final class BuildModules {
  private static final long MAX_BYTES = 1024 * 1024;
  private static final List<String> GRADLE_BUILDS = List.of("build.gradle", "build.gradle.kts");
  private static final List<String> GRADLE_SETTINGS =
      List.of("settings.gradle", "settings.gradle.kts");

  /** The names of the files a build is read from, wherever they are. */
  static final Set<String> BUILD_FILE_NAMES =
      Set.of(
          "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");

  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
  private static final Pattern ROOT_NAME =
      Pattern.compile("rootProject\\.name\\s*=\\s*[\"']([^\"']+)[\"']");

  private final SourceTree tree;
  private final List<Diagnostic> diagnostics;
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Set<String> examined = new HashSet<>();
  private final Set<String> walked = new HashSet<>();

  private BuildModules(SourceTree tree, List<Diagnostic> diagnostics) {
    this.tree = tree;
    this.diagnostics = diagnostics;
  }

  /** The modules, sorted by directory, none of them marked a service yet. */
  static List<Module> layout(
      SourceTree tree,
      Collection<FileFacts> files,
      Collection<String> otherPaths,
      List<Diagnostic> diagnostics) {
    BuildModules modules = new BuildModules(tree, diagnostics);
    modules.fromRoot();
    modules.fromListing();
    for (FileFacts file : files) {
      modules.fromAncestors(file.path());
    }
    otherPaths.forEach(modules::fromAncestors);
    List<Module> found = new ArrayList<>();
    modules.names.forEach((dir, name) -> found.add(new Module(name, dir, false)));
    found.sort(Comparator.comparing(Module::directory));
    return found;
  }

  /**
   * {@code modules}, each a service when it holds one of {@code applications}: the paths of the
   * files that declare an application class ({@link #isApplication}).
   */
  static List<Module> withServices(List<Module> modules, Collection<String> applications) {
    Set<String> services = new HashSet<>();
    for (String path : applications) {
      nearest(modules, path).ifPresent(m -> services.add(m.directory()));
    }
    return modules.stream()
        .map(m -> new Module(m.name(), m.directory(), services.contains(m.directory())))
        .toList();
  }

  /** The module whose directory is the longest one that contains {@code path}. */
  static Optional<Module> nearest(List<Module> modules, String path) {
    return modules.stream()
        .filter(m -> contains(m, path))
        .max(Comparator.comparingInt(m -> m.directory().length()));
  }

  /** True when {@code path} is the module's directory or lies under it. */
  static boolean contains(Module module, String path) {
    String dir = module.directory();
    return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
  }

  /**
   * Whether the type is an application's: a Spring Boot or Quarkus application, a {@code main}
   * method, or a Micronaut {@code run} call. Looking for the call means reading every reference of
   * every member: it is done only in files that import Micronaut.
   */
  static boolean isApplication(Entry entry) {
    TypeFact type = entry.type();
    if (EntryPoints.has(type.annotations(), "SpringBootApplication")
        || EntryPoints.has(type.annotations(), "QuarkusMain")) {
      return true;
    }
    String path = entry.file().path();
    boolean main = path.startsWith("src/main/") || path.contains("/src/main/");
    boolean micronaut = importsMicronaut(entry.file());
    for (MemberFact member : type.members()) {
      if (main && EntryPoints.isMain(member)) {
        return true;
      }
      if (!micronaut) {
        continue; // a file's references are read only when asked for: most are never needed
      }
      List<Reference> refs = member.referencesOnce();
      for (int i = 0; i < refs.size(); i++) { // no iterator per member: this reads every reference
        Reference ref = refs.get(i);
        if (ref.kind() == Reference.ReferenceKind.CALL
            && ref.name().equals("run")
            && ref.receiverType().map(t -> t.endsWith("Micronaut")).orElse(false)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a file imports Micronaut's {@code Micronaut}, or a package of Micronaut's. */
  private static boolean importsMicronaut(FileFacts file) {
    for (ImportFact i : file.imports()) {
      if (i.onDemand() ? i.name().startsWith("io.micronaut") : i.name().endsWith(".Micronaut")) {
        return true;
      }
    }
    return false;
  }

  private void fromRoot() {
    Deque<String> pending = new ArrayDeque<>(List.of(""));
    while (!pending.isEmpty()) {
      String dir = pending.removeFirst();
      if (!examined.add(dir)) {
        continue;
      }
      pending.addAll(examine(dir));
    }
  }

  /** Every directory with a build file, when the tree can list its files. */
  private void fromListing() {
    List<String> paths;
    try {
      paths = tree.paths();
    } catch (UnsupportedOperationException e) {
      return;
    }
    for (String path : paths) {
      if (isBuildFile(path)) {
        String dir = parent(path);
        if (examined.add(dir)) {
          examine(dir);
        }
      }
    }
  }

  /** A method of its own, called for every path of the tree, so that the JIT compiles it early. */
  static boolean isBuildFile(String path) {
    return BUILD_FILE_NAMES.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  private void fromAncestors(String path) {
    String dir = parent(path);
    while (walked.add(dir)) { // a directory walked before had all its ancestors walked too
      if (examined.add(dir)) {
        for (String child : examine(dir)) {
          if (examined.add(child)) {
            examine(child);
          }
        }
      }
      if (dir.isEmpty()) {
        return;
      }
      dir = parent(dir);
    }
  }

  /** Records the module at {@code dir}, if any, and returns the module directories it lists. */
  private List<String> examine(String dir) {
    List<String> children = new ArrayList<>();
    Optional<String> pom = read(child(dir, "pom.xml"));
    if (pom.isPresent()) {
      Optional<Document> document = parsePom(child(dir, "pom.xml"), pom.get());
      String name = document.flatMap(BuildModules::artifactId).orElse(lastSegment(dir));
      names.putIfAbsent(dir, name);
      document.ifPresent(
          d -> pomModules(d).forEach(m -> normalize(dir, m).ifPresent(children::add)));
    }
    Optional<String> settings = Optional.empty();
    for (String file : GRADLE_SETTINGS) {
      settings = settings.or(() -> read(child(dir, file)));
    }
    if (settings.isPresent()) {
      Matcher root = ROOT_NAME.matcher(settings.get());
      names.putIfAbsent(dir, root.find() ? root.group(1) : lastSegment(dir));
      for (String include : gradleIncludes(settings.get())) {
        normalize(dir, include).ifPresent(children::add);
      }
    }
    for (String file : GRADLE_BUILDS) {
      if (tree.size(child(dir, file)).isPresent()) {
        names.putIfAbsent(dir, lastSegment(dir));
      }
    }
    return children;
  }

  private Optional<String> read(String path) {
    if (tree.size(path).isEmpty()) {
      return Optional.empty();
    }
    if (tree.size(path).getAsLong() > MAX_BYTES) {
      diagnostics.add(Diagnostic.warning(path, "build file over 1 MiB; not read"));
      return Optional.empty();
    }
    return tree.read(path).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  // ---- Maven

  /**
   * Parses a pom with DTDs refused outright, so no entity, internal or external, is ever expanded
   * (XXE and billion laughs); a pom that declares one is reported and read as a nameless module.
   */
  private Optional<Document> parsePom(String path, String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      return Optional.of(
          builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      diagnostics.add(
          Diagnostic.warning(
              path, "pom.xml not read (" + e.getMessage() + "); its modules are not listed"));
      return Optional.empty();
    }
  }

  /** Errors become the exception that {@code parse} throws, instead of lines on stderr. */
  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXParseException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          throw e;
        }
      };

  private static Optional<String> artifactId(Document document) {
    Element project = document.getDocumentElement();
    for (Element child : children(project, "artifactId")) {
      String id = child.getTextContent().trim();
      if (!id.isEmpty()) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  private static List<String> pomModules(Document document) {
    List<String> out = new ArrayList<>();
    Element project = document.getDocumentElement();
    List<Element> holders = new ArrayList<>(List.of(project));
    for (Element profiles : children(project, "profiles")) {
      holders.addAll(children(profiles, "profile"));
    }
    for (Element holder : holders) {
      for (Element modules : children(holder, "modules")) {
        for (Element module : children(modules, "module")) {
          out.add(module.getTextContent().trim());
        }
      }
    }
    return out;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        out.add(element);
      }
    }
    return out;
  }

  // ---- Gradle

  /** {@code include 'a', ':b:c'} and {@code include("a")}: project paths as directories. */
  static List<String> gradleIncludes(String settings) {
    List<String> out = new ArrayList<>();
    for (String line : settings.lines().toList()) {
      String s = line.strip();
      if (!s.startsWith("include")) {
        continue;
      }
      Matcher m = QUOTED.matcher(s);
      while (m.find()) {
        String project = m.group(1);
        project = project.startsWith(":") ? project.substring(1) : project;
        out.add(project.replace(':', '/'));
      }
    }
    return out;
  }

  // ---- paths

  private static Optional<String> normalize(String dir, String relative) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : (dir.isEmpty() ? relative : dir + "/" + relative).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    String out = String.join("/", parts);
    // A module given as its pom file is the directory that holds it.
    if (out.endsWith(".xml")) {
      out = parent(out);
    }
    return Optional.of(out);
  }

  private static String child(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String lastSegment(String dir) {
    return dir.isEmpty() ? "root" : dir.substring(dir.lastIndexOf('/') + 1);
  }
}
