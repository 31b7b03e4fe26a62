package dev.tracex.lambda.functions;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** {@link JsonLinesSpanExporter} for SDK autoconfiguration: {@code OTEL_TRACES_EXPORTER=tracex-test-jsonl}. */
public final class JsonLinesSpanExporterProvider implements ConfigurableSpanExporterProvider {
    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new JsonLinesSpanExporter();
    }

    @Override
    public String getName() {
        return "tracex-test-jsonl";
    }
}
