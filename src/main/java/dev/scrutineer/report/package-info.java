/**
 * Renders an analysis as text for terminals, Markdown for pull-request comments, or versioned JSON.
 * Renderers decide nothing: every fact and verdict comes from the analysis they are given.
 */
package dev.scrutineer.report;
