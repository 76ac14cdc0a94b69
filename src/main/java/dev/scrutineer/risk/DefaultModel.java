package dev.scrutineer.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The built-in model: priors from the just-in-time defect-prediction literature (Kamei et al. 2013;
 * larger, more scattered changes by less experienced authors to often-fixed files induce more
 * defects), plus what a reviewer fears most: sensitive surfaces, a wide blast radius with no test
 * reaching it, and undeclared or generated AI work. Every weight is non-negative, so more of any
 * risk signal can never lower the score. A typical change (every history term at its mean, nothing
 * sensitive touched) scores about 0.10.
 */
public final class DefaultModel {
  /** The history terms, which a calibration refits on the repository's own past. */
  public static final Set<String> HISTORY =
      Set.of(
          "ns",
          "nd",
          "nf",
          "entropy",
          "la",
          "ld",
          "lt",
          "fix",
          "ndev",
          "age",
          "nuc",
          "exp",
          "rexp",
          "sexp",
          "hotspot",
          "coupling",
          "reverts",
          "epexp");

  public static final String PROVENANCE = "built-in defaults";

  private static final RiskModel MODEL = build();

  private DefaultModel() {}

  public static RiskModel get() {
    return MODEL;
  }

  private static RiskModel build() {
    List<Term> terms = new ArrayList<>();
    // History, on log1p scales; means are a typical change's (about 11 lines added to 2 files).
    terms.add(count("la", 2.5, 1.7, 0.35));
    terms.add(count("ld", 1.6, 1.6, 0.10));
    terms.add(count("lt", 5.0, 1.8, 0.15));
    terms.add(count("nf", 0.9, 0.8, 0.25));
    terms.add(count("nd", 0.8, 0.6, 0.10));
    terms.add(count("ns", 0.7, 0.3, 0.10));
    terms.add(new Term("entropy", false, 1, 0.6, 1.0, 0.20));
    terms.add(new Term("fix", false, 1, 0.25, 0.43, 0.15));
    terms.add(count("ndev", 1.3, 0.9, 0.15));
    terms.add(count("nuc", 1.5, 1.2, 0.15));
    terms.add(count("hotspot", 0.7, 0.9, 0.25));
    terms.add(count("coupling", 0.2, 0.5, 0.30));
    terms.add(count("reverts", 0.0, 0.5, 0.40));
    // Less experience and more recently changed files mean more risk: direction -1.
    terms.add(inverse("age", 4.1, 1.8, 0.05));
    terms.add(inverse("exp", 4.0, 2.0, 0.20));
    terms.add(inverse("rexp", 1.5, 1.3, 0.10));
    terms.add(inverse("sexp", 3.0, 1.8, 0.15));
    terms.add(inverse("epexp", 1.0, 1.5, 0.15));
    // Sensitive surfaces, as flags: 0 when untouched, so they only ever add.
    terms.add(flag(Signals.surface("authn-authz"), 1.2));
    terms.add(flag(Signals.surface("crypto-secrets"), 1.0));
    terms.add(flag(Signals.surface("migration"), 0.9));
    terms.add(flag(Signals.surface("infrastructure"), 0.6));
    terms.add(flag(Signals.surface("concurrency"), 0.6));
    terms.add(flag(Signals.surface("data-access"), 0.5));
    terms.add(flag(Signals.surface("ci-cd"), 0.5));
    terms.add(flag(Signals.surface("public-api"), 0.5));
    terms.add(flag(Signals.surface("dependencies"), 0.4));
    terms.add(flag(Signals.surface("agent-config"), 0.4));
    terms.add(flag(Signals.surface("error-handling"), 0.3));
    terms.add(flag(Signals.surface("config"), 0.3));
    // Blast radius: counts from zero, so reaching nothing adds nothing.
    terms.add(count(Signals.ENTRY_POINTS, 0, 1, 0.40));
    terms.add(count(Signals.SERVICES, 0, 1, 0.40));
    terms.add(flag(Signals.UNTESTED, 0.50));
    terms.add(count(Signals.API_CHANGED, 0, 1, 0.30));
    // Provenance: 0 none, 1 assisted, 2 substantial, 3 generated.
    terms.add(new Term(Signals.AI_LEVEL, false, 1, 0, 1, 0.35));
    terms.add(flag(Signals.UNDECLARED_AI, 0.50));
    return new RiskModel(RiskModel.VERSION, PROVENANCE, -2.2, terms, new Tiers(0.25, 0.5, 0.8));
  }

  private static Term count(String id, double mean, double std, double weight) {
    return new Term(id, true, 1, mean, std, weight);
  }

  private static Term inverse(String id, double mean, double std, double weight) {
    return new Term(id, true, -1, -mean, std, weight);
  }

  private static Term flag(String id, double weight) {
    return new Term(id, false, 1, 0, 1, weight);
  }
}
