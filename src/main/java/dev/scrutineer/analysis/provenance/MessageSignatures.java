package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.Commit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signals in the message text rather than its trailer block: Aider's {@code aider: } subject
 * prefix, vendor "Generated with" lines, and disclosure trailers written outside the last
 * paragraph, where git does not parse them as trailers but a reader still sees a disclosure.
 */
final class MessageSignatures implements CommitSignature {
  /** Aider prefixes the subject of the commits it authored. */
  private static final Pattern AIDER_SUBJECT = Pattern.compile("(?i)^aider:\\s");

  private static final Pattern LINES = Pattern.compile("\\R");

  @Override
  public List<Hit> find(Commit commit) {
    List<Hit> hits = new ArrayList<>();
    String subject = commit.subject();
    if (AIDER_SUBJECT.matcher(subject).find()) {
      hits.add(
          Hit.declared(
              Source.MESSAGE,
              Optional.of("Aider"),
              Optional.empty(),
              AiLevel.SUBSTANTIAL,
              subject));
    }
    // Parsed trailers are read by TrailerSignatures; skip their lines so nothing counts twice.
    Set<String> parsed =
        commit.trailers().stream()
            .map(t -> TrailerSignatures.identity(t.key(), t.value()))
            .collect(Collectors.toSet());
    String[] lines = LINES.split(commit.message(), -1);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      Optional<Hit> vendor = VendorLines.match(line, Source.MESSAGE);
      if (vendor.isPresent()) {
        hits.add(vendor.get());
      } else if (TrailerSignatures.identity(line).filter(parsed::contains).isEmpty()) {
        TrailerSignatures.matchLine(line, Source.MESSAGE).ifPresent(hits::add);
      }
    }
    return hits;
  }
}
