package dev.scrutineer.model;

/** The state of a pull-request review, as GitHub's reviews API names it. */
public enum ReviewState {
  APPROVED,
  CHANGES_REQUESTED,
  COMMENTED,
  DISMISSED,
  PENDING
}
