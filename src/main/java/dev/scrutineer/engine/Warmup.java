package dev.scrutineer.engine;

import dev.scrutineer.analysis.reach.framework.FrameworksCache;
import dev.scrutineer.analysis.reach.graph.LinkedBase;
import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.analysis.surface.SurfaceAnalyzer;
import java.nio.file.Path;

/**
 * Set-up every analysis needs that depends on nothing it reads: SQLite's native library, the
 * built-in surface rules (parsed from YAML) and the fingerprints of the linking and framework
 * rules. Done on a thread of its own while the main thread opens the repository and reads the
 * change, when the other processor has nothing else to do (in a profile of a warm run on
 * spring-framework, about 50 of the main thread's 775 samples).
 */
final class Warmup {
  private Warmup() {}

  /** Starts it; SQLite's library is kept in {@code cacheDirectory}. */
  static void start(Path cacheDirectory) {
    Thread thread = new Thread(() -> run(cacheDirectory), "scrutineer-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY); // behind the main thread, which reads the change
    thread.start();
  }

  private static void run(Path cacheDirectory) {
    try {
      FactsCache.prepare(cacheDirectory);
      SurfaceAnalyzer.builtinRules();
      // Their initialisers fingerprint the linking and framework rules by reading class files.
      initialize(LinkedBase.class);
      initialize(FrameworksCache.class);
    } catch (RuntimeException | Error | ClassNotFoundException e) {
      // The analysis needs the same things, meets the same problem and reports it.
    }
  }

  /** Runs the initialiser of {@code type} now, unless it has run. */
  private static void initialize(Class<?> type) throws ClassNotFoundException {
    Class.forName(type.getName(), true, type.getClassLoader());
  }
}
