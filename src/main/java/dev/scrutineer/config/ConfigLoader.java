package dev.scrutineer.config;

import dev.scrutineer.model.Surface;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code scrutineer.yml}. The file is untrusted input (it may come from a pull request), so
 * it is read as a YAML node tree only, with limits on size, nesting and aliases, and every problem
 * is a {@link ConfigException} whose message names the line and says how to fix it.
 *
 * <pre>{@code
 * version: 1                 # optional; only 1 exists
 * rules:                     # surface rules added to the built-in ones
 *   - id: payments.ledger    # lower-case words joined by '.' or '-'
 *     surface: data-access   # a Surface id
 *     title: Ledger writes
 *     because: Ledger rows are money; a wrong write is a financial incident.
 *     paths: ["src/main/java/**}{@code /ledger/**"]   # globs, any one matches (see Glob)
 *     exclude-paths: ["**}{@code /generated/**"]
 *     content: ['ledger\.insert', 'UPDATE\s+ledger']  # Java regexes on changed lines
 *     exclude-tests: true    # skip test sources (RuleSpec.TEST_SOURCES); default false
 *     match-comments: false  # also scan comment-only lines; default false
 * silence: [deps.npm]        # rule ids to switch off
 * policy: ...                # required scrutiny per tier (see PolicyBinder)
 * }</pre>
 *
 * A rule needs {@code paths}, {@code content} or both. In a content pattern, a named group {@code
 * (?<secret>...)} marks text that reports must not repeat: it is masked in the evidence.
 */
public final class ConfigLoader {
  /** The largest file read: far more than any real configuration needs. */
  public static final int MAX_BYTES = 1 << 20;

  /** The keys of a rule, in the order the documentation lists them. */
  static final List<String> RULE_KEYS =
      List.of(
          "id",
          "surface",
          "title",
          "because",
          "paths",
          "exclude-paths",
          "content",
          "exclude-tests",
          "match-comments");

  private static final String RULE_EXAMPLE =
      "- id: payments.ledger\n  surface: data-access\n  title: ...\n  because: ...\n  paths: [...]";

  /**
   * The top-level sections, in the order they are bound. A new section is one entry here plus a
   * component of {@link ScrutineerConfig}.
   */
  private static final Map<String, Section> SECTIONS = sections();

  private ConfigLoader() {}

