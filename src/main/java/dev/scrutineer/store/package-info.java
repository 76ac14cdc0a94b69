/**
 * Derived data kept as files in the cache directory, one per key: written whole or not at all, the
 * most recently used few kept. What is stored here can always be worked out again, so nothing here
 * fails its caller over a file that cannot be read or written.
 */
package dev.scrutineer.store;
