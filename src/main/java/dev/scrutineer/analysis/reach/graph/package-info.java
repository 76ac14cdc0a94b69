/**
 * The dependency graph of a repository and reverse reach over it. {@link
 * dev.scrutineer.analysis.reach.graph.CodeGraph#link} resolves the per-file facts of {@code
 * analysis.reach.index} with Java's scoping rules and class-hierarchy dispatch, without a build,
 * and adds the edges framework rules find; {@link
 * dev.scrutineer.analysis.reach.graph.CodeGraph#reach} answers what depends on a set of changed
 * declarations, each with a confidence and one shortest chain that explains it.
 */
package dev.scrutineer.analysis.reach.graph;
