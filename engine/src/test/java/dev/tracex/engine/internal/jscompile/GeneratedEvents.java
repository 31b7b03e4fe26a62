package dev.tracex.engine.internal.jscompile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Events for the differential tests: the places extractors read (a {@code _datadog} object or its JSON text, SQS
 * records with message attributes (text and base64) and bodies, SNS attributes, Kinesis data in base64, an EventBridge
 * detail, headers, a {@code meta} or {@code foo} object), each present, absent, or of every
 * JSON type, with hostile values (text with trailing junk, white space JS and Java trim differently, {@code -0},
 * integers beyond 2^53 and 2^64, hex, exponents, JSON that is almost JSON). Seeded: the same events every run.
 */
final class GeneratedEvents {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] KEYS = {"x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority",
        "traceparent", "tracestate", "traceId", "parentId", "traceID", "parentID", "sampleMode", "spanId", "sampled",
        "x-datadog-origin", "length", "0", "a"};
    private static final String[] TEXTS = {"", "0", "1", "2", "12", "-1", "12abc", " 42 ", "\u00a042", "\u2028 7", "-0",
        "0x1f", "0X1F", "1e3", "1.5", ".5", "5.", "abc", "NaN", "Infinity", "-Infinity", "18446744073709551615",
        "18446744073709551616", "9007199254740993", "123456789012345678901234567890", "+3", "0b11", "0o7", "1_000",
        "\t\n12\r\n", "１２", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000001-0000000000000002-01", "dd=s:2;o:rum", "{\"a\":1}", "[1,2]",
        "{\"x-datadog-trace-id\":\"123\",\"x-datadog-parent-id\":\"456\",\"x-datadog-sampling-priority\":\"1\"}",
        "{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"n\":12345678901234567890}",
        "{\"x-datadog-trace-id\":123,\"x-datadog-parent-id\":-0,\"x-datadog-sampling-priority\":1e400}",
        "{\"a\":1} x", "{'a':1}", "{\"a\":1,}", "\"str\"", "null", "true", "-0", "1e400", "[]", "{}", " {\"0\":1,\"b\":[true,null]} ",
        "{\"__proto__\":{\"x\":1},\"1\":\"one\",\"traceparent\":[\"a\",1,null,{}]}", "\"\\ud800\"", "[[[[[[]]]]]]",
        // base64 (Node wrote them): JSON headers, URL-safe and unpadded JSON, line-wrapped, invalid, UTF-8 and not UTF-8
        "eyJ4LWRhdGFkb2ctdHJhY2UtaWQiOiIxMjMiLCJ4LWRhdGFkb2ctcGFyZW50LWlkIjoiNDU2IiwieC1kYXRhZG9nLXNhbXBsaW5nLXByaW9yaXR5IjoiMSJ9",
        "eyJ0cmFjZXBhcmVudCI6IjAwLTRiZjkyZjM1NzdiMzRkYTZhM2NlOTI5ZDBlMGU0NzM2LTAwZjA2N2FhMGJhOTAyYjctMDEiLCJ0cmFjZXN0YXRlIjoiZGQ9czoyO286cnVtfsOpPz4ifQ",
        "eyJ0cmFjZXBhcmVudCI6IjAwLTRiZjkyZjM1NzdiMzRkYTZhM2NlOTI5ZDBlMGU0NzM2LTAwZjA2N2FhMGJhOTAyYjctMDEiLCJ0cmFjZXN0YXRlIjoiZGQ9czoyO286cnVtfsOpPz4ifQ==",
        "eyJ4LWRhdGFkb2ctdHJh\nY2UtaWQiOiIxMjMiLCJ4\nLWRhdGFkb2ctcGFyZW50\nLWlkIjoiNDU2IiwieC1k\nYXRhZG9nLXNhbXBsaW5n\nLXByaW9yaXR5IjoiMSJ9",
        "YQ=", "Y", "YQ==YQ==", "_-8", "PDw_Pz4-", "YW Jj", "w6kg4pyTIPCfmIA=", "8J+Y", "7aCA", "Y\u0141==", "MTIz", "eyJhIjoxfQ"};

    private GeneratedEvents() {
    }

    static List<JsonNode> generate(long seed, int count) {
        Random r = new Random(seed);
        List<JsonNode> out = new ArrayList<>();
        out.add(F.nullNode());
        out.add(F.textNode("12"));
        out.add(F.arrayNode().add("1").add("2"));
        out.add(F.objectNode());
        for (int i = 0; i < count; i++) {
            out.add(event(r));
        }
        return out;
    }

    private static JsonNode event(Random r) {
        ObjectNode e = F.objectNode();
        maybe(r, e, "_datadog", () -> r.nextInt(4) == 0 ? text(r, true) : headers(r, 0));
        maybe(r, e, "headers", () -> headers(r, 0));
        maybe(r, e, "meta", () -> headers(r, 0));
        maybe(r, e, "Records", () -> {
            ArrayNode a = F.arrayNode();
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                ObjectNode rec = F.objectNode();
                maybe(r, rec, "body", () -> r.nextBoolean() ? F.textNode(headers(r, 0).toString()) : value(r, 1));
                maybe(r, rec, "messageAttributes", () -> {
                    ObjectNode ma = F.objectNode();
                    maybe(r, ma, "_datadog", () -> {
                        ObjectNode dd = F.objectNode();
                        maybe(r, dd, "stringValue", () -> r.nextBoolean() ? F.textNode(headers(r, 0).toString()) : value(r, 1));
                        maybe(r, dd, "binaryValue", () -> base64(r, headers(r, 0)));
                        maybe(r, dd, "dataType", () -> F.textNode(r.nextBoolean() ? "String" : "Binary"));
                        return dd;
                    });
                    return ma;
                });
                maybe(r, rec, "Sns", () -> {
                    ObjectNode attribute = F.objectNode();
                    maybe(r, attribute, "Type", () -> F.textNode(r.nextBoolean() ? "String" : "Binary"));
                    maybe(r, attribute, "Value", () -> r.nextBoolean() ? F.textNode(headers(r, 0).toString()) : base64(r, headers(r, 0)));
                    ObjectNode sns = F.objectNode();
                    sns.putObject("MessageAttributes").set("_datadog", attribute);
                    return sns;
                });
                maybe(r, rec, "kinesis", () -> {
                    ObjectNode kinesis = F.objectNode();
                    ObjectNode data = F.objectNode();
                    data.set("_datadog", headers(r, 0));
                    maybe(r, kinesis, "data", () -> base64(r, data));
                    return kinesis;
                });
                a.add(rec);
            }
            return a;
        });
        maybe(r, e, "detail", () -> {
            if (r.nextBoolean()) {
                return value(r, 0);
            }
            ObjectNode detail = F.objectNode();
            detail.set("_datadog", r.nextInt(3) == 0 ? value(r, 1) : headers(r, 0));
            return detail;
        });
        maybe(r, e, "foo", () -> headers(r, 0));
        return e;
    }

    interface Maker {
        JsonNode make();
    }

    private static void maybe(Random r, ObjectNode o, String key, Maker m) {
        int roll = r.nextInt(10);
        if (roll < 7) {
            o.set(key, m.make());
        } else if (roll < 9) {
            o.set(key, value(r, 2)); // of another type
        }
    }

    private static JsonNode headers(Random r, int depth) {
        ObjectNode h = F.objectNode();
        for (String k : KEYS) {
            if (r.nextInt(3) != 0) {
                h.set(k, r.nextInt(3) == 0 ? value(r, depth + 1) : idLike(r));
            }
        }
        return h;
    }

    /** A document as base64 text, in the forms senders write: padded, URL-safe, unpadded, wrapped, or damaged. */
    private static JsonNode base64(Random r, JsonNode document) {
        byte[] bytes = document.toString().getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(6)) {
            case 0: return F.textNode(Base64.getUrlEncoder().encodeToString(bytes));
            case 1: return F.textNode(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            case 2: return F.textNode(Base64.getMimeEncoder().encodeToString(bytes));
            case 3: return F.textNode("!" + Base64.getEncoder().encodeToString(bytes).substring(1));
            default: return F.textNode(Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static JsonNode idLike(Random r) {
        switch (r.nextInt(6)) {
            case 0: return F.numberNode(1 + r.nextInt(100000));
            case 1: return F.textNode(Long.toUnsignedString(r.nextLong()));
            case 2: return F.numberNode(new BigInteger(64, r));
            default: return F.textNode(Integer.toString(r.nextInt(3) - 1 + (r.nextBoolean() ? 0 : 123456)));
        }
    }

    private static JsonNode text(Random r, boolean json) {
        return F.textNode(TEXTS[r.nextInt(TEXTS.length)]);
    }

    /** Any JSON value, hostile ones included. */
    static JsonNode value(Random r, int depth) {
        switch (r.nextInt(depth > 3 ? 9 : 12)) {
            case 0: return F.nullNode();
            case 1: return F.booleanNode(r.nextBoolean());
            case 2: return F.numberNode(r.nextInt(7) - 3);
            case 3: return F.numberNode(-0.0);
            case 4: return F.numberNode(new BigInteger("12345678901234567890"));
            case 5: return F.numberNode(r.nextBoolean() ? 1.5 : 1e21);
            case 6: return F.numberNode(9007199254740993L);
            case 7:
            case 8: return text(r, false);
            case 9: {
                ArrayNode a = F.arrayNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth + 1));
                }
                return a;
            }
            default: return headers(r, depth + 1);
        }
    }
}
