package dev.scrutineer.analysis.provenance;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.ProvenanceSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The trailer to put on a squash-merge commit so provenance survives it, such as {@code
 * Assisted-by: Claude Code:Claude Opus 4.5}: {@code Generated-by} for generated changes, {@code
 * Assisted-by} otherwise. Each tool is written with the models its signals name ({@code
 * TOOL:MODEL}, the kernel's order); several are separated by commas on one line.
 */
final class CanonicalTrailer {
  /** What to write when a disclosure names no tool, such as an {@code ai-assisted} label. */
  static final String UNNAMED = "unnamed AI tool";

  private CanonicalTrailer() {}

  static Optional<String> of(AiLevel level, List<ProvenanceSignal> signals) {
    if (level == AiLevel.NONE) {
      return Optional.empty();
    }
    TreeMap<String, SortedSet<String>> modelsByTool = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    SortedSet<String> orphanModels = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (ProvenanceSignal s : signals) {
      if (s.level() == AiLevel.NONE) {
        continue; // evidence such as an agent config file names no tool that helped
      }
      if (s.tool().isPresent()) {
        SortedSet<String> models =
            modelsByTool.computeIfAbsent(
                s.tool().get(), t -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        s.model().ifPresent(models::add);
      } else {
        s.model().ifPresent(orphanModels::add);
      }
    }
    if (modelsByTool.isEmpty()) {
      modelsByTool.put(UNNAMED, new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
    }
    if (modelsByTool.size() == 1) {
      modelsByTool.firstEntry().getValue().addAll(orphanModels);
    }
    List<String> entries = new ArrayList<>();
    modelsByTool.forEach(
        (tool, models) -> {
          if (models.isEmpty()) {
            entries.add(tool);
          } else {
            models.forEach(model -> entries.add(tool + ":" + model));
          }
        });
    String key = level == AiLevel.GENERATED ? "Generated-by" : "Assisted-by";
    return Optional.of(key + ": " + String.join(", ", entries));
  }
}
