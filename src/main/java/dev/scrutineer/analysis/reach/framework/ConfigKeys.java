package dev.scrutineer.analysis.reach.framework;

import dev.scrutineer.analysis.reach.framework.TypeIndex.Entry;
import dev.scrutineer.analysis.reach.graph.Edge;
import dev.scrutineer.analysis.reach.index.AnnotationFact;
import dev.scrutineer.analysis.reach.index.MemberFact;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Hunk;
import dev.scrutineer.model.Line;
import dev.scrutineer.model.SourceTree;
import dev.scrutineer.model.Symbol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration keys a change edits in {@code application*.yml} and {@code
 * application*.properties}, and the code that reads them: {@code @Value("${key}")} on members and
 * parameters, {@code @ConfigurationProperties(prefix)} on types and {@code @Bean} methods,
 * {@code @ConditionalOnProperty}. Each reader depends on the key's synthetic node ({@link
 * ConfigKeyChange#node(String)}) through a {@code config-key} edge.
 *
 * <p>Keys are compared as Spring's relaxed binding does: case, {@code -} and {@code _} ignored, and
 * a changed section ({@code spring.datasource}) reaches every key under it.
 */
final class ConfigKeys {
  static final String CONFIG_KEY = "config-key";
  private static final long MAX_BYTES = 2L * 1024 * 1024;
  private static final Pattern CONFIG_FILE =
      Pattern.compile("(?:bootstrap|application)[^/]*\\.(?:ya?ml|properties)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}$\\s]+)");

  private ConfigKeys() {}

