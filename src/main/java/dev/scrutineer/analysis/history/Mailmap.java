package dev.scrutineer.analysis.history;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Author identities: the lower-cased e-mail address, after git's {@code .mailmap} has mapped a
 * commit's address to the proper one. Names are not used: the same name is often two people, and
 * one person often writes their name two ways.
 */
final class Mailmap {
  private static final Pattern EMAIL = Pattern.compile("<([^>]*)>");

  private final Map<String, String> proper;

  private Mailmap(Map<String, String> proper) {
    this.proper = proper;
  }

  static Mailmap none() {
    return new Mailmap(Map.of());
  }

  /**
   * Reads lines of the form {@code Proper Name <proper@e.mail> [Commit Name] <commit@e.mail>};
   * lines with one address change only the name, which identities ignore.
   */
  static Mailmap parse(String text) {
    Map<String, String> proper = new HashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
      Matcher m = EMAIL.matcher(line);
      String first = null;
      String second = null;
      while (m.find()) {
        if (first == null) {
          first = m.group(1);
        } else if (second == null) {
          second = m.group(1);
        }
      }
      if (first != null && second != null && !first.isBlank()) {
        proper.put(normal(second), normal(first));
      }
    }
    return new Mailmap(proper);
  }

  /** The identity of an author with this name and e-mail address. */
  String identity(String name, String email) {
    String key = normal(email);
    if (key.isEmpty()) {
      return "name:" + name.strip().toLowerCase(Locale.ROOT);
    }
    return proper.getOrDefault(key, key);
  }

  private static String normal(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
