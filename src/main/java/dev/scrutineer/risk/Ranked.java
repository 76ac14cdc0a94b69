package dev.scrutineer.risk;

/**
 * One change as a ranking sees it.
 *
 * @param score higher is inspected first
 * @param buggy labelled bug-inducing
 * @param effort the cost of inspecting it: lines added plus lines deleted
 */
record Ranked(double score, boolean buggy, double effort) {}
