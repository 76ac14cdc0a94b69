package dev.scrutineer.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Who is behind a team or an email that {@code CODEOWNERS} or the policy names: GitHub's team API
 * needs a token, so the members come from a small file (YAML or JSON) kept by the team.
 *
 * <pre>{@code
 * "@shop/security": [sam-lee, ana-ortiz]   # a team, quoted: YAML reserves a leading @
 * shop/orders: [dana-kim]                  # the same without @
 * priya@shop.example: [priya-r]            # an email owner and the login that stands for it
 * }</pre>
 *
 * @param members owner handle (lower case, teams with {@code @}) to GitHub logins (lower case)
 */
public record Teams(Map<String, Set<String>> members) {
  public static final Teams NONE = new Teams(Map.of());

  public Teams {
    Map<String, Set<String>> copy = new TreeMap<>();
    members.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    members = java.util.Collections.unmodifiableMap(copy);
  }

  /** The logins that stand for {@code handle}; empty when the file does not name it. */
  public Set<String> membersOf(String handle) {
    return members.getOrDefault(handle.toLowerCase(Locale.ROOT), Set.of());
  }

  /** Reads a teams file; every mistake is a {@link ConfigException} with its line. */
  public static Teams load(Path file) {
    String source = file.toString();
    String text;
    try {
      if (Files.size(file) > ConfigLoader.MAX_BYTES) {
        throw new ConfigException(source, "the file is larger than 1 MiB", "list teams only");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "file not found", "check the path given to --teams");
    } catch (IOException e) {
      throw new ConfigException(
          source, "cannot read the file (" + e.getClass().getSimpleName() + ")", "check the path");
    }
    return parse(text, source);
  }

  static Teams parse(String text, String source) {
    Optional<Node> root = SafeYaml.compose(text, source, ConfigLoader.MAX_BYTES);
    if (root.isEmpty()) {
      return NONE;
    }
    YamlValue.Mapping teams =
        new YamlValue(root.get(), source, "").asMapping("\"@org/team\": [login, login]");
    Map<String, Set<String>> members = new TreeMap<>();
    for (String key : teams.keys()) {
      YamlValue value = teams.get(key).orElseThrow();
      String handle = key.toLowerCase(Locale.ROOT);
      if (!handle.startsWith("@") && handle.contains("/")) {
        handle = "@" + handle;
      }
      if (!PolicyBinder.REVIEWER.matcher(handle).matches()
          || !(handle.contains("/") || !handle.startsWith("@"))) {
        throw value.error(
            ConfigException.quote(key) + " is neither a team nor an email",
            "write a team as \"@org/team\" or org/team, or an email owner as name@example.com");
      }
      List<String> logins = new ArrayList<>();
      for (YamlValue item : value.asList("write " + key + ": [login, login]")) {
        String login = item.asString("write a GitHub login, such as octocat");
        logins.add(login.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT));
      }
      if (members.put(handle, Set.copyOf(logins)) != null) {
        throw value.error(
            ConfigException.quote(key) + " is listed twice", "list each team or email once");
      }
    }
    return new Teams(members);
  }
}
