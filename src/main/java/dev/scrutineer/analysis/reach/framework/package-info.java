/**
 * What frameworks add to plain Java reach, as data: entry points (HTTP handlers, servlets, jobs,
 * listeners, gRPC, {@code main}), tests, edges no Java call expresses (class literals in
 * annotations, request paths in tests, configuration keys, reflection through data binding) and
 * build modules. {@link dev.scrutineer.analysis.reach.framework.FrameworkFacts#analyze} is the one
 * entry; the graph takes its edges alongside the linker's.
 */
package dev.scrutineer.analysis.reach.framework;
