package dev.scrutineer.model;

/** What could be read of a changed file's content. */
public enum Content {
  /** Text whose changed lines were diffed and are available to the analyses. */
  TEXT,
  /** Binary content: counted as changed, never read line by line. */
  BINARY,
  /** Over the size limit for line diffs: counted as changed, lines not read. */
  TOO_LARGE,
  /** A submodule pointer: the change is a commit id, not content. */
  SUBMODULE
}
