/**
 * Immutable values that flow through the pipeline: the change as read from git and pull-request
 * metadata, and the facts the analyses find about it. JDK only; no behaviour beyond invariants.
 */
package dev.scrutineer.model;
