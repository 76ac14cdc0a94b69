package dev.scrutineer.model;

import java.util.Objects;

/** A touched file and how many fix commits changed it in the recent past. */
public record Hotspot(String path, int fixes) {
  public Hotspot {
    Objects.requireNonNull(path, "path");
  }
}
