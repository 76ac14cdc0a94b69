/**
 * Required scrutiny: {@link dev.scrutineer.policy.ScrutinyPolicy} turns an analysis, its risk and
 * the repository's code owners into the review a change needs, and {@link
 * dev.scrutineer.policy.Gate} holds that against the pull request's reviews.
 *
 * <p>Monotonic by construction: a change's tier is the highest of its risk tier and of every tier
 * whose trigger holds, each trigger a threshold that more risk, reach or AI involvement can only
 * cross upwards; and a tier asks for everything the tiers below it ask for. So more of any input
 * can only add requirements ({@code ScrutinyProperties} checks it).
 */
package dev.scrutineer.policy;
