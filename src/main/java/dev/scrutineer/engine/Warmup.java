package dev.scrutineer.engine;

import dev.scrutineer.analysis.reach.index.FactsCache;
import dev.scrutineer.analysis.surface.SurfaceAnalyzer;
import java.nio.file.Path;

/**
 * Set-up every analysis needs that depends on nothing it reads: SQLite's native library and the
 * built-in surface rules (parsed from YAML). Done on a thread of its own while the main thread
 * opens the repository and reads the change, when the other processor has nothing else to do (in a
 * profile of a warm run on spring-framework, about 50 of the main thread's 775 samples).
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
    } catch (RuntimeException | Error e) {
      // The analysis needs the same things, meets the same problem and reports it.
    }
  }
}
