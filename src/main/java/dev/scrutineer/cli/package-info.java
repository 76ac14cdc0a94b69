/**
 * The command line: parses arguments with picocli, calls the engine, renders a report and maps
 * outcomes to exit codes. The only package that touches picocli; it decides nothing else.
 */
package dev.scrutineer.cli;
