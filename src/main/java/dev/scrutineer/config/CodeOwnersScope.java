package dev.scrutineer.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whose code owners a tier asks to approve. Ordered: a later constant asks for more. */
public enum CodeOwnersScope {
  /** No code-owner approval. */
  NONE,
  /** An owner of every path the change touches. */
  TOUCHED,
  /** Also an owner of every file the change reaches: entry points, tests, modules. */
  TOUCHED_AND_REACHED;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public CodeOwnersScope max(CodeOwnersScope other) {
    return compareTo(other) >= 0 ? this : other;
  }

  static Optional<CodeOwnersScope> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
