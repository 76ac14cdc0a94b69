package dev.scrutineer.analysis.provenance;

import java.util.Locale;

/** Where a signal was found: the fixed vocabulary of {@code ProvenanceSignal.source}. */
enum Source {
  TRAILER,
  MESSAGE,
  AUTHOR,
  COMMITTER,
  SIGNED_OFF_BY,
  AGENT_CONFIG,
  PR_LABEL,
  PR_BODY,
  PR_TITLE,
  PR_AUTHOR,
  PR_BRANCH;

  /** The name reports and JSON use, such as {@code pr-label}. */
  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
