package dev.scrutineer.ingest;

import java.util.regex.Pattern;

/**
 * Which lines a fix can have fixed: not blank, not only a comment, not an import or package line.
 * Changing such lines changes no behaviour, so blaming them would label innocent commits.
 */
final class SzzLines {
  private static final Pattern IMPORT =
      Pattern.compile("(import|package|using)\\s.*|#\\s*include\\b.*|from\\s+\\S+\\s+import\\b.*");

  private SzzLines() {}

  static boolean relevant(String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return false;
    }
    if (s.startsWith("//") || s.startsWith("/*") || s.startsWith("*") || s.startsWith("<!--")) {
      return false;
    }
    // '#' starts a comment in shell, Python, YAML and properties, but not '#include' or '#define'.
    if (s.startsWith("#") && (s.length() == 1 || !Character.isLetter(s.charAt(1)))) {
      return false;
    }
    return !IMPORT.matcher(s).matches();
  }
}