  static boolean isConfigFile(String path) {
    return CONFIG_FILE.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  /** The keys each changed configuration file adds, edits or removes, in file order. */
  static List<ConfigKeyChange> changedKeys(
      ChangeSet change, SourceTree head, List<Diagnostic> diagnostics) {
    List<ConfigKeyChange> out = new ArrayList<>();
    for (FileChange file : change.files()) {
      String path = file.path();
      if (!isConfigFile(path) || file.content() != Content.TEXT) {
        continue;
      }
      List<String> lines = List.of();
      if (file.type() != ChangeType.DELETED) {
        Optional<List<String>> read = readLines(head, path, diagnostics);
        if (read.isEmpty()) {
          continue;
        }
        lines = read.get();
      }
      boolean yaml = !path.endsWith(".properties");
      for (Hunk hunk : file.hunks()) {
        for (Line line : hunk.added()) {
          Optional<String> key =
              yaml ? yamlKey(lines, line.number() - 1) : propertiesKey(lines, line.number() - 1);
          key.ifPresent(k -> add(out, new ConfigKeyChange(k, path, line.number())));
        }
        // A removed line is read from its own text; a YAML one takes its parents from the head
        // lines up to the hunk's end (the region sits before head line newStart when empty).
        int where = Math.max(1, hunk.newStart());
        List<Line> removed = hunk.removed();
        for (int i = 0; i < removed.size(); i++) {
          Line line = removed.get(i);
          Optional<String> key =
              yaml
                  ? removedYamlKey(lines, hunk.newStart() + hunk.newCount() - 2, line.text())
                  : removedPropertyKey(lines, hunk.newStart() - 2, removed, i);
          key.ifPresent(k -> add(out, new ConfigKeyChange(k, path, where)));
        }
      }
    }
    return out;
  }

  private static void add(List<ConfigKeyChange> out, ConfigKeyChange change) {
    boolean seen =
        out.stream().anyMatch(c -> c.key().equals(change.key()) && c.path().equals(change.path()));
    if (!seen) {
      out.add(change);
    }
  }

  private static Optional<List<String>> readLines(
      SourceTree tree, String path, List<Diagnostic> diagnostics) {
    if (tree.size(path).orElse(0) > MAX_BYTES) {
      diagnostics.add(
          Diagnostic.warning(path, "configuration file over 2 MiB; its changed keys are not read"));
      return Optional.empty();
    }
    return tree.read(path)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8).replace("\r", "").lines().toList());
  }

  // ---- .properties

  /** The key of a logical line: continuation lines belong to the key that starts the line. */
  static Optional<String> propertiesKey(List<String> lines, int index) {
    if (index < 0 || index >= lines.size()) {
      return Optional.empty();
    }
    int start = index;
    while (start > 0 && continues(lines.get(start - 1))) {
      start--;
    }
    return propertyKeyOf(lines.get(start));
  }

  /**
   * A removed line's key: its own, or, when it continues an earlier line, that line's key, found
   * among the removed lines or else in the head line just before the hunk.
   */
  private static Optional<String> removedPropertyKey(
      List<String> head, int before, List<Line> removed, int index) {
    int start = index;
    while (start > 0 && continues(removed.get(start - 1).text())) {
      start--;
    }
    if (start == 0 && before >= 0 && before < head.size() && continues(head.get(before))) {
      return propertiesKey(head, before);
    }
    return propertyKeyOf(removed.get(start).text());
  }

  private static boolean continues(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  static Optional<String> propertyKeyOf(String text) {
    String line = text.strip();
    if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        key.append(line.charAt(++i));
      } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
        break;
      } else {
        key.append(c);
      }
    }
    return key.isEmpty() ? Optional.empty() : Optional.of(key.toString());
  }

  // ---- YAML, by indentation: enough for configuration files, not a YAML parser

  /** The full dotted key of line {@code index}: its own key after its parents' keys. */
  static Optional<String> yamlKey(List<String> lines, int index) {
    if (index < 0 || index >= lines.size()) {
      return Optional.empty();
    }
    String text = lines.get(index);
    if (isBlankOrComment(text) || text.startsWith("---") || text.startsWith("...")) {
      return Optional.empty();
    }
    int indent = indent(text);
    Optional<String> own = ownKey(text);
    List<String> parents = parents(lines, index - 1, own.isPresent() ? indent : indent + 1);
    if (own.isPresent()) {
      parents.add(own.get());
    }
    return parents.isEmpty() ? Optional.empty() : Optional.of(String.join(".", parents));
  }

  private static Optional<String> removedYamlKey(List<String> lines, int from, String text) {
    if (isBlankOrComment(text)) {
      return Optional.empty();
    }
    Optional<String> own = ownKey(text);
    int indent = indent(text);
    List<String> parents = parents(lines, from, own.isPresent() ? indent : indent + 1);
    own.ifPresent(parents::add);
    return parents.isEmpty() ? Optional.empty() : Optional.of(String.join(".", parents));
  }

  /**
   * The keys that enclose a line indented by {@code indent}, searching up from {@code from}: each
   * key line indented less than the last one found. A list item ({@code - x}) is part of the key
   * above it; a document separator ends the search.
   */
  private static List<String> parents(List<String> lines, int from, int indent) {
    List<String> out = new ArrayList<>();
    int limit = indent;
    for (int i = Math.min(from, lines.size() - 1); i >= 0 && limit > 0; i--) {
      String text = lines.get(i);
      if (text.startsWith("---") || text.startsWith("...")) {
        break;
      }
      if (isBlankOrComment(text)) {
        continue;
      }
      int at = indent(text);
      if (at < limit) {
        Optional<String> key = ownKey(text);
        if (key.isPresent() && !text.strip().startsWith("-")) {
          out.add(0, key.get());
        }
        limit = at;
      }
    }
    return out;
  }

  /** {@code key} of {@code key: value} or {@code key:}, or of {@code - key: value}. */
  private static Optional<String> ownKey(String text) {
    String line = text.strip();
    if (line.startsWith("- ")) {
      line = line.substring(2).strip();
    }
    if (line.startsWith("#") || line.startsWith("-") || line.isEmpty()) {
      return Optional.empty();
    }
    String key;
    if (line.startsWith("\"") || line.startsWith("'")) {
      int close = line.indexOf(line.charAt(0), 1);
      if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != ':') {
        return Optional.empty();
      }
      key = line.substring(1, close);
    } else {
      Matcher m = Pattern.compile("^([^\\s:#][^:#]*?)\\s*:(\\s|$)").matcher(line);
      if (!m.find()) {
        return Optional.empty();
      }
      key = m.group(1);
    }
    if (key.startsWith("[") && key.endsWith("]")) {
      key = key.substring(1, key.length() - 1);
    }
    return Optional.of(key);
  }

  private static boolean isBlankOrComment(String text) {
    String s = text.strip();
    return s.isEmpty() || s.startsWith("#");
  }

  private static int indent(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  // ---- readers

  /** Edges from each member or type that reads a changed key to the key's node. */
  static List<Edge> readers(TypeIndex index, List<ConfigKeyChange> changed) {
    Set<Edge> edges = new LinkedHashSet<>();
    if (changed.isEmpty()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    changed.forEach(c -> keys.add(c.key()));
    for (Entry entry : index.entries()) {
      Symbol type = entry.type().symbol();
      for (String prefix : prefixes(entry.type().annotations())) {
        link(edges, type, entry.type().line(), keys, prefix, true);
      }
      for (String key : valueKeys(entry.type().annotations())) {
        link(edges, type, entry.type().line(), keys, key, false);
      }
      for (MemberFact member : entry.type().members()) {
        List<AnnotationFact> annotations = new ArrayList<>(member.annotations());
        member.parameterAnnotations().forEach(annotations::addAll);
        for (String key : valueKeys(annotations)) {
          link(edges, member.symbol(), member.line(), keys, key, false);
        }
        for (String prefix : prefixes(member.annotations())) {
          link(edges, member.symbol(), member.line(), keys, prefix, true);
        }
      }
    }
    return List.copyOf(edges);
  }

  private static void link(
      Set<Edge> edges, Symbol from, int line, Set<String> changed, String read, boolean prefix) {
    String readKey = canonical(read);
    for (String key : changed) {
      String changedKey = canonical(key);
      boolean hit =
          readKey.equals(changedKey)
              || readKey.startsWith(changedKey + ".")
              || (prefix && changedKey.startsWith(readKey + "."));
      Edge edge = new Edge(from, ConfigKeyChange.node(key), CONFIG_KEY, Confidence.MEDIUM, line);
      if (hit) {
        edges.add(edge);
      }
    }
  }

  /** Keys read through {@code ${...}} in {@code @Value}, and {@code @ConditionalOnProperty}. */
  static List<String> valueKeys(List<AnnotationFact> annotations) {
    List<String> out = new ArrayList<>();
    for (AnnotationFact a : annotations) {
      if (a.simpleName().equals("Value")) {
        for (String value : a.value("value")) {
          Matcher m = PLACEHOLDER.matcher(value);
          while (m.find()) {
            out.add(m.group(1));
          }
        }
      } else if (a.simpleName().equals("ConditionalOnProperty")) {
        String prefix = a.value("prefix").stream().findFirst().orElse("");
        List<String> names = new ArrayList<>(a.value("name"));
        names.addAll(a.value("value"));
        for (String name : names) {
          out.add(prefix.isEmpty() ? name : prefix + "." + name);
        }
      }
    }
    return out;
  }

  private static List<String> prefixes(List<AnnotationFact> annotations) {
    List<String> out = new ArrayList<>();
    for (AnnotationFact a : annotations) {
      if (a.simpleName().equals("ConfigurationProperties")
          || a.simpleName().equals("ConfigMapping")) {
        out.addAll(a.value("prefix"));
        out.addAll(a.value("value"));
      }
    }
    return out;
  }

  /** Spring's relaxed form: lower case, without {@code -}, {@code _} and list indexes. */
  static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[-_]", "").replaceAll("\\[[^]]*]", "");
  }
}
