package dev.scrutineer.risk;

import java.time.Instant;
import java.util.Objects;

/** A commit found bug-inducing by a fix made at {@code fixTime}. */
public record Label(String inducingId, Instant fixTime) {
  public Label {
    Objects.requireNonNull(inducingId, "inducingId");
    Objects.requireNonNull(fixTime, "fixTime");
  }
}
