package dev.scrutineer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fingerprint of the class files of some rules, for the keys of what a cache stores from them:
 * whatever changes in the rules, or in the classes nested in them, a stored result of other rules
 * is never taken for theirs.
 */
public final class RulesFingerprint {
  private RulesFingerprint() {}

  /**
   * @param also anything else the results depend on, such as the JDK's version
   * @param rules the classes; each with the classes nested in it
   */
  public static String of(String also, Collection<Class<?>> rules) {
    MessageDigest sha1 = sha1();
    sha1.update((also + "\n").getBytes(StandardCharsets.UTF_8));
    Set<String> names = new TreeSet<>();
    for (Class<?> rule : rules) {
      Arrays.stream(rule.getNestHost().getNestMembers()).map(Class::getName).forEach(names::add);
    }
    for (String name : names) {
      String resource = "/" + name.replace('.', '/') + ".class";
      try (InputStream in = RulesFingerprint.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("class file not found: " + resource);
        }
        sha1.update(in.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + resource, e);
      }
    }
    return HexFormat.of().formatHex(sha1.digest()).substring(0, 16);
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
