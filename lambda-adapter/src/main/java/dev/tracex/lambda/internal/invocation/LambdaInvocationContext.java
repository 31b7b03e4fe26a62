package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.InvocationContext;

import java.util.Map;
import java.util.function.Function;

/**
 * The Lambda {@link Context} as the JSON that {@code from: context} rules and JS rules read, built on the
 * first {@link #toJson()} only (most rules never ask) and then kept for the invocation:
 *
 * <pre>{@code
 * {"awsRequestId": "...", "functionName": "...", "functionVersion": "$LATEST",
 *  "invokedFunctionArn": "...", "memoryLimitInMB": 512, "logGroupName": "...", "logStreamName": "...",
 *  "clientContext": {"client": {"installationId": ..., "appTitle": ..., "appVersionName": ...,
 *                               "appVersionCode": ..., "appPackageName": ...},
 *                    "custom": {...}, "environment": {...}},
 *  "identity": {"identityId": ..., "identityPoolId": ...},
 *  "xrayTraceHeader": "Root=1-...;Parent=...;Sampled=1",
 *  "env": {"DD_MERGE_XRAY_TRACES": "true"}}
 * }</pre>
 *
 * Absent values are left out (no {@code null}s); {@code env} is always there. {@code xrayTraceHeader}
 * is the invocation's own {@code Context.getXrayTraceId()}; only when that is absent and the runtime runs
 * one invocation at a time ({@code AWS_LAMBDA_MAX_CONCURRENCY} unset), the system property
 * {@code com.amazonaws.xray.traceHeader} (set per invocation by the Java runtime), else the environment
 * variable {@code _X_AMZN_TRACE_ID}.
 * Not thread-safe: one per invocation.
 */
public final class LambdaInvocationContext implements InvocationContext {
    static final String XRAY_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String XRAY_ENV = "_X_AMZN_TRACE_ID";
    static final String MERGE_XRAY = "DD_MERGE_XRAY_TRACES";
    /** Set by Lambda when one process runs several invocations at once (Lambda Managed Instances). */
    static final String MAX_CONCURRENCY = "AWS_LAMBDA_MAX_CONCURRENCY";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Context context;
    private final Function<String, String> env;
    private JsonNode json;

    LambdaInvocationContext(Context context, Function<String, String> env) {
        this.context = context;
        this.env = env;
    }

    /** For an invocation of the running function: the process environment. */
    public static InvocationContext of(Context context) {
        return new LambdaInvocationContext(context, System::getenv);
    }

    @Override
    public JsonNode toJson() {
        if (json == null) {
            json = build();
        }
        return json;
    }

    private JsonNode build() {
        ObjectNode o = F.objectNode();
        if (context != null) {
            put(o, "awsRequestId", context.getAwsRequestId());
            put(o, "functionName", context.getFunctionName());
            put(o, "functionVersion", context.getFunctionVersion());
            put(o, "invokedFunctionArn", context.getInvokedFunctionArn());
            o.put("memoryLimitInMB", context.getMemoryLimitInMB());
            put(o, "logGroupName", context.getLogGroupName());
            put(o, "logStreamName", context.getLogStreamName());
            ClientContext cc = context.getClientContext();
            if (cc != null) {
                ObjectNode c = o.putObject("clientContext");
                if (cc.getClient() != null) {
                    ObjectNode client = c.putObject("client");
                    put(client, "installationId", cc.getClient().getInstallationId());
                    put(client, "appTitle", cc.getClient().getAppTitle());
                    put(client, "appVersionName", cc.getClient().getAppVersionName());
                    put(client, "appVersionCode", cc.getClient().getAppVersionCode());
                    put(client, "appPackageName", cc.getClient().getAppPackageName());
                }
                putMap(c, "custom", cc.getCustom());
                putMap(c, "environment", cc.getEnvironment());
            }
            CognitoIdentity id = context.getIdentity();
            if (id != null && (id.getIdentityId() != null || id.getIdentityPoolId() != null)) {
                ObjectNode identity = o.putObject("identity");
                put(identity, "identityId", id.getIdentityId());
                put(identity, "identityPoolId", id.getIdentityPoolId());
            }
        }
        put(o, "xrayTraceHeader", xrayTraceHeader());
        ObjectNode e = o.putObject("env");
        put(e, MERGE_XRAY, env.apply(MERGE_XRAY));
        return o;
    }

    /**
     * The invocation's own X-Ray header ({@code Context.getXrayTraceId()}, from the Runtime API's
     * {@code Lambda-Runtime-Trace-Id} of this invocation); only when the context has none, and only when the
     * runtime runs one invocation at a time, the process-wide system property the runtime sets per
     * invocation, then the environment. With {@code AWS_LAMBDA_MAX_CONCURRENCY} set (Lambda Managed
     * Instances: several invocations in one process) the process-wide values can belong to another
     * invocation, so they are not read.
     */
    private String xrayTraceHeader() {
        String v = null;
        if (context != null) {
            try {
                v = context.getXrayTraceId();
            } catch (LinkageError e) {
                v = null; // a runtime whose Context predates getXrayTraceId
            }
        }
        if (isEmpty(v) && isEmpty(env.apply(MAX_CONCURRENCY))) {
            v = System.getProperty(XRAY_PROPERTY);
            if (isEmpty(v)) {
                v = env.apply(XRAY_ENV);
            }
        }
        return isEmpty(v) ? null : v;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static void put(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void putMap(ObjectNode o, String key, Map<String, String> map) {
        if (map != null) {
            ObjectNode m = o.putObject(key);
            map.forEach((k, v) -> {
                if (k != null) {
                    m.put(k, v);
                }
            });
        }
    }
}