  /** Reads and validates the file. */
  public static ScrutineerConfig load(Path file) {
    String source = file.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "file not found", "check the path, or create the file");
    } catch (IOException e) {
      throw new ConfigException(
          source,
          "cannot read the file (" + e.getClass().getSimpleName() + ")",
          "check that it is a readable regular file");
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(source);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(source, "the file is not valid UTF-8", "save it as UTF-8");
    }
    return load(text, source);
  }

  /**
   * Reads and validates configuration text.
   *
   * @param sourceName the name errors give for the text, such as {@code scrutineer.yml}
   */
  public static ScrutineerConfig load(String text, String sourceName) {
    if (text.length() > MAX_BYTES) {
      throw tooLarge(sourceName);
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Optional<Node> root = SafeYaml.compose(body, sourceName, MAX_BYTES);
    if (root.isEmpty()
        || (root.get() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
      return ScrutineerConfig.defaults();
    }
    YamlValue.Mapping top =
        new YamlValue(root.get(), sourceName, "")
            .asMapping("start the file with a key such as 'rules:' or 'silence:'");
    top.allowOnly(List.copyOf(SECTIONS.keySet()));
    Builder builder = new Builder();
    SECTIONS.forEach((key, section) -> top.get(key).ifPresent(v -> section.bind(v, builder)));
    return builder.build();
  }

  /** The top-level keys, in binding order. */
  static List<String> sectionKeys() {
    return List.copyOf(SECTIONS.keySet());
  }

  private static ConfigException tooLarge(String source) {
    return new ConfigException(
        source,
        "the file is larger than " + MAX_BYTES / 1024 + " KiB",
        "keep only settings in it; a configuration this large is almost certainly a mistake");
  }

  /** Binds one top-level key's value into the configuration being built. */
  @FunctionalInterface
  private interface Section {
    void bind(YamlValue value, Builder into);
  }

  private static Map<String, Section> sections() {
    Map<String, Section> sections = new LinkedHashMap<>();
    sections.put("version", ConfigLoader::bindVersion);
    sections.put("rules", ConfigLoader::bindRules);
    sections.put("silence", ConfigLoader::bindSilence);
    sections.put("policy", (value, into) -> into.policy = PolicyBinder.bind(value, into.policy));
    return sections;
  }

  /** The configuration as it is being bound; {@link #build()} makes the immutable value. */
  private static final class Builder {
    int version = ScrutineerConfig.CURRENT_VERSION;
    final List<RuleSpec> rules = new ArrayList<>();
    final List<Silence> silence = new ArrayList<>();
    PolicySpec policy = PolicySpec.builtin();

    ScrutineerConfig build() {
      return new ScrutineerConfig(version, rules, silence, policy);
    }
  }

  private static void bindVersion(YamlValue value, Builder into) {
    int version = value.asInt("write version: " + ScrutineerConfig.CURRENT_VERSION);
    if (version != ScrutineerConfig.CURRENT_VERSION) {
      throw value.error(
          "version " + version + " is not supported",
          "this Scrutineer reads version "
              + ScrutineerConfig.CURRENT_VERSION
              + "; write version: "
              + ScrutineerConfig.CURRENT_VERSION
              + " or upgrade Scrutineer");
    }
    into.version = version;
  }

  private static void bindRules(YamlValue value, Builder into) {
    Map<String, SourceLine> seen = new HashMap<>();
    for (YamlValue item : value.asList("write rules as a list:\n" + RULE_EXAMPLE)) {
      RuleSpec rule = bindRule(item);
      SourceLine first = seen.putIfAbsent(rule.id(), rule.origin());
      if (first != null) {
        throw new ConfigException(
            rule.origin(),
            "rule id "
                + ConfigException.quote(rule.id())
                + " is used twice (first at line "
                + first.line()
                + ")",
            "give each rule its own id");
      }
      into.rules.add(rule);
    }
  }

  private static RuleSpec bindRule(YamlValue item) {
    YamlValue.Mapping rule = item.asMapping("write each rule as a mapping: " + RULE_EXAMPLE);
    rule.allowOnly(RULE_KEYS);
    YamlValue idValue = rule.require("id", "id: team.short-name");
    String id = idValue.asString("write id: team.short-name");
    if (!RuleSpec.ID_FORMAT.matcher(id).matches()) {
      throw idValue.error(
          ConfigException.quote(id) + " is not a valid rule id",
          "use lower-case letters and digits in words joined by '.' or '-', such as"
              + " payments.ledger-writes");
    }
    YamlValue surfaceValue = rule.require("surface", "surface: <one of " + surfaceIds() + ">");
    String surfaceId = surfaceValue.asString("write surface: data-access");
    Surface surface =
        Surface.byId(surfaceId)
            .orElseThrow(
                () ->
                    surfaceValue.error(
                        "unknown surface "
                            + ConfigException.quote(surfaceId)
                            + " in "
                            + item.name(),
                        "expected one of: " + surfaceIds()));
    String title = rule.require("title", "title: <a short name>").asString("write title: ...");
    String because =
        rule.require("because", "because: <why a reviewer should care>")
            .asString("write because: ...");
    List<Glob> paths = globs(rule.get("paths"));
    List<Glob> excludePaths = globs(rule.get("exclude-paths"));
    List<Pattern> content = patterns(rule.get("content"));
    boolean excludeTests = rule.get("exclude-tests").map(YamlValue::asBoolean).orElse(false);
    boolean matchComments = rule.get("match-comments").map(YamlValue::asBoolean).orElse(false);
    if (paths.isEmpty() && content.isEmpty()) {
      throw item.error(
          "rule " + ConfigException.quote(id) + " has neither paths nor content",
          "add paths: [\"<glob>\"], content: [\"<regex>\"] or both, so it can match something");
    }
    return new RuleSpec(
        id,
        surface,
        title,
        because,
        paths,
        excludePaths,
        content,
        excludeTests,
        matchComments,
        item.at());
  }

  private static List<Glob> globs(Optional<YamlValue> value) {
    List<Glob> globs = new ArrayList<>();
    for (YamlValue item : nonEmptyList(value, "[\"src/main/**/ledger/**\"]")) {
      String pattern = item.asString("write a glob in quotes, such as \"**/*.sql\"");
      try {
        globs.add(Glob.compile(pattern));
      } catch (IllegalArgumentException e) {
        throw item.error(
            item.name()
                + " "
                + ConfigException.quote(pattern)
                + " is not a valid glob: "
                + e.getMessage(),
            "use ** for any directories, * within a name, ? for one character");
      }
    }
    return globs;
  }

  private static List<Pattern> patterns(Optional<YamlValue> value) {
    List<Pattern> patterns = new ArrayList<>();
    for (YamlValue item : nonEmptyList(value, "['ledger\\.insert']")) {
      String regex = item.asString("write a regular expression in single quotes");
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw item.error(
            item.name()
                + " "
                + ConfigException.quote(regex)
                + " is not a valid regular expression: "
                + e.getDescription()
                + " at index "
                + e.getIndex(),
            "fix the pattern (Java regex syntax; in single quotes YAML keeps backslashes as"
                + " written, in double quotes write \\\\ for each one)");
      }
      if (pattern.matcher("").find()) {
        throw item.error(
            item.name() + " " + ConfigException.quote(regex) + " matches every line",
            "make it match something specific, or drop content so the rule matches on paths alone");
      }
      patterns.add(pattern);
    }
    return patterns;
  }

  private static List<YamlValue> nonEmptyList(Optional<YamlValue> value, String example) {
    if (value.isEmpty()) {
      return List.of();
    }
    String key = value.get().name().substring(value.get().name().lastIndexOf('.') + 1);
    List<YamlValue> items = value.get().asList("write " + key + ": " + example);
    if (items.isEmpty()) {
      throw value
          .get()
          .error(value.get().name() + " is an empty list", "add an entry or remove " + key);
    }
    return items;
  }

  private static void bindSilence(YamlValue value, Builder into) {
    Map<String, SourceLine> seen = new HashMap<>();
    for (YamlValue item : value.asList("write silence: [deps.npm, ci.github-actions]")) {
      String id = item.asString("write the rule id, such as deps.npm");
      if (!RuleSpec.ID_FORMAT.matcher(id).matches()) {
        throw item.error(
            ConfigException.quote(id) + " is not a rule id",
            "rule ids are lower-case words joined by '.' or '-', such as deps.npm");
      }
      SourceLine first = seen.putIfAbsent(id, item.at());
      if (first != null) {
        throw item.error(
            ConfigException.quote(id) + " is silenced twice (first at line " + first.line() + ")",
            "list each rule id once");
      }
      into.silence.add(new Silence(id, item.at()));
    }
  }

  private static String surfaceIds() {
    return Arrays.stream(Surface.values()).map(Surface::id).collect(Collectors.joining(", "));
  }
}
