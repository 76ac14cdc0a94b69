package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.Commit;
import dev.scrutineer.model.CommitProvenance;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.ProvenanceSignal;
import dev.scrutineer.model.PullRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the AI-assistance signals of the catalogue ({@code ai-disclosure.md}) in every commit of a
 * change, its diff and its pull request, and rates each commit and the whole change.
 *
 * <p>Levels of single signals:
 *
 * <ul>
 *   <li>{@code ASSISTED}: {@code Assisted-by:}, an AI co-author or sign-off, a PR label, title or
 *       body disclosure ({@code GENERATED} when it says "generated").
 *   <li>{@code SUBSTANTIAL}: a vendor "Generated with [Tool]" or "Made with [Tool]" line, and
 *       Aider's {@code aider: } subject and {@code (aider)} name suffix. With the co-author line
 *       the vendor writes beside it, this is the catalogue's "co-author plus Generated with".
 *   <li>{@code GENERATED}: {@code Generated-by:}, {@code Synthesized-by:}, agent session trailers
 *       ({@code Claude-Session}, {@code Agent-Logs-Url}, {@code Entire-*}, {@code Made-with}), an
 *       agent as author or committer, a pull request opened by an agent or a bot, an agent branch.
 *   <li>{@code NONE}: agent configuration files in the diff, shown as evidence only.
 * </ul>
 *
 * <p>A commit takes the highest level of its signals. The change takes the highest level of its
 * commits and of the pull request, except that when it would be {@code GENERATED} and the change
 * also holds a human commit (a non-merge commit below {@code GENERATED} whose author is not a bot)
 * it is {@code SUBSTANTIAL}: agent work with human fix-ups is a mix, not generated work.
 *
 * <p>{@code NONE} means no disclosure was found, never that a person wrote the change. Review bots
 * (Copilot's reviewer, CodeRabbit, Gemini Code Assist, Cursor's Bugbot) are not authors and give no
 * signal. Velocity is reported beside the level and never changes it.
 */
public final class ProvenanceDetector {
  /** Every commit signature, in the order their signals are listed for a commit. */
  private static final List<CommitSignature> COMMIT_SIGNATURES =
      List.of(new IdentitySignatures(), new MessageSignatures(), new TrailerSignatures());

  private static final Comparator<String> READING_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  public ProvenanceDetector() {}

  public Provenance detect(ChangeSet change, Optional<PullRequest> pullRequest) {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(pullRequest, "pullRequest");
    List<CommitProvenance> commits = change.commits().stream().map(this::commit).toList();

    List<Hit> changeHits = new ArrayList<>(AgentConfigFiles.find(change.files()));
    pullRequest.ifPresent(pr -> changeHits.addAll(PullRequestSignatures.find(pr)));
    List<ProvenanceSignal> changeSignals =
        changeHits.stream().distinct().map(h -> h.toSignal(Optional.empty())).toList();

    List<ProvenanceSignal> signals = new ArrayList<>();
    commits.forEach(c -> signals.addAll(c.signals()));
    signals.addAll(changeSignals);

    AiLevel level = Levels.change(change.commits(), commits, Levels.max(changeSignals));
    return new Provenance(
        level,
        names(signals, ProvenanceSignal::tool),
        names(signals, ProvenanceSignal::model),
        signals.stream().anyMatch(ProvenanceSignal::declared),
        signals,
        commits,
        Velocities.of(change.commits()),
        CanonicalTrailer.of(level, signals));
  }

  private CommitProvenance commit(Commit commit) {
    List<ProvenanceSignal> signals =
        COMMIT_SIGNATURES.stream()
            .flatMap(s -> s.find(commit).stream())
            .distinct()
            .map(h -> h.toSignal(Optional.of(commit.id())))
            .toList();
    return new CommitProvenance(commit.id(), Levels.max(signals), signals);
  }

  private static List<String> names(
      List<ProvenanceSignal> signals, Function<ProvenanceSignal, Optional<String>> name) {
    return signals.stream()
        .map(name)
        .flatMap(Optional::stream)
        .distinct()
        .sorted(READING_ORDER)
        .toList();
  }
}
