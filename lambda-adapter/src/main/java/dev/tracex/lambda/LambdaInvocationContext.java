package dev.tracex.lambda;

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
 * is the system property {@code com.amazonaws.xray.traceHeader} (set per invocation by the Java
 * runtime), else the environment variable {@code _X_AMZN_TRACE_ID}, else {@code Context.getXrayTraceId()}.
 * Not thread-safe: one per invocation.
 */
final class LambdaInvocationContext implements InvocationContext {
    static final String XRAY_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String XRAY_ENV = "_X_AMZN_TRACE_ID";
    static final String MERGE_XRAY = "DD_MERGE_XRAY_TRACES";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Context context;
    private final Function<String, String> env;
    private JsonNode json;

    LambdaInvocationContext(Context context, Function<String, String> env) {
        this.context = context;
        this.env = env;
    }

    /** For an invocation of the running function: the process environment. */
    static InvocationContext of(Context context) {
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

    /** The property the Java runtime sets per invocation, else the environment, else the Context's own. */
    private String xrayTraceHeader() {
        String v = System.getProperty(XRAY_PROPERTY);
        if (v == null || v.isEmpty()) {
            v = env.apply(XRAY_ENV);
        }
        if ((v == null || v.isEmpty()) && context != null) {
            v = context.getXrayTraceId();
        }
        return v == null || v.isEmpty() ? null : v;
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
