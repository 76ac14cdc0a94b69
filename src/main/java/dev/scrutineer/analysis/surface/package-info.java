/**
 * Sensitive surfaces: which changed files and lines touch authentication, secrets, data access,
 * migrations, infrastructure, CI/CD, dependencies, concurrency, error handling, public API,
 * configuration or AI agent instructions. {@link dev.scrutineer.analysis.surface.SurfaceAnalyzer}
 * applies the built-in rules of {@code builtin-rules.yml} and the rules of {@code scrutineer.yml},
 * both read by {@link dev.scrutineer.config.ConfigLoader}, so there is one rule format.
 *
 * <p>Conventions of the built-in rules, available to configured rules as well:
 *
 * <ul>
 *   <li>{@code exclude-tests: true} on content rules about production code, so a test that
 *       exercises a password encoder is not a change to password handling. Rules about things that
 *       are dangerous wherever they are (private keys, live tokens) leave tests in.
 *   <li>Comment-only lines are not matched, except by rules about secrets ({@code match-comments:
 *       true}): a credential in a comment is still a leaked credential.
 *   <li>Content patterns are Java regular expressions; a named group {@code (?<secret>...)} marks
 *       the part of a match that is masked in evidence and fingerprints.
 * </ul>
 */
package dev.scrutineer.analysis.surface;
