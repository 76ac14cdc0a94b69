package dev.scrutineer.config;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads YAML into SnakeYAML's node tree and nothing else: no Java object is ever constructed from
 * the document, so no tag can make the parser instantiate a type. The limits below are enforced
 * twice, by a pass over the parser's events first (so an error can name its line) and by
 * SnakeYAML's own {@link LoaderOptions} as a backstop.
 */
final class SafeYaml {
  /** Deeper than any valid file needs (the deepest is four levels), shallow enough to be safe. */
  static final int MAX_DEPTH = 20;

  /** Aliases to lists or mappings, the "billion laughs" expansion; scalar aliases cost nothing. */
  static final int MAX_COLLECTION_ALIASES = 20;

  private static final String YAML_TAG = "tag:yaml.org,2002:";

  /** Explicit tags that only restate a plain type; {@code !} alone means "a string". */
  private static final Set<String> ALLOWED_TAGS =
      Set.of(
          "!",
          YAML_TAG + "str",
          YAML_TAG + "int",
          YAML_TAG + "bool",
          YAML_TAG + "float",
          YAML_TAG + "null",
          YAML_TAG + "seq",
          YAML_TAG + "map");

  private SafeYaml() {}

  /** The document's root node, or empty when the document holds nothing but comments. */
  static Optional<Node> compose(String text, String source, int maxCodePoints) {
    Yaml yaml = newYaml(maxCodePoints);
    try {
      inspect(yaml.parse(new StringReader(text)), source);
      return Optional.ofNullable(yaml.compose(new StringReader(text)));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = "not valid YAML: " + describe(e);
      String fix =
          "fix the syntax here (quote values that contain ': ' or ' #', or start with a special"
              + " character such as '*', '&', '!', '@' or '`')";
      if (mark == null) {
        throw new ConfigException(source, problem, fix);
      }
      throw new ConfigException(new SourceLine(source, mark.getLine() + 1), problem, fix);
    } catch (YAMLException e) {
      throw new ConfigException(
          source, "not valid YAML: " + firstLine(e.getMessage()), "fix the file and try again");
    }
  }

  private static Yaml newYaml(int maxCodePoints) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(maxCodePoints);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
  }

  /** Rejects deep nesting, alias expansions, recursive aliases and custom tags, with a line. */
  private static void inspect(Iterable<Event> events, String source) {
    int depth = 0;
    int collectionAliases = 0;
    Set<String> collectionAnchors = new HashSet<>();
    Deque<String> open = new ArrayDeque<>();
    for (Event event : events) {
      if (event instanceof CollectionStartEvent start) {
        checkTag(start.getTag(), event, source);
        if (++depth > MAX_DEPTH) {
          throw new ConfigException(
              at(event, source),
              "lists and mappings are nested more than " + MAX_DEPTH + " levels deep",
              "flatten the file: scrutineer.yml needs no more than four levels");
        }
        String anchor = start.getAnchor();
        if (anchor != null) {
          collectionAnchors.add(anchor);
        }
        open.push(anchor == null ? "" : anchor);
      } else if (event instanceof CollectionEndEvent) {
        depth--;
        open.pop();
      } else if (event instanceof ScalarEvent scalar) {
        checkTag(scalar.getTag(), event, source);
        if (scalar.getAnchor() != null) {
          collectionAnchors.remove(scalar.getAnchor());
        }
      } else if (event instanceof AliasEvent alias
          && collectionAnchors.contains(alias.getAnchor())) {
        if (open.contains(alias.getAnchor())) {
          throw new ConfigException(
              at(event, source),
              "alias *" + alias.getAnchor() + " refers to a list or mapping that contains it",
              "remove the alias: a value cannot contain itself");
        }
        if (++collectionAliases > MAX_COLLECTION_ALIASES) {
          throw new ConfigException(
              at(event, source),
              "more than "
                  + MAX_COLLECTION_ALIASES
                  + " aliases to lists or mappings (an alias expansion like this can exhaust"
                  + " memory)",
              "write the values out instead of using anchors and aliases");
        }
      }
    }
  }

  private static void checkTag(String tag, Event event, String source) {
    if (tag != null && !ALLOWED_TAGS.contains(tag)) {
      String shown = tag.startsWith(YAML_TAG) ? "!!" + tag.substring(YAML_TAG.length()) : tag;
      throw new ConfigException(
          at(event, source),
          "the YAML tag " + ConfigException.quote(shown) + " is not allowed",
          "remove the tag; scrutineer.yml holds only plain strings, numbers, booleans, lists and"
              + " mappings");
    }
  }

  private static SourceLine at(Event event, String source) {
    return new SourceLine(source, event.getStartMark().getLine() + 1);
  }

  private static String describe(MarkedYAMLException e) {
    if (e.getProblem() == null) {
      return firstLine(e.getMessage());
    }
    String text = e.getProblem();
    if (e.getContext() != null
        && e.getContextMark() != null
        && e.getProblemMark() != null
        && e.getContextMark().getLine() != e.getProblemMark().getLine()) {
      text += " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
    }
    return escapeControls(text);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable document";
    }
    int end = message.indexOf('\n');
    return escapeControls(end < 0 ? message : message.substring(0, end));
  }

  private static String escapeControls(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\t') {
                out.append("\\t");
              } else if (Character.isISOControl(c)) {
                out.append(' ');
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString().strip();
  }
}
