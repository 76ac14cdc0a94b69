package dev.scrutineer.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of the document with its name in the file ({@code rules[2].paths[0]}), read through
 * typed accessors that fail with a {@link ConfigException} naming the node's line. Every binder
 * reads the document through this class, so every error knows where it is.
 */
final class YamlValue {
  private final Node node;
  private final String source;
  private final String name;

  YamlValue(Node node, String source, String name) {
    this.node = node;
    this.source = source;
    this.name = name;
  }

  /** The value's name in the file, such as {@code rules[2].content}. */
  String name() {
    return name;
  }

  /** The name for messages: {@code rules[2]}, or "the top level" for the document itself. */
  String label() {
    return name.isEmpty() ? "the top level" : name;
  }

  /** "at the top level" or "in rules[2]", for messages about this value's keys. */
  String where() {
    return name.isEmpty() ? "at the top level" : "in " + name;
  }

  SourceLine at() {
    return new SourceLine(source, node.getStartMark().getLine() + 1);
  }

  ConfigException error(String problem, String fix) {
    return new ConfigException(at(), problem, fix);
  }

  /** Reads a mapping; {@code example} shows what one should look like. */
  Mapping asMapping(String example) {
    if (!(node instanceof MappingNode mapping)) {
      throw wrongType("a mapping", example);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      SourceLine keyAt = new SourceLine(source, keyNode.getStartMark().getLine() + 1);
      if (keyNode.getTag().equals(Tag.MERGE)) {
        throw new ConfigException(
            keyAt, "merge keys ('<<') are not supported " + where(), "write the keys out in full");
      }
      if (!(keyNode instanceof ScalarNode keyScalar) || keyNode.getTag().equals(Tag.NULL)) {
        throw new ConfigException(
            keyAt, "a key " + where() + " is not a plain name", "write keys as 'name: value'");
      }
      String key = keyScalar.getValue();
      Entry first = entries.get(key);
      if (first != null) {
        throw new ConfigException(
            keyAt,
            "duplicate key "
                + ConfigException.quote(key)
                + " "
                + where()
                + " (first written at line "
                + first.keyAt().line()
                + ")",
            "keep only one of them");
      }
      String childName = name.isEmpty() ? key : name + "." + key;
      entries.put(key, new Entry(keyAt, new YamlValue(tuple.getValueNode(), source, childName)));
    }
    return new Mapping(this, entries);
  }

  /** Reads a list; {@code example} shows what one should look like. */
  List<YamlValue> asList(String example) {
    if (!(node instanceof SequenceNode sequence)) {
      throw wrongType("a list", example);
    }
    List<YamlValue> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(new YamlValue(item, source, name + "[" + items.size() + "]"));
    }
    return items;
  }

  /** Reads a non-blank string, as written (numbers and booleans must be quoted to be strings). */
  String asString(String example) {
    if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.STR)) {
      throw wrongType("a string", example);
    }
    if (scalar.getValue().isBlank()) {
      throw error(label() + " is empty", example);
    }
    return scalar.getValue();
  }

  boolean asBoolean() {
    if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.BOOL)) {
      String key = name.substring(name.lastIndexOf('.') + 1);
      throw wrongType("true or false", "write " + key + ": true or " + key + ": false, unquoted");
    }
    return switch (scalar.getValue().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on", "y" -> true;
      default -> false;
    };
  }

  int asInt(String example) {
    if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.INT)) {
      throw wrongType("a whole number", example);
    }
    try {
      return Integer.parseInt(scalar.getValue());
    } catch (NumberFormatException e) {
      throw error(label() + " is not a plain decimal number", example);
    }
  }

  /** Reads a number, whole or decimal. */
  double asDouble(String example) {
    if (!(node instanceof ScalarNode scalar)
        || !(node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT))) {
      throw wrongType("a number", example);
    }
    try {
      return Double.parseDouble(scalar.getValue());
    } catch (NumberFormatException e) {
      throw error(label() + " is not a plain decimal number", example);
    }
  }

  private ConfigException wrongType(String expected, String example) {
    return error(label() + " must be " + expected + ", not " + kind(), example);
  }

  private String kind() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    if (tag.equals(Tag.NULL)) {
      return "empty";
    }
    if (tag.equals(Tag.BOOL)) {
      return "a boolean";
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "a number";
    }
    if (tag.equals(Tag.STR)) {
      return "a string";
    }
    return "a " + tag.getValue().substring(tag.getValue().lastIndexOf(':') + 1);
  }

  private record Entry(SourceLine keyAt, YamlValue value) {}

  /** A mapping whose keys are plain, unique names, in file order. */
  static final class Mapping {
    private final YamlValue self;
    private final Map<String, Entry> entries;

    private Mapping(YamlValue self, Map<String, Entry> entries) {
      this.self = self;
      this.entries = entries;
    }

    YamlValue self() {
      return self;
    }

    Set<String> keys() {
      return entries.keySet();
    }

    Optional<YamlValue> get(String key) {
      return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }

    YamlValue require(String key, String example) {
      return get(key)
          .orElseThrow(
              () ->
                  self.error(
                      self.label() + " has no " + ConfigException.quote(key), "add " + example));
    }

    /** Fails on the first key not in {@code allowed}, suggesting the closest allowed one. */
    void allowOnly(List<String> allowed) {
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        if (allowed.contains(e.getKey())) {
          continue;
        }
        String hint =
            Suggest.closest(e.getKey(), allowed)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
        throw new ConfigException(
            e.getValue().keyAt(),
            "unknown key " + ConfigException.quote(e.getKey()) + " " + self.where() + hint,
            "expected one of: " + String.join(", ", allowed));
      }
    }
  }
}
