package dev.tracex.lambda.internal.invocation;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.lambda.TracingHandlerTest;
import dev.tracex.lambda.local.LocalContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class LambdaInvocationContextTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(LambdaInvocationContext.XRAY_PROPERTY);
    }

    @Test
    void toJson_fullContext_hasExactlyTheDocumentedShape() throws Exception {
        System.setProperty(LambdaInvocationContext.XRAY_PROPERTY, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        Map<String, String> env = Map.of("DD_MERGE_XRAY_TRACES", "true", "_X_AMZN_TRACE_ID", "ignored-when-the-property-is-set");
        String json = new LambdaInvocationContext(new FullContext(new AtomicInteger()), env::get).toJson().toString();
        assertThat(new ObjectMapper().readTree(json)).isEqualTo(new ObjectMapper().readTree("""
                {"awsRequestId": "c6af9ac6-7b61-11e6-9a41-93e812345678",
                 "functionName": "orders",
                 "functionVersion": "7",
                 "invokedFunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:orders:live",
                 "memoryLimitInMB": 1024,
                 "logGroupName": "/aws/lambda/orders",
                 "logStreamName": "2026/11/25/[7]abcdef",
                 "clientContext": {
                   "client": {"installationId": "inst-1", "appTitle": "Shop", "appVersionName": "2.1",
                              "appVersionCode": "210", "appPackageName": "com.example.shop"},
                   "custom": {"_datadog": "{\\"x-datadog-trace-id\\":\\"1\\",\\"x-datadog-parent-id\\":\\"2\\"}"},
                   "environment": {"platform": "Android"}},
                 "identity": {"identityId": "us-east-1:abc", "identityPoolId": "us-east-1:pool"},
                 "xrayTraceHeader": "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                 "env": {"DD_MERGE_XRAY_TRACES": "true"}}
                """));
    }

    @Test
    void toJson_minimalContext_leavesAbsentValuesOut() {
        Map<String, String> env = Map.of("_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        LocalContext local = LocalContext.of("f");
        String json = new LambdaInvocationContext(local, env::get).toJson().toString();
        assertThat(json).isEqualTo("{\"awsRequestId\":\"" + local.getAwsRequestId() + "\",\"functionName\":\"f\","
                + "\"functionVersion\":\"$LATEST\",\"invokedFunctionArn\":\"arn:aws:lambda:local:000000000000:function:f\","
                + "\"memoryLimitInMB\":512,\"logGroupName\":\"/aws/lambda/f\",\"logStreamName\":\"local\","
                + "\"xrayTraceHeader\":\"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0\",\"env\":{}}");
    }

    static final String CONTEXT_XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    static final String PROCESS_XRAY = "Root=1-67891233-abcdef012345678912345678;Parent=463ac35c9f6413ad;Sampled=1";

    /** {@code context} answering {@code getXrayTraceId()} with {@code xray}, as the runtime client's own context does. */
    static Context withXray(Context context, String xray) {
        return (Context) java.lang.reflect.Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> method.getName().equals("getXrayTraceId") ? xray : method.invoke(context, args));
    }

    static Stream<Arguments> xrayHeaders() {
        return Stream.of(
                argumentSet("the invocation's own header wins over the process-wide property",
                        CONTEXT_XRAY, Map.of(), CONTEXT_XRAY),
                argumentSet("one invocation at a time, the context without one: the runtime's property",
                        null, Map.of(), PROCESS_XRAY),
                argumentSet("several invocations in the process (AWS_LAMBDA_MAX_CONCURRENCY): never the property",
                        null, Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "4"), null),
                argumentSet("several invocations, the context with one: the context's",
                        CONTEXT_XRAY, Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "4"), CONTEXT_XRAY));
    }

    @ParameterizedTest
    @MethodSource("xrayHeaders")
    void toJson_xrayTraceHeader_comesFromTheInvocationsOwnContextFirst(String fromContext, Map<String, String> env, String expected) {
        System.setProperty(LambdaInvocationContext.XRAY_PROPERTY, PROCESS_XRAY);
        Context context = withXray(LocalContext.of("f"), fromContext);
        JsonNode json = new LambdaInvocationContext(context, env::get).toJson();
        if (expected == null) {
            assertThat(json.has("xrayTraceHeader")).as(json.toString()).isFalse();
        } else {
            assertThat(json.get("xrayTraceHeader").asText()).isEqualTo(expected);
        }
    }

    @Test
    void extract_ruleNotReadingTheContext_neverBuildsIt() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        // The rule alone: builtin.default behind it does read the context (client context, X-Ray).
        Extractor sqs = Extractors.parse("extractors:\n  sqs:\n    headers: $.Records[0].messageAttributes._datadog.stringValue\n",
                "rules.yaml").extractor("sqs");
        sqs.extract("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8), new LambdaInvocationContext(new FullContext(reads), k -> null));
        assertThat(reads.get()).isZero();
    }

    @Test
    void extract_fromContextRule_readsTheClientContextOnce() {
        AtomicInteger reads = new AtomicInteger();
        Extractor rule = TracingHandlerTest.rule("client_context");
        LambdaInvocationContext ic = new LambdaInvocationContext(new FullContext(reads), k -> null);
        assertThat(rule.extract("{}".getBytes(StandardCharsets.UTF_8), ic).parent().orElseThrow().traceId()).isEqualTo("1");
        ic.toJson();
        assertThat(reads.get()).isEqualTo(1);
    }

    /** A context with every field set; counts how often the JSON is built (one getAwsRequestId per build). */
    static final class FullContext implements Context {
        private final AtomicInteger reads;

        FullContext(AtomicInteger reads) {
            this.reads = reads;
        }

        @Override
        public String getAwsRequestId() {
            reads.incrementAndGet();
            return "c6af9ac6-7b61-11e6-9a41-93e812345678";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/orders";
        }

        @Override
        public String getLogStreamName() {
            return "2026/11/25/[7]abcdef";
        }

        @Override
        public String getFunctionName() {
            return "orders";
        }

        @Override
        public String getFunctionVersion() {
            return "7";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:orders:live";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return new CognitoIdentity() {
                @Override
                public String getIdentityId() {
                    return "us-east-1:abc";
                }

                @Override
                public String getIdentityPoolId() {
                    return "us-east-1:pool";
                }
            };
        }

        @Override
        public ClientContext getClientContext() {
            return new ClientContext() {
                @Override
                public Client getClient() {
                    return new Client() {
                        @Override
                        public String getInstallationId() {
                            return "inst-1";
                        }

                        @Override
                        public String getAppTitle() {
                            return "Shop";
                        }

                        @Override
                        public String getAppVersionName() {
                            return "2.1";
                        }

                        @Override
                        public String getAppVersionCode() {
                            return "210";
                        }

                        @Override
                        public String getAppPackageName() {
                            return "com.example.shop";
                        }
                    };
                }

                @Override
                public Map<String, String> getCustom() {
                    return Map.of("_datadog", "{\"x-datadog-trace-id\":\"1\",\"x-datadog-parent-id\":\"2\"}");
                }

                @Override
                public Map<String, String> getEnvironment() {
                    return Map.of("platform", "Android");
                }
            };
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
