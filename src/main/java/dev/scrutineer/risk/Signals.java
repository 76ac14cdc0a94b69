package dev.scrutineer.risk;

import dev.scrutineer.model.AiLevel;
import dev.scrutineer.model.ChangeSet;
import dev.scrutineer.model.ChangedDeclaration;
import dev.scrutineer.model.DeclarationChange;
import dev.scrutineer.model.EntryPoint;
import dev.scrutineer.model.Feature;
import dev.scrutineer.model.Finding;
import dev.scrutineer.model.Module;
import dev.scrutineer.model.Provenance;
import dev.scrutineer.model.Reach;
import dev.scrutineer.model.Surface;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns what the analyses found about a change into the model's signals, each in words. */
public final class Signals {
  static final String ENTRY_POINTS = "reach.entry-points";
  static final String SERVICES = "reach.services";
  static final String UNTESTED = "reach.untested";
  static final String API_CHANGED = "api.changed";
  static final String AI_LEVEL = "provenance.ai";
  static final String UNDECLARED_AI = "provenance.undeclared";

  private static final int NAMED = 2;

  private Signals() {}

  static String surface(String surfaceId) {
    return "surface." + surfaceId;
  }

  /**
   * Every signal of one change.
   *
   * @param history the history signals, or empty when history could not be read: then the size of
   *     the change itself stands in for the history's size terms
   */
  public static List<Feature> of(
      ChangeSet change,
      List<ChangedDeclaration> declarations,
      Optional<Reach> reach,
      List<Finding> findings,
      Provenance provenance,
      Optional<List<Feature>> history) {
    List<Feature> signals = new ArrayList<>(history.orElseGet(() -> size(change)));
    surfaces(findings, signals);
    reach.ifPresent(r -> reach(r, declarations, signals));
    api(declarations, signals);
    provenance(provenance, signals);
    return signals;
  }

  /** Lines and files, read from the change alone. */
  static List<Feature> size(ChangeSet change) {
    int la = change.linesAdded();
    int ld = change.linesDeleted();
    int nf = change.files().size();
    return List.of(
        new Feature("la", la, plural(la, "line") + " added"),
        new Feature("ld", ld, plural(ld, "line") + " deleted"),
        new Feature("nf", nf, plural(nf, "file") + " changed"));
  }

  private static void surfaces(List<Finding> findings, List<Feature> signals) {
    Map<Surface, List<Finding>> bySurface = new EnumMap<>(Surface.class);
    findings.forEach(f -> bySurface.computeIfAbsent(f.surface(), s -> new ArrayList<>()).add(f));
    bySurface.forEach(
        (surface, found) ->
            signals.add(
                new Feature(
                    surface(surface.id()),
                    1,
                    "touches " + surface.description() + " (" + named(firstPerFile(found)) + ")")));
  }

  private static void reach(
      Reach reach, List<ChangedDeclaration> declarations, List<Feature> signals) {
    List<EntryPoint> entryPoints = reach.entryPoints();
    if (!entryPoints.isEmpty()) {
      signals.add(
          new Feature(
              ENTRY_POINTS,
              entryPoints.size(),
              plural(entryPoints.size(), "entry point")
                  + " reached ("
                  + named(entryPoints.stream().map(EntryPoint::label).toList())
                  + ")"));
    }
    List<Module> services = reach.services();
    if (!services.isEmpty()) {
      signals.add(
          new Feature(
              SERVICES,
              services.size(),
              plural(services.size(), "service")
                  + " reached ("
                  + named(services.stream().map(Module::name).toList())
                  + ")"));
    }
    if (reach.tests().isEmpty() && !declarations.isEmpty()) {
      signals.add(new Feature(UNTESTED, 1, "no test reaches the changed code"));
    }
  }

  private static void api(List<ChangedDeclaration> declarations, List<Feature> signals) {
    Set<DeclarationChange> breaking =
        Set.of(DeclarationChange.REMOVED, DeclarationChange.SIGNATURE_CHANGED);
    List<String> changed =
        declarations.stream()
            .filter(d -> breaking.contains(d.change()))
            .map(d -> d.symbol().toString())
            .distinct()
            .toList();
    if (!changed.isEmpty()) {
      signals.add(
          new Feature(
              API_CHANGED,
              changed.size(),
              plural(changed.size(), "declaration")
                  + " removed or with a changed signature ("
                  + named(changed)
                  + ")"));
    }
  }

  private static void provenance(Provenance provenance, List<Feature> signals) {
    AiLevel level = provenance.level();
    if (level != AiLevel.NONE) {
      String tools =
          provenance.tools().isEmpty() ? "" : " (" + String.join(", ", provenance.tools()) + ")";
      signals.add(new Feature(AI_LEVEL, level.ordinal(), "AI " + words(level) + tools));
    }
    if (provenance.undeclared()) {
      signals.add(new Feature(UNDECLARED_AI, 1, "AI assistance detected but not declared"));
    }
  }

  private static String words(AiLevel level) {
    return switch (level) {
      case NONE -> "not detected";
      case ASSISTED -> "assisted";
      case SUBSTANTIAL -> "wrote a substantial part";
      case GENERATED -> "generated";
    };
  }

  /** The first finding's location in each file: one place to look per file. */
  private static List<String> firstPerFile(List<Finding> findings) {
    Map<String, String> byPath = new LinkedHashMap<>();
    findings.forEach(f -> byPath.putIfAbsent(f.path(), f.location()));
    return List.copyOf(byPath.values());
  }

  /** The first few names and how many more. */
  static String named(List<String> names) {
    String shown = names.stream().limit(NAMED).collect(Collectors.joining(", "));
    return names.size() > NAMED ? shown + " and " + (names.size() - NAMED) + " more" : shown;
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
