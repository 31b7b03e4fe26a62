package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invocation's Lambda {@link Context} as the user's handler gets it when a parent was extracted: every
 * method delegates to the runtime's context, except that {@code getClientContext().getCustom()} also holds
 * lowercase {@code traceparent} and {@code tracestate} for that parent (128-bit trace id; a 64-bit Datadog id
 * zero-padded, its {@code _dd.p.tid} as the upper half; Datadog's fields in the {@code dd=} member).
 *
 * <p>Why: the OpenTelemetry Java agent, OpenTelemetry's Lambda library wrappers ({@code TracingRequestHandler},
 * {@code TracingRequestWrapper}) and ADOT all start the invocation span in code that runs before tracex's, and
 * take its parent from their propagators over the event's HTTP headers merged with exactly this map. It is the
 * one carrier they share, and it needs nothing installed. The caller's own client context entries are kept
 * (tracex's two keys win on a clash, as they are what tracex extracted, possibly from those same entries); a
 * function invoked without a client context now sees one, with only these two entries.
 */
public final class PropagatingContext implements Context {
    static final List<PropagationStyle> STYLES = List.of(PropagationStyle.TRACECONTEXT);

    private final Context delegate;
    private final ClientContext clientContext;

    private PropagatingContext(Context delegate, ClientContext clientContext) {
        this.delegate = delegate;
        this.clientContext = clientContext;
    }

    /** {@code context} with {@code parent} in its client context; {@code context} itself when there is no parent. */
    public static Context of(Context context, TraceContext parent) {
        if (context == null || parent == null) {
            return context;
        }
        ClientContext original = context.getClientContext();
        Map<String, String> custom = new LinkedHashMap<>();
        if (original != null && original.getCustom() != null) {
            custom.putAll(original.getCustom());
        }
        custom.putAll(PropagationStyle.inject(parent, STYLES));
        return new PropagatingContext(context, new WithCustom(original, Collections.unmodifiableMap(custom)));
    }

    /** The runtime's context this one wraps. */
    Context delegate() {
        return delegate;
    }

    @Override
    public String getAwsRequestId() {
        return delegate.getAwsRequestId();
    }

    @Override
    public String getLogGroupName() {
        return delegate.getLogGroupName();
    }

    @Override
    public String getLogStreamName() {
        return delegate.getLogStreamName();
    }

    @Override
    public String getFunctionName() {
        return delegate.getFunctionName();
    }

    @Override
    public String getFunctionVersion() {
        return delegate.getFunctionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return delegate.getInvokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return delegate.getIdentity();
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return delegate.getRemainingTimeInMillis();
    }

    @Override
    public int getMemoryLimitInMB() {
        return delegate.getMemoryLimitInMB();
    }

    @Override
    public LambdaLogger getLogger() {
        return delegate.getLogger();
    }

    @Override
    public String getXrayTraceId() {
        return delegate.getXrayTraceId();
    }

    @Override
    public String getTenantId() {
        return delegate.getTenantId();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** The caller's client context (client and environment as they were), with the custom map replaced. */
    private static final class WithCustom implements ClientContext {
        private final ClientContext original;
        private final Map<String, String> custom;

        WithCustom(ClientContext original, Map<String, String> custom) {
            this.original = original;
            this.custom = custom;
        }

        @Override
        public Client getClient() {
            return original == null ? null : original.getClient();
        }

        @Override
        public Map<String, String> getCustom() {
            return custom;
        }

        @Override
        public Map<String, String> getEnvironment() {
            return original == null ? null : original.getEnvironment();
        }
    }
}
