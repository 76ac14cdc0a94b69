package dev.scrutineer.cli;

import dev.scrutineer.engine.AnalysisRequest;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.model.InputException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How a command selects the change: the same options for every command. */
final class ChangeOptions {
  @Option(
      names = "--repo",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "The repository (a work tree or a bare repository). Default: the current directory.")
  Path repo;

  @Option(
      names = "--base",
      paramLabel = "REV",
      description =
          "What the change is measured against; the change starts at the merge-base of REV and"
              + " the head. Default: origin/HEAD, then main, then master (HEAD with --worktree).")
  String base;

  @Option(
      names = "--head",
      paramLabel = "REV",
      description = "The last commit of the change. Default: HEAD.")
  String head;

  @Option(
      names = "--worktree",
      description =
          "Analyze the working tree (uncommitted changes, and untracked files that are not ignored)"
              + " instead of a commit.")
  boolean worktree;

  @Option(
      names = "--pr-json",
      paramLabel = "FILE",
      description =
          "GitHub's pull-request JSON (GET /repos/OWNER/REPO/pulls/N): title, body, labels and"
              + " author are used as evidence.")
  Path prJson;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A scrutineer.yml to use. Default: scrutineer.yml in the merge-base, so a change cannot"
              + " loosen the rules it is judged by.")
  Path config;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Where what runs derive is kept for the next: file facts and declarations (facts.db),"
              + " linked merge-bases (graphs/), mined history (history.db, histories/); safe to"
              + " delete. Default: $SCRUTINEER_CACHE, else $XDG_CACHE_HOME/scrutineer, else"
              + " ~/.cache/scrutineer.")
  Path cache;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "A risk model saved by 'scrutineer backtest'. Default: the one saved for this repository"
              + " in the cache directory (models/<root commit>.json), else the built-in defaults.")
  Path model;

  /** The analysis these options ask for; {@code why} is what to explain, if anything. */
  AnalysisRequest request(Optional<String> why) {
    return new AnalysisRequest(
        query(), prJson(), config(), cache(), why, Optional.ofNullable(model), false);
  }

  ChangeQuery query() {
    if (worktree && head != null) {
      throw new InputException("--head and --worktree exclude each other; pass one of them");
    }
    return new ChangeQuery(repo, Optional.ofNullable(base), Optional.ofNullable(head), worktree);
  }

  Optional<Path> prJson() {
    return Optional.ofNullable(prJson);
  }

  Optional<Path> config() {
    return Optional.ofNullable(config);
  }

  Optional<Path> cache() {
    return Optional.ofNullable(cache);
  }
}
