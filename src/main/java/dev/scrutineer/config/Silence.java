package dev.scrutineer.config;

import java.util.Objects;

/** A rule id listed under {@code silence:}, with where it was written so a typo can be shown. */
public record Silence(String ruleId, SourceLine origin) {
  public Silence {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(origin, "origin");
  }
}
