/**
 * The performance charts of {@code docs/images}, drawn from the committed benchmark results files
 * (JMH's JSON, the cold-start runs' {@code .jsonl}) by {@link dev.tracex.benchmarks.charts.Charts}, which
 * {@code benchmarks/charts.sh} runs; every number in a chart is read from those files.
 */
package dev.tracex.benchmarks.charts;
