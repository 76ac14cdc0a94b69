package dev.scrutineer.config;

import dev.scrutineer.model.Surface;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A validated surface rule, built in or from {@code scrutineer.yml}: which files it looks at and,
 * optionally, which changed lines in them.
 *
 * <p>A file is looked at when its path matches one of {@code paths} (or {@code paths} is empty),
 * matches none of {@code excludePaths}, and, when {@code excludeTests} is set, is not a test source
 * as {@link #TEST_SOURCES} describes. A rule without {@code content} then matches the file; a rule
 * with {@code content} matches when one of its patterns is found in a changed line.
 *
 * <p>Records compare {@link Pattern}s by identity, so two specs with equal content patterns are not
 * {@code equals}; compare {@link #id()} instead.
 *
 * @param excludeTests true to skip test sources ({@link #TEST_SOURCES}), so the rule need not list
 *     them in {@code excludePaths}
 * @param matchComments true to also scan lines that are only a comment; by default such lines are
 *     skipped, because a comment that mentions a password does not change how passwords work
 * @param origin where the rule was written
 */
public record RuleSpec(
    String id,
    Surface surface,
    String title,
    String because,
    List<Glob> paths,
    List<Glob> excludePaths,
    List<Pattern> content,
    boolean excludeTests,
    boolean matchComments,
    SourceLine origin) {

  /** Rule ids: lower-case words of letters and digits joined by dots or dashes. */
  public static final Pattern ID_FORMAT = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

  /**
   * What {@code exclude-tests: true} leaves out: the usual test source layouts of Maven, Gradle,
   * JavaScript, Python, Go and Ruby projects. A heuristic, chosen to keep noise low; a rule that
   * must see tests sets {@code exclude-tests: false} (the default) instead.
   */
  public static final List<Glob> TEST_SOURCES =
      Stream.of(
              "**/src/test/**",
              "**/src/testFixtures/**",
              "**/src/*Test/**",
              "**/src/it/**",
              "test/",
              "tests/",
              "__tests__/",
              "testdata/",
              "*Test.java",
              "*Tests.java",
              "*IT.java",
              "*TestCase.java",
              "*Test.kt",
              "*Tests.kt",
              "*Spec.groovy",
              "*Spec.kt",
              "*_test.go",
              "test_*.py",
              "*_test.py",
              "*_spec.rb",
              "*.test.js",
              "*.test.ts",
              "*.test.jsx",
              "*.test.tsx",
              "*.spec.js",
              "*.spec.ts",
              "*.spec.jsx",
              "*.spec.tsx")
          .map(Glob::compile)
          .toList();

  public RuleSpec {
    Objects.requireNonNull(id, "id");
    if (!ID_FORMAT.matcher(id).matches()) {
      throw new IllegalArgumentException("not a rule id: " + id);
    }
    Objects.requireNonNull(surface, "surface");
    if (title.isBlank() || because.isBlank()) {
      throw new IllegalArgumentException("a rule needs a title and a reason: " + id);
    }
    paths = List.copyOf(paths);
    excludePaths = List.copyOf(excludePaths);
    content = List.copyOf(content);
    if (paths.isEmpty() && content.isEmpty()) {
      throw new IllegalArgumentException("a rule needs paths or content: " + id);
    }
    Objects.requireNonNull(origin, "origin");
  }

  /** True when the rule looks at a file with this path (its content aside). */
  public boolean appliesTo(String path) {
    if (!paths.isEmpty() && paths.stream().noneMatch(g -> g.matches(path))) {
      return false;
    }
    if (excludePaths.stream().anyMatch(g -> g.matches(path))) {
      return false;
    }
    return !(excludeTests && isTestSource(path));
  }

  /** True when the rule matches on the path alone. */
  public boolean pathOnly() {
    return content.isEmpty();
  }

  /** True when the path looks like test code or test data by {@link #TEST_SOURCES}. */
  public static boolean isTestSource(String path) {
    return TEST_SOURCES.stream().anyMatch(g -> g.matches(path));
  }
}
