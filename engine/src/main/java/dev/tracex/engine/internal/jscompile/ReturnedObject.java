package dev.tracex.engine.internal.jscompile;

/**
 * An object literal's keys and values, as returned. {@code known} holds, found once at compile time, the index
 * of each key the result reader asks for ({@link #KNOWN}), or -1: a call looks nothing up by name.
 */
record ReturnedObject(String[] keys, Object[] values, int[] known) {
    /** The keys the Node-style reading asks for, in the order of {@code known}. */
    static final String[] KNOWN = {"traceId", "parentId", "traceID", "parentID", "sampleMode"};

    static int[] known(String[] keys) {
        int[] at = new int[KNOWN.length];
        for (int k = 0; k < KNOWN.length; k++) {
            at[k] = -1;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(KNOWN[k])) {
                    at[k] = i;
                }
            }
        }
        return at;
    }

    /** The value of {@code key}, or {@code null} if the object has no such property. */
    Object member(String key) {
        for (int k = 0; k < KNOWN.length; k++) {
            if (KNOWN[k].equals(key)) {
                return known[k] < 0 ? null : values[known[k]];
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    /** Whether it has one of the Node-style id keys: then it is read as {@code {traceId, parentId, sampleMode}}. */
    boolean isNodeStyle() {
        return known[0] >= 0 || known[1] >= 0 || known[2] >= 0 || known[3] >= 0;
    }
}
