package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracex.lambda.TracexLambda;
import dev.tracex.lambda.TracingRequestHandler;

import java.util.Map;

/** The README's way 2 (a base class): answers with the trace context tracex handed to this invocation. */
public final class OrderHandler extends TracingRequestHandler<Map<String, Object>, String> {
    @Override
    protected String handle(Map<String, Object> event, Context context) {
        return TracexLambda.current()
                .map(parent -> "trace " + parent.traceIdHex() + " parent " + parent.parentIdHex())
                .orElse("no context");
    }
}
