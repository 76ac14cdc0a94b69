/**
 * Detects AI assistance in a change, per commit and per pull request, following the catalogue in
 * {@code ai-disclosure.md}. Every signal keeps the evidence as found; absence of signals proves
 * nothing, so the lowest level reads "no disclosure found", never "human-written".
 */
package dev.scrutineer.analysis.provenance;
