package dev.scrutineer.engine;

import dev.scrutineer.analysis.provenance.ProvenanceDetector;
import dev.scrutineer.audit.Audit;
import dev.scrutineer.ingest.ChangeQuery;
import dev.scrutineer.ingest.MergeHistoryReader;
import dev.scrutineer.ingest.PullRequestExportReader;
import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Analysis;
import dev.scrutineer.model.AuditReport;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.InputException;
import dev.scrutineer.model.MergedChange;
import dev.scrutineer.model.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads merged changes, analyses each one git has, and hands the facts to the audit. */
final class AuditRun {
  private final Scrutineer engine;

  AuditRun(Scrutineer engine) {
    this.engine = engine;
  }

  AuditReport run(AuditRequest request) {
    List<String> notes = new ArrayList<>();
    List<MergedChange> changes;
    String source;
    if (request.pullRequests().isPresent()) {
      source = "pr-export";
      changes =
          PullRequestExportReader.read(request.pullRequests().get()).stream()
              .filter(c -> !c.mergedAt().isBefore(request.since()))
              .toList();
      changes = locate(request, changes, notes);
    } else {
      source = "git";
      changes = MergeHistoryReader.read(request.repository(), request.branch(), request.since());
      notes.add(
          "no pull-request export (--prs): changes are the merge and first-parent commits in git,"
              + " which keeps no reviews, so review times, comments, approvers and rubber stamps"
              + " are n/a");
    }
    List<Audit.Input> inputs = new ArrayList<>();
    for (MergedChange change : changes) {
      Optional<Analysis> analysis = analyze(request, change, notes);
      int added =
          change.linesAdded() >= 0
              ? change.linesAdded()
              : analysis.map(a -> a.change().linesAdded()).orElse(0);
      int deleted =
          change.linesDeleted() >= 0
              ? change.linesDeleted()
              : analysis.map(a -> a.change().linesDeleted()).orElse(0);
      int files =
          change.filesChanged() > 0
              ? change.filesChanged()
              : analysis.map(a -> a.change().files().size()).orElse(0);
      inputs.add(
          new Audit.Input(
              change,
              added + deleted,
              files,
              aiLevel(change, analysis),
              analysis.map(a -> a.risk().tier())));
    }
    long untiered = inputs.stream().filter(i -> i.tier().isEmpty()).count();
    if (untiered > 0) {
      notes.add(
          "risk tier: n/a for "
              + untiered
              + " of "
              + inputs.size()
              + " changes git could not analyse; the rubber-stamp rule uses the low tier's"
              + " allowance for them");
    }
    return Audit.of(source, notes, inputs);
  }

  private static List<MergedChange> locate(
      AuditRequest request, List<MergedChange> changes, List<String> notes) {
    try {
      List<MergedChange> located = MergeHistoryReader.locate(request.repository(), changes);
      long missing = located.stream().filter(c -> c.range().isEmpty()).count();
      if (missing > 0) {
        notes.add(
            missing
                + " of "
                + located.size()
                + " merge commits are not in the repository: those changes are measured from the"
                + " export alone");
      }
      return located;
    } catch (InputException e) {
      notes.add("no repository to analyse the changes in (" + e.getMessage() + ")");
      return changes;
    }
  }

  private Optional<Analysis> analyze(
      AuditRequest request, MergedChange change, List<String> notes) {
    if (change.range().isEmpty()) {
      return Optional.empty();
    }
    MergedChange.Range range = change.range().get();
    try {
      return Optional.of(
          engine.analyze(
              new AnalysisRequest(
                  new ChangeQuery(
                      request.repository(),
                      Optional.of(range.base()),
                      Optional.of(range.head()),
                      false),
                  Optional.empty(),
                  request.configFile(),
                  request.cacheDirectory(),
                  Optional.empty(),
                  Optional.empty(),
                  false)));
    } catch (InputException e) {
      notes.add(
          change.number().map(n -> "#" + n).orElse(range.head())
              + " could not be analysed: "
              + e.getMessage());
      return Optional.empty();
    }
  }

  /** The most the analysis of its commits or the pull request's own evidence says. */
  private static AiLevel aiLevel(MergedChange change, Optional<Analysis> analysis) {
    AiLevel fromGit = analysis.map(a -> a.provenance().level()).orElse(AiLevel.NONE);
    Revision none = new Revision("export", "export");
    ChangeSet exported = new ChangeSet(none, none, none, change.commits(), List.of(), List.of());
    AiLevel fromExport = new ProvenanceDetector().detect(exported, change.pullRequest()).level();
    return fromGit.max(fromExport);
  }
}
