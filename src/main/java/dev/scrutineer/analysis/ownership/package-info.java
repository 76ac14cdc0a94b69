/**
 * Code ownership as GitHub reads it: {@link dev.scrutineer.analysis.ownership.CodeOwners} finds the
 * {@code CODEOWNERS} file of a tree ({@code .github/}, the root, then {@code docs/}), parses it
 * with GitHub's rules and answers who owns a path. Invalid lines become diagnostics with their line
 * number and are skipped, as GitHub skips them.
 */
package dev.scrutineer.analysis.ownership;
