package dev.tracex.engine.internal.jscompile;

/** An object literal's keys and values, as returned. */
record ReturnedObject(String[] keys, Object[] values) {
    /** The value of {@code key}, or {@code null} if the object has no such property. */
    Object member(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }
}
