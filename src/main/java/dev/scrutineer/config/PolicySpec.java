package dev.scrutineer.config;

import dev.scrutineer.model.RiskTier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code policy:} section: one {@link TierSpec} per {@link RiskTier}, lowest first. A
 * repository's file replaces the tiers it writes and keeps the {@linkplain #builtin() built-in}
 * ones it does not.
 */
public record PolicySpec(List<TierSpec> tiers) {
  /** The built-in policy, beside this class. */
  static final String BUILTIN_RESOURCE = "default-policy.yml";

  public PolicySpec {
    tiers = List.copyOf(tiers);
    if (tiers.size() != RiskTier.values().length) {
      throw new IllegalArgumentException("one tier per RiskTier");
    }
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).tier().ordinal() != i) {
        throw new IllegalArgumentException("tiers in RiskTier order");
      }
    }
  }

  public TierSpec tier(RiskTier tier) {
    return tiers.get(tier.ordinal());
  }

  /** The policy of a repository whose configuration has no {@code policy:} section. */
  public static PolicySpec builtin() {
    return Builtin.POLICY;
  }

  /** Loaded once, on first use; a broken resource is a bug, caught by the tests. */
  private static final class Builtin {
    static final PolicySpec POLICY = load();

    private static PolicySpec load() {
      try (InputStream in = PolicySpec.class.getResourceAsStream(BUILTIN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(BUILTIN_RESOURCE + " is missing from the jar");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return PolicyBinder.builtin(text, "built-in policy (" + BUILTIN_RESOURCE + ")");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
