/**
 * Reading events: the one Jackson mapper, compiled JSONPaths (definite paths and Jayway ones) and the
 * projection that parses only what the rules read. Internal: may change without notice.
 */
package dev.tracex.engine.internal.json;
