/**
 * The repository-wide code index: per-file facts (declarations, supertypes, references,
 * annotations, imports) read from Java sources without building the project. Facts are a pure
 * function of a file's content, so they are cached by git blob id and shared by every change on the
 * same base.
 */
package dev.scrutineer.analysis.reach.index;
