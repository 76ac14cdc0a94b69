package dev.scrutineer.analysis.surface;

import dev.scrutineer.config.ConfigException;
import dev.scrutineer.config.ConfigLoader;
import dev.scrutineer.config.RuleSpec;
import dev.scrutineer.config.ScrutineerConfig;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Line;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Classifies what a change touches: each rule that matches a changed file gives one {@link
 * Finding}, saying which surface it is and why a reviewer should care.
 *
 * <p>The rules are the built-in set ({@code builtin-rules.yml}, beside this class, in the same
 * format as {@code scrutineer.yml}), plus the configured rules, minus the silenced ids.
 *
 * <ul>
 *   <li>A rule with paths only matches a file whose path it applies to; the finding has no lines,
 *       and the path is its evidence. For a rename, either path will do; a deletion is matched by
 *       its old path.
 *   <li>A rule with content also needs a changed line of a text file where one of its patterns is
 *       found. Added lines are preferred; when only removed lines match, the finding is {@code
 *       removed} and its line numbers are those of the base file. A binary, too large or submodule
 *       file can only match rules without content.
 *   <li>Lines are matched without a trailing carriage return and on their first {@value
 *       #MAX_LINE_CHARS} characters; unless the rule sets {@code match-comments}, lines that hold
 *       only a comment ({@link CommentSyntax}) are skipped.
 * </ul>
 *
 * Findings come sorted by path, then rule id.
 */
public final class SurfaceAnalyzer {
  /** The most line numbers one finding lists; the first is where a reader starts. */
  static final int MAX_LINES = 50;

  /** Longer lines are matched on their start: minified files are not code a reviewer reads. */
  static final int MAX_LINE_CHARS = 10_000;

  static final String BUILTIN_RESOURCE = "builtin-rules.yml";

  private final List<RuleSpec> rules;

  /**
   * Combines the built-in rules with the configuration's.
   *
   * @throws ConfigException when a configured rule reuses a built-in id or a silence names no rule
   */
  public SurfaceAnalyzer(ScrutineerConfig config) {
    List<RuleSpec> builtin = builtinRules();
    config.checkRuleIds(builtin.stream().map(RuleSpec::id).toList());
    Set<String> silenced = config.silencedIds();
    List<RuleSpec> active = new ArrayList<>();
    for (RuleSpec rule : builtin) {
      if (!silenced.contains(rule.id())) {
        active.add(rule);
      }
    }
    for (RuleSpec rule : config.rules()) {
      if (!silenced.contains(rule.id())) {
        active.add(rule);
      }
    }
    this.rules = List.copyOf(active);
  }

  /** The built-in rules, in the order of {@code builtin-rules.yml}. */
  public static List<RuleSpec> builtinRules() {
    return Builtin.RULES;
  }

  /** The rules this analyzer applies: built-in, then configured, without the silenced ones. */
  public List<RuleSpec> rules() {
    return rules;
  }

  /** Files are independent, so they are matched in parallel; the sort makes the order stable. */
  public List<Finding> analyze(ChangeSet change) {
    List<Finding> findings =
        new ArrayList<>(
            change.files().parallelStream().flatMap(file -> analyze(file).stream()).toList());
    findings.sort(
        Comparator.comparing(Finding::path)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::fingerprint));
    return List.copyOf(findings);
  }

  private List<Finding> analyze(FileChange file) {
    Set<String> paths = new LinkedHashSet<>();
    file.newPath().ifPresent(paths::add);
    file.oldPath().ifPresent(paths::add);
    boolean text = file.content() == Content.TEXT;
    CommentSyntax comments = CommentSyntax.forPath(file.path());
    ChangedLines added = ChangedLines.of(text ? file.addedLines() : List.of(), comments);
    ChangedLines removed = ChangedLines.of(text ? file.removedLines() : List.of(), comments);
    List<Finding> findings = new ArrayList<>();
    for (RuleSpec rule : rules) {
      if (paths.stream().noneMatch(rule::appliesTo)) {
        continue;
      }
      if (rule.pathOnly()) {
        findings.add(finding(rule, file.path(), List.of(), false, file.path()));
      } else if (text) {
        match(rule, file.path(), added.forRule(rule), false)
            .or(() -> match(rule, file.path(), removed.forRule(rule), true))
            .ifPresent(findings::add);
      }
    }
    return findings;
  }

  /**
   * One side's changed lines, normalised once per file rather than once per rule: all of them, and
   * those that are not comment-only, which most rules look at.
   */
  private record ChangedLines(List<Line> all, List<Line> code) {
    static ChangedLines of(List<Line> lines, CommentSyntax comments) {
      List<Line> all = normalise(lines);
      return new ChangedLines(
          all, all.stream().filter(line -> !comments.isCommentOnly(line.text())).toList());
    }

    List<Line> forRule(RuleSpec rule) {
      return rule.matchComments() ? all : code;
    }
  }

  private static Optional<Finding> match(
      RuleSpec rule, String path, List<Line> lines, boolean removed) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Matcher[] matchers = rule.content().stream().map(p -> p.matcher("")).toArray(Matcher[]::new);
    List<Integer> numbers = new ArrayList<>();
    String evidence = null;
    for (Line line : lines) {
      if (matches(rule, matchers, line, path)) {
        if (evidence == null) {
          evidence = Evidence.of(line.text(), rule.content());
        }
        numbers.add(line.number());
        if (numbers.size() == MAX_LINES) {
          break;
        }
      }
    }
    return evidence == null
        ? Optional.empty()
        : Optional.of(finding(rule, path, numbers, removed, evidence));
  }

  private static boolean matches(RuleSpec rule, Matcher[] matchers, Line line, String path) {
    for (Matcher matcher : matchers) {
      try {
        if (matcher.reset(line.text()).find()) {
          return true;
        }
      } catch (StackOverflowError e) {
        // java.util.regex recurses once per repetition of a group, so a pattern such as (a|b)*
        // can exhaust the stack on a long line. That is a problem of the rule, not of the change.
        throw new ConfigException(
            rule.origin(),
            "a content pattern of rule "
                + rule.id()
                + " ran out of stack on "
                + path
                + ":"
                + line.number()
                + " ("
                + matcher.pattern().pattern()
                + ")",
            "simplify the pattern: bound repeated groups such as (a|b)* with {0,20}, or use a"
                + " character class");
      }
    }
    return false;
  }

  private static Finding finding(
      RuleSpec rule, String path, List<Integer> lines, boolean removed, String evidence) {
    return new Finding(
        rule.id(),
        rule.surface(),
        rule.title(),
        rule.because(),
        path,
        lines,
        removed,
        evidence,
        Evidence.fingerprint(rule.id(), path, evidence));
  }

  /** Drops a carriage return a CRLF file left at the end, and cuts overlong lines. */
  private static List<Line> normalise(List<Line> lines) {
    List<Line> out = new ArrayList<>(lines.size());
    for (Line line : lines) {
      String text = line.text();
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.length() > MAX_LINE_CHARS) {
        text = text.substring(0, MAX_LINE_CHARS);
      }
      out.add(text.equals(line.text()) ? line : new Line(line.number(), text));
    }
    return out;
  }

  /** Loaded once: the resource is part of the program, so a problem in it is a bug. */
  private static final class Builtin {
    static final List<RuleSpec> RULES = load();

    private static List<RuleSpec> load() {
      String text;
      try (InputStream in = SurfaceAnalyzer.class.getResourceAsStream(BUILTIN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(BUILTIN_RESOURCE + " is missing from the class path");
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        ScrutineerConfig builtin = ConfigLoader.load(text, BUILTIN_RESOURCE);
        if (!builtin.silence().isEmpty()) {
          throw new IllegalStateException(BUILTIN_RESOURCE + " must not silence rules");
        }
        return builtin.rules();
      } catch (ConfigException e) {
        throw new IllegalStateException("the built-in rules are invalid: " + e.getMessage(), e);
      }
    }
  }
}
