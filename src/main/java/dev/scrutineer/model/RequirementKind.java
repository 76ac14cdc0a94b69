package dev.scrutineer.model;

import java.util.Locale;

/** The kinds of scrutiny a policy can require before a change merges. */
public enum RequirementKind {
  /** A number of human approvals on the current head. */
  APPROVALS,
  /** An approval from a code owner of some paths. */
  CODE_OWNERS,
  /** An approval from a named reviewer of a sensitive surface. */
  SURFACE_REVIEW,
  /** Evidence the change carries: tests, a rollout plan, a drill. */
  EVIDENCE,
  /** AI assistance declared by the author. */
  DISCLOSURE;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
