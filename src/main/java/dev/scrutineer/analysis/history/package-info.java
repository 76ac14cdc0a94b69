/**
 * What a repository's history says about a change: the just-in-time defect-prediction features
 * ({@link dev.scrutineer.analysis.history.HistoryFeatures}), computed only from commits before the
 * change, and bug-inducing labels for past commits ({@link dev.scrutineer.analysis.history.Szz}).
 * Works on mined commits from the model; the mining and the blame are ingest's.
 */
package dev.scrutineer.analysis.history;
