/**
 * The review audit: from merged changes and what the analyses say about each, the time to review
 * and approval, approvers, rubber-stamp flags and monthly trends of velocity against scrutiny.
 */
package dev.scrutineer.audit;
