/**
 * Reading events: tracex's own reader ({@link dev.tracex.engine.internal.json.JsonReader}) into Jackson's node
 * classes (the mapper only where a library needs one), compiled JSONPaths (definite paths, the shapes rules use
 * evaluated over the tree, Jayway for the rest), the projection that parses only what the rules read, embedded
 * documents and decoding steps included, and the memo that decodes each embedded document once per extraction.
 * Internal: may change without notice.
 */
package dev.tracex.engine.internal.json;
