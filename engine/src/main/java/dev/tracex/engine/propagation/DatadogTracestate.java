package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Hex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Datadog's {@code dd=} list member of the W3C {@code tracestate} header, e.g.
 * {@code dd=s:2;o:rum;p:00f067aa0ba902b7;t.dm:-4}: sampling priority, origin, last Datadog parent and the
 * propagated tags with {@code _dd.p.} shortened to {@code t.}. Inside the member {@code ~} stands for
 * {@code =}, which a tracestate value may not contain.
 */
final class DatadogTracestate {
    /** Tag under which the {@code p:} value (the last Datadog span before a non-Datadog hop) is kept. */
    static final String LAST_PARENT_TAG = "_dd.parent_id";

    /** W3C's limit on list members in one tracestate. */
    static final int MAX_MEMBERS = 32;
    /** Datadog's limit on its own member, {@code dd=} included; tags past it are left out. */
    static final int MAX_MEMBER_LENGTH = 256;

    private static final String MEMBER_KEY = "dd=";
    private static final String TAG_KEY_PREFIX = "t.";

    private static final Member NONE = new Member(null, null, Map.of());

    private DatadogTracestate() {
    }

    /**
     * The first {@code dd=} member of {@code tracestate}; no priority, origin or tags when there is none.
     * Malformed elements are skipped one by one (Datadog's tracers drop the whole member instead). Never throws.
     */
    static Member parse(String tracestate) {
        String dd = findMember(tracestate);
        if (dd == null) {
            return NONE;
        }
        Integer priority = null;
        String origin = null;
        Map<String, String> tags = new LinkedHashMap<>();
        int start = MEMBER_KEY.length();
        while (start < dd.length()) {
            int end = dd.indexOf(';', start);
            if (end < 0) {
                end = dd.length();
            }
            // ':' is looked for within this element only: many empty elements cost one pass, not one per element.
            int colon = start;
            while (colon < end && dd.charAt(colon) != ':') {
                colon++;
            }
            if (colon > start && colon < end - 1 && isValue(dd, colon + 1, end)) {
                String key = dd.substring(start, colon);
                String value = dd.substring(colon + 1, end);
                switch (key) {
                    case "s" -> priority = DatadogFormat.parsePriority(value);
                    case "o" -> origin = value.replace('~', '=');
                    case "p" -> {
                        if (value.length() == 16 && Hex.isHex(value, true)) {
                            tags.put(LAST_PARENT_TAG, value);
                        }
                    }
                    default -> {
                        // t.tid repeats the traceparent's upper bits, which win; the context derives the tag.
                        if (key.startsWith(TAG_KEY_PREFIX) && key.length() > TAG_KEY_PREFIX.length()
                                && !key.equals("t.tid")) {
                            tags.put(DatadogTags.PREFIX + key.substring(TAG_KEY_PREFIX.length()), value.replace('~', '='));
                        }
                    }
                }
            }
            start = end + 1;
        }
        return new Member(priority, origin, Collections.unmodifiableMap(tags));
    }

    /**
     * The tracestate to send with {@code context}: a fresh {@code dd=} member first (W3C asks the writer of
     * {@code traceparent} to put its member leftmost), then the other vendors' members of the tracestate
     * the context came with, at most {@value #MAX_MEMBERS} in all.
     */
    static String inject(TraceContext context) {
        StringBuilder dd = new StringBuilder(MEMBER_KEY);
        // isPresent, not ifPresent: each lambda would be a class spun at the first invocation (a cold start's).
        OptionalInt priority = context.samplingPriority();
        if (priority.isPresent()) {
            dd.append("s:").append(priority.getAsInt());
        }
        Optional<String> origin = context.origin();
        if (origin.isPresent()) {
            appendElement(dd, "o:" + encodeValue(origin.get()));
        }
        appendElement(dd, "p:" + context.parentIdHex());
        for (Map.Entry<String, String> e : context.tags().entrySet()) {
            String key = e.getKey();
            if (key.startsWith(DatadogTags.PREFIX) && key.length() > DatadogTags.PREFIX.length()
                    && !key.equals(TraceContext.TRACE_ID_HIGH_TAG)) {
                appendElement(dd, TAG_KEY_PREFIX + encodeKey(key.substring(DatadogTags.PREFIX.length()))
                        + ":" + encodeValue(e.getValue()));
            }
        }
        StringBuilder out = new StringBuilder(dd);
        int members = 1;
        String previous = context.tracestate().orElse(null);
        if (previous != null) {
            int start = 0;
            while (start <= previous.length() && members < MAX_MEMBERS) {
                int end = previous.indexOf(',', start);
                if (end < 0) {
                    end = previous.length();
                }
                String member = trimOws(previous.substring(start, end));
                if (!member.isEmpty() && !member.startsWith(MEMBER_KEY)) {
                    out.append(',').append(member);
                    members++;
                }
                start = end + 1;
            }
        }
        return out.toString();
    }

    // An element that would push the member past its limit is left out rather than cut.
    private static void appendElement(StringBuilder dd, String element) {
        int separator = dd.length() > MEMBER_KEY.length() ? 1 : 0;
        if (dd.length() + separator + element.length() > MAX_MEMBER_LENGTH) {
            return;
        }
        if (separator == 1) {
            dd.append(';');
        }
        dd.append(element);
    }

    /** Datadog's mapping into a member value: {@code =} becomes {@code ~}; separators, {@code ~} and non-printables become {@code _}. */
    static String encodeValue(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=') {
                sb.append('~');
            } else if (c < ' ' || c > '~' || c == ',' || c == ';' || c == '~') {
                sb.append('_');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // A key ends at ':' and may hold no space, so those go too.
    private static String encodeKey(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean bad = c <= ' ' || c > '~' || c == ',' || c == ';' || c == '=' || c == ':' || c == '~';
            sb.append(bad ? '_' : c);
        }
        return sb.toString();
    }

    /** The first member whose key is {@code dd}, without surrounding optional whitespace, or null. */
    private static String findMember(String tracestate) {
        if (tracestate == null) {
            return null;
        }
        int start = 0;
        while (start < tracestate.length()) {
            int end = tracestate.indexOf(',', start);
            if (end < 0) {
                end = tracestate.length();
            }
            String member = trimOws(tracestate.substring(start, end));
            if (member.startsWith(MEMBER_KEY)) {
                return member;
            }
            start = end + 1;
        }
        return null;
    }

    // W3C member values: printable ASCII except ',' and '='.
    private static boolean isValue(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || c == ',' || c == '=') {
                return false;
            }
        }
        return true;
    }

    /** {@code s} without leading and trailing spaces and tabs, W3C's optional whitespace. */
    static String trimOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** What {@link #parse} read from the {@code dd=} member; tags hold {@code _dd.p.*} and {@value #LAST_PARENT_TAG}. */
    record Member(Integer priority, String origin, Map<String, String> tags) {
    }
}
