/**
 * Reach: how far a change can go. {@link dev.scrutineer.analysis.reach.ChangedDeclarations} is the
 * first step: the Java declarations a change adds, removes or alters, found by parsing both
 * versions of each changed file with the JDK's own parser (parse only, in memory) and comparing
 * their declarations by normalised text. Linking declarations to their dependents, entry points and
 * tests builds on these symbols.
 */
package dev.scrutineer.analysis.reach;
