/**
 * Risk: an explainable logistic model over a change's history, blast radius, surfaces and
 * provenance, with built-in priors, per-repository calibration and the metrics a backtest reports.
 */
package dev.scrutineer.risk;
