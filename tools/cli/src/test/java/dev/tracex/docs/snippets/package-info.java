/**
 * The Java code the documentation shows, compiled with the module's tests so that a renamed method or a
 * changed signature breaks the build, not a reader's copy. Each page's Java block names the region it
 * copies ({@code <!-- snippet: ...#region -->}) and {@code JavaSnippetCheck} keeps the two equal. What the
 * snippets call that is not tracex's (an order parser, a stock service) is a small stand-in here; nothing
 * here is run.
 */
package dev.tracex.docs.snippets;
