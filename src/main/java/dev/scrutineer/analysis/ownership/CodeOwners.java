package dev.scrutineer.analysis.ownership;

import dev.scrutineer.model.Diagnostic;
import dev.scrutineer.model.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A repository's {@code CODEOWNERS}, read with GitHub's rules: the last line whose pattern matches
 * a path decides its owners; a line whose pattern or owners GitHub would reject is skipped with a
 * diagnostic naming its line, and the rest of the file still applies.
 */
public final class CodeOwners {
  /** Where GitHub looks, in order; the first file found is the only one read. */
  public static final List<String> LOCATIONS =
      List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

  /** GitHub does not load a {@code CODEOWNERS} file larger than this. */
  static final long MAX_BYTES = 3L * 1024 * 1024;

  private static final CodeOwners NONE = new CodeOwners(Optional.empty(), List.of(), List.of());

  private final Optional<String> file;
  private final List<Rule> rules;
  private final List<Diagnostic> diagnostics;

  private record Rule(OwnersRule rule, OwnersPattern pattern) {}

  private CodeOwners(Optional<String> file, List<Rule> rules, List<Diagnostic> diagnostics) {
    this.file = file;
    this.rules = List.copyOf(rules);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** No {@code CODEOWNERS} file: nothing has an owner. */
  public static CodeOwners none() {
    return NONE;
  }

  /**
   * The {@code CODEOWNERS} of a tree: the first of {@link #LOCATIONS} that is a regular file. Read
   * it from the change's merge-base, so a change cannot choose who must review it.
   */
  public static CodeOwners of(SourceTree tree) {
    for (String location : LOCATIONS) {
      OptionalLong size = tree.size(location);
      if (size.isEmpty()) {
        continue;
      }
      if (size.getAsLong() > MAX_BYTES) {
        return new CodeOwners(
            Optional.of(location),
            List.of(),
            List.of(
                Diagnostic.warning(
                    location, "larger than 3 MB, so GitHub ignores it; no path has an owner")));
      }
      byte[] bytes = tree.read(location).orElse(new byte[0]);
      return parse(new String(bytes, StandardCharsets.UTF_8), location);
    }
    return NONE;
  }

  /**
   * Parses the text of a {@code CODEOWNERS} file.
   *
   * @param file the path it was read from, for diagnostics and explanations
   */
  public static CodeOwners parse(String text, String file) {
    List<Rule> rules = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      List<String> words = words(lines[i]);
      if (words.isEmpty()) {
        continue;
      }
      try {
        OwnersPattern pattern = OwnersPattern.compile(words.get(0));
        List<CodeOwner> owners = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
          owners.add(
              CodeOwner.parse(word)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "'"
                                  + word
                                  + "' is not an owner: write @user, @org/team or an email")));
        }
        rules.add(new Rule(new OwnersRule(words.get(0), owners, number), pattern));
      } catch (IllegalArgumentException e) {
        diagnostics.add(
            Diagnostic.warning(
                file + ":" + number,
                e.getMessage() + "; GitHub skips this line, and so does this"));
      }
    }
    return new CodeOwners(Optional.of(file), rules, diagnostics);
  }

  /** The file read, such as {@code .github/CODEOWNERS}; empty when the tree has none. */
  public Optional<String> file() {
    return file;
  }

  /** The skipped lines, each with its line number. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The line that decides who owns {@code path}: the last one that matches. Empty when no line
   * matches; a rule with no owners means the path is explicitly unowned.
   */
  public Optional<OwnersRule> ruleFor(String path) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      if (rules.get(i).pattern().matches(path)) {
        return Optional.of(rules.get(i).rule());
      }
    }
    return Optional.empty();
  }

  /** The owners of {@code path}; empty when it has none. */
  public List<CodeOwner> ownersOf(String path) {
    return ruleFor(path).map(OwnersRule::owners).orElse(List.of());
  }

  /**
   * The words of a line: split at unescaped blanks, up to an unescaped {@code #}, which starts a
   * comment. {@code \ } keeps a blank in a pattern.
   */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
        word.append("\\ ");
        i++;
      } else if (c == '#' && (i == 0 || line.charAt(i - 1) != '\\')) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }
}
