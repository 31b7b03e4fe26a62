/**
 * How a function's extractor is configured, for tools as much as for the function: {@code DD_TRACE_EXTRACTOR}
 * parsed ({@link dev.tracex.lambda.config.ExtractorSelection}), its rules file found
 * ({@link dev.tracex.lambda.config.ExtractorLocator}, {@link dev.tracex.lambda.config.RulesFile}) and the
 * extractor resolved, with {@code builtin.default} behind it ({@link dev.tracex.lambda.config.ExtractorResolver}),
 * exactly as a function does at cold start. The tracex command and the benchmarks use it; a function never needs
 * to. Depends on the engine's public API only.
 *
 * <pre>{@code
 * ExtractorResolver resolver = ExtractorResolver.forCommandLine("extractors.sqs", List.of(Path.of("src/main/resources")));
 * Extractor sqs = resolver.resolveStrict();     // the rule, builtin.default behind it; throws what a strict init would
 * }</pre>
 */
package dev.tracex.lambda.config;
