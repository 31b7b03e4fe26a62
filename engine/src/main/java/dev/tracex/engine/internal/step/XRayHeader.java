package dev.tracex.engine.internal.step;

import dev.tracex.engine.ids.Hex;
import dev.tracex.engine.ids.Ids;

/**
 * The {@code Root}, {@code Parent} and {@code Sampled} fields of an X-Ray trace header
 * ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}), split but not
 * validated; fields in any order, the first of a repeated field wins, others ignored. Internal.
 *
 * @param root    the {@code Root} value, or {@code null}
 * @param parent  the {@code Parent} value, or {@code null}
 * @param sampled the {@code Sampled} value, or {@code null}
 */
record XRayHeader(String root, String parent, String sampled) {
    /** {@code 1-} + 8 hex + {@code -} + 24 hex. */
    static final int ROOT_LENGTH = 35;

    static XRayHeader parse(String header) {
        String root = null;
        String parent = null;
        String sampled = null;
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "Root" -> root = root == null ? value : root;
                case "Parent" -> parent = parent == null ? value : parent;
                case "Sampled" -> sampled = sampled == null ? value : sampled;
                default -> {
                    // Self, Lineage, _dd.origin ... say nothing these steps use.
                }
            }
        }
        return new XRayHeader(root, parent, sampled);
    }

    /** True when {@code Root} is {@code 1-<8 hex>-<24 hex>}. */
    boolean hasWellFormedRoot() {
        return root != null && root.length() == ROOT_LENGTH && root.startsWith("1-") && root.charAt(10) == '-'
                && Hex.isHex(root, 2, 8, false) && Hex.isHex(root, 11, 24, false);
    }

    /** The last 16 hex digits of {@code Root}: where Datadog keeps a 64-bit trace id. Call after {@link #hasWellFormedRoot()}. */
    long rootLow64() {
        return Hex.parse(root, 19, 16, false);
    }

    /** {@code Parent} as a span id, or 0 when it is not 16 hex digits. */
    long parentId() {
        return Ids.hex16(parent);
    }
}
