/**
 * Reads changes from git and pull-request metadata into the model. The only package that touches
 * JGit. It reads objects and never checks out a tree or runs anything from the repository.
 */
package dev.scrutineer.ingest;
