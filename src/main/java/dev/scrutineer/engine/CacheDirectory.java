package dev.scrutineer.engine;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

/** Where caches and calibrated models live when no directory is given. */
final class CacheDirectory {
  private CacheDirectory() {}

  /**
   * The given one, else {@code $SCRUTINEER_CACHE}, {@code $XDG_CACHE_HOME/scrutineer}, ~/.cache.
   */
  static Path resolve(Optional<Path> given, Map<String, String> env) {
    if (given.isPresent()) {
      return given.get();
    }
    String dir = env.get("SCRUTINEER_CACHE");
    if (dir != null && !dir.isBlank()) {
      return Paths.get(dir);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Paths.get(xdg, "scrutineer");
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "scrutineer");
  }
}
