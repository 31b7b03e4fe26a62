package dev.tracex.lambda.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A Lambda {@link Context} for running a handler outside Lambda ({@code tracex invoke}, unit tests):
 * a fresh request id, the given function name, 512 MB, a 15-minute deadline from creation, an optional
 * client context, and a logger writing to standard error. Immutable.
 *
 * <pre>{@code
 * Context context = LocalContext.of("orders").withCustom(Map.of("_datadog", headersJson));
 * }</pre>
 */
public final class LocalContext implements Context {
    private static final LambdaLogger STDERR = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.print(message);
        }

        @Override
        public void log(byte[] message) {
            System.err.print(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String requestId;
    private final String functionName;
    private final long deadlineMillis;
    private final ClientContext clientContext;

    private LocalContext(String requestId, String functionName, long deadlineMillis, ClientContext clientContext) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.deadlineMillis = deadlineMillis;
        this.clientContext = clientContext;
    }

    /** A context for function {@code functionName}, with a random request id and no client context. */
    public static LocalContext of(String functionName) {
        return new LocalContext(UUID.randomUUID().toString(), Objects.requireNonNull(functionName, "functionName"),
                System.currentTimeMillis() + 15 * 60_000L, null);
    }

    /** This context with a client context whose {@code custom} values are {@code custom}. */
    public LocalContext withCustom(Map<String, String> custom) {
        Map<String, String> copy = Map.copyOf(custom);
        return new LocalContext(requestId, functionName, deadlineMillis, new ClientContext() {
            @Override
            public com.amazonaws.services.lambda.runtime.Client getClient() {
                return null;
            }

            @Override
            public Map<String, String> getCustom() {
                return copy;
            }

            @Override
            public Map<String, String> getEnvironment() {
                return null;
            }
        });
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDERR;
    }
}
