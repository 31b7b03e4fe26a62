package dev.tracex.lambda;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SDK span processor that keeps every span that ends, for tests that judge what an in-process SDK got. */
public final class EndedSpans implements SpanProcessor {
    private final List<ReadableSpan> ended = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span);
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** The spans ended so far, in order (a live view). */
    public List<ReadableSpan> spans() {
        return ended;
    }

    /** The same as exported data. */
    List<SpanData> data() {
        return ended.stream().map(ReadableSpan::toSpanData).toList();
    }

    void clear() {
        ended.clear();
    }
}
