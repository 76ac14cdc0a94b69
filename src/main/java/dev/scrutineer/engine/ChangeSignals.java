package dev.scrutineer.engine;

import dev.scrutineer.analysis.provenance.ProvenanceDetector;
import dev.scrutineer.analysis.reach.Tasks;
import dev.scrutineer.analysis.surface.SurfaceAnalyzer;
import dev.scrutineer.config.ScrutineerConfig;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.PullRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;

/**
 * What a change says of itself, apart from its reach: the sensitive surfaces it touches and whether
 * it was AI-assisted. Neither depends on the reach, so both are worked out while the main thread
 * finds it, on threads of the lowest priority (which the launcher has the JVM pass on): they take
 * what the reach leaves of the processors. Those threads are a pool's of their own, so the surface
 * rules, which match files side by side, do not spread to the common pool's threads.
 */
final class ChangeSignals implements AutoCloseable {
  /** What was found. */
  record Found(List<Finding> findings, Provenance provenance) {}

  private final ForkJoinPool pool;
  private final Future<Found> found;

  private ChangeSignals(ForkJoinPool pool, Future<Found> found) {
    this.pool = pool;
    this.found = found;
  }

  /** Starts looking. */
  static ChangeSignals start(
      ScrutineerConfig config, ChangeSet change, Optional<PullRequest> pullRequest) {
    ForkJoinPool pool =
        new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            ChangeSignals::lowPriorityThread,
            null,
            false);
    return new ChangeSignals(
        pool,
        pool.submit(
            () ->
                new Found(
                    new SurfaceAnalyzer(config).analyze(change),
                    new ProvenanceDetector().detect(change, pullRequest))));
  }

  private static ForkJoinWorkerThread lowPriorityThread(ForkJoinPool pool) {
    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    thread.setName("scrutineer-signals-" + thread.getPoolIndex());
    thread.setPriority(Thread.MIN_PRIORITY);
    return thread;
  }

  /** What was found, once it is; a failure is thrown as it was met. */
  Found await() {
    return Tasks.await(found, "matching the surface rules");
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
