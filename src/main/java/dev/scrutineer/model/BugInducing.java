package dev.scrutineer.model;

import java.time.Instant;
import java.util.Objects;

/** A commit labelled bug-inducing because a later fix changed its lines, or reverted it. */
public record BugInducing(String inducingId, String fixId, Instant fixTime) {
  public BugInducing {
    Objects.requireNonNull(inducingId, "inducingId");
    Objects.requireNonNull(fixId, "fixId");
    Objects.requireNonNull(fixTime, "fixTime");
  }
}
