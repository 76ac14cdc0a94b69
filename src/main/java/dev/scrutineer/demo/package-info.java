/**
 * A realistic sample change to show what Scrutineer does with no setup: a small order service and
 * an AI-assisted pull request that touches authentication and data access.
 */
package dev.scrutineer.demo;
