package dev.scrutineer.policy;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangeType;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.Confidence;
import dev.scrutineer.model.Content;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.FileChange;
import dev.scrutineer.model.FileMode;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Person;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.PullRequest;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.ReachedTest;
import dev.scrutineer.model.Revision;
import dev.scrutineer.model.Risk;
import dev.scrutineer.model.RiskTier;
import dev.scrutineer.model.Surface;
import dev.scrutineer.model.Symbol;
import dev.scrutineer.model.Trailer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Analyses built from a handful of facts, for policy tests that need no repository. */
final class Analyses {
  static final String HEAD = "c".repeat(40);
  static final String EARLIER = "b".repeat(40);
  static final Person HUMAN = new Person("Dana Kim", "dana@shop.example");
  static final Person COPILOT_AGENT =
      new Person("copilot-swe-agent[bot]", "198982749+Copilot@users.noreply.github.com");

  private Analyses() {}

  /**
   * The facts a policy reads.
   *
   * @param files touched paths
   * @param entryPoints files of reached entry points, one entry point each
   * @param tests files of reached tests, one test each
   */
  record Facts(
      AiLevel ai,
      boolean declared,
      Set<Surface> surfaces,
      List<String> files,
      int linesPerFile,
      List<String> entryPoints,
      int services,
      List<String> tests) {}

  static Analysis of(Facts facts) {
    return of(facts, List.of(commit(HUMAN, List.of())), Optional.empty());
  }

  static Analysis of(Facts facts, List<Commit> commits, Optional<PullRequest> pr) {
    List<FileChange> files = new ArrayList<>();
    for (String path : facts.files()) {
      files.add(
          new FileChange(
              ChangeType.MODIFIED,
              Optional.of(path),
              Optional.of(path),
              FileMode.REGULAR,
              FileMode.REGULAR,
              Optional.of("a".repeat(40)),
              Optional.of("b".repeat(40)),
              0,
              Content.TEXT,
              false,
              Optional.empty(),
              List.of(),
              facts.linesPerFile(),
              0));
    }
    ChangeSet change =
        new ChangeSet(
            new Revision("main", "a".repeat(40)),
            new Revision("main", "a".repeat(40)),
            new Revision("HEAD", HEAD),
            commits,
            files,
            List.of());
    List<Finding> findings = new ArrayList<>();
    for (Surface s : facts.surfaces()) {
      findings.add(
          new Finding(
              "r." + s.id(), s, "t", "b", "src/" + s.id(), List.of(1), false, "e", "f" + s.id()));
    }
    List<EntryPoint> entryPoints = new ArrayList<>();
    for (String path : facts.entryPoints()) {
      entryPoints.add(
          new EntryPoint(
              "http",
              "GET /" + entryPoints.size(),
              new Symbol("p", "C#m" + entryPoints.size() + "()"),
              path,
              1,
              Confidence.HIGH,
              List.of()));
    }
    List<ReachedTest> tests = new ArrayList<>();
    for (String path : facts.tests()) {
      tests.add(
          new ReachedTest(
              new Symbol("p", "T#t" + tests.size() + "()"),
              path,
              1,
              Confidence.HIGH,
              new Symbol("p", "C#m()"),
              1));
    }
    List<Module> modules = new ArrayList<>();
    for (int i = 0; i < facts.services(); i++) {
      modules.add(new Module("svc" + i, "svc" + i, true));
    }
    Reach reach =
        new Reach(
            entryPoints.size() + tests.size(),
            List.of(0, 0, entryPoints.size() + tests.size()),
            entryPoints,
            tests,
            modules,
            new Reach.IndexSummary(0, 0, 0, 0),
            Optional.empty(),
            List.of());
    Provenance provenance =
        new Provenance(
            facts.ai(),
            List.of(),
            List.of(),
            facts.declared(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());
    // The policy takes the risk as its own argument, so the analysis carries a neutral one.
    Risk unscored = new Risk(0, RiskTier.LOW, List.of(), "not scored in this test");
    return new Analysis(
        change, pr, List.of(), Optional.of(reach), findings, provenance, unscored, List.of());
  }

  static Commit commit(Person author, List<Trailer> trailers) {
    Instant at = Instant.parse("2026-03-09T14:00:00Z");
    return new Commit(HEAD, List.of(), author, at, author, at, "change\n", trailers, 1, 0);
  }
}
