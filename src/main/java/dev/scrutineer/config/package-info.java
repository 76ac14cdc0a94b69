/**
 * Reading {@code scrutineer.yml}: {@link dev.scrutineer.config.ConfigLoader} turns the file into a
 * validated {@link dev.scrutineer.config.ScrutineerConfig}, or fails with one line that names the
 * line of the file and says how to fix it. The JSON schema of the same format is {@code
 * schema/scrutineer.schema.json}; a test keeps the two in agreement.
 *
 * <p>This package depends on the model only; analyses depend on it, never the other way round.
 */
package dev.scrutineer.config;
