/**
 * Failure drills: from an analysed change, the riskiest changed declarations, how each could fail,
 * what it would break, who is paged, how it would be noticed, whether it can be rolled back, and
 * questions for the team. Composes facts; runs nothing unless the mutation runner is asked to.
 */
package dev.scrutineer.tabletop;
