package dev.tracex.lambda.internal.invocation;

/** Rethrows a user's checked exception unchanged through a signature that does not declare it. */
public final class Sneaky {
    private Sneaky() {
    }

    public static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>as(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T as(Throwable t) throws T {
        throw (T) t;
    }
}
