/**
 * The one façade every front end calls: {@link dev.scrutineer.engine.Scrutineer} runs the pipeline
 * from ingest through the analyses and returns data for a report to render.
 */
package dev.scrutineer.engine;
