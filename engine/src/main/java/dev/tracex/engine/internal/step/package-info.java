/**
 * Value pipelines ({@code path | step | ...}) and the named steps they apply (json, base64, X-Ray and
 * Step Functions conversions, ...), with their registry. Internal: may change without notice.
 */
package dev.tracex.engine.internal.step;
