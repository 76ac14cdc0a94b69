package dev.scrutineer.analysis.surface;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a line that holds only a comment starts, by file type. Content rules skip such lines unless
 * they set {@code match-comments}, so that a comment mentioning {@code synchronized} or a password
 * does not read as a change to either. Only whole-line comments are recognised; a trailing comment
 * after code is part of the code line, and the middle of a block comment counts as code unless it
 * starts with {@code *}, as Javadoc lines do.
 */
enum CommentSyntax {
  C_LIKE("//", "/*", "*"),
  HASH("#"),
  PROPERTIES("#", "!"),
  HCL("#", "//", "/*"),
  INI("#", ";"),
  SQL("--", "/*"),
  MARKUP("<!--"),
  NONE();

  private static final Set<String> C_LIKE_EXTENSIONS =
      Set.of(
          "java",
          "kt",
          "kts",
          "groovy",
          "gradle",
          "scala",
          "sc",
          "js",
          "mjs",
          "cjs",
          "jsx",
          "ts",
          "mts",
          "cts",
          "tsx",
          "go",
          "c",
          "h",
          "cc",
          "cpp",
          "cxx",
          "hpp",
          "cs",
          "swift",
          "rs",
          "dart",
          "php",
          "proto",
          "avdl",
          "json5",
          "jenkinsfile");
  private static final Set<String> HASH_EXTENSIONS =
      Set.of(
          "yml",
          "yaml",
          "py",
          "sh",
          "bash",
          "zsh",
          "rb",
          "pl",
          "r",
          "toml",
          "conf",
          "env",
          "dockerfile",
          "cfg",
          "mk",
          "graphql",
          "graphqls",
          "gql",
          "tfvars",
          "nginx");
  private static final Set<String> MARKUP_EXTENSIONS =
      Set.of("xml", "html", "htm", "xhtml", "xsd", "wsdl", "pom", "jsp", "vue", "svg");

  private final List<String> prefixes;

  CommentSyntax(String... prefixes) {
    this.prefixes = List.of(prefixes);
  }

  static CommentSyntax forPath(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("dockerfile")
        || lower.startsWith("dockerfile.")
        || lower.equals("containerfile")
        || lower.equals("makefile")
        || lower.equals("caddyfile")
        || lower.startsWith(".env")
        || lower.equals("gemfile")
        || lower.equals("podfile")
        || lower.equals("pipfile")
        || lower.equals("codeowners")) {
      return HASH;
    }
    if (lower.equals("jenkinsfile") || lower.startsWith("jenkinsfile.")) {
      return C_LIKE;
    }
    int dot = lower.lastIndexOf('.');
    String extension = dot < 0 ? "" : lower.substring(dot + 1);
    if (C_LIKE_EXTENSIONS.contains(extension)) {
      return C_LIKE;
    }
    if (HASH_EXTENSIONS.contains(extension)) {
      return HASH;
    }
    if (MARKUP_EXTENSIONS.contains(extension)) {
      return MARKUP;
    }
    return switch (extension) {
      case "properties" -> PROPERTIES;
      case "tf", "hcl" -> HCL;
      case "ini" -> INI;
      case "sql" -> SQL;
      default -> NONE;
    };
  }

  /** True when the line, leading white space aside, starts with a comment marker. */
  boolean isCommentOnly(String line) {
    String text = line.stripLeading();
    for (String prefix : prefixes) {
      if (text.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
