package dev.tracex.lambda.internal.handoff;

import dev.tracex.lambda.TracexLambda;

/**
 * A planted violation for {@code ArchitectureTest}: a hand-off (a layer of the adapter's internals) that calls its public API
 * (and so, with {@code TracexLambda} calling into the internals, closes a cycle). Never imported by the real check.
 */
public final class ReachesUpToTheApi {
    private ReachesUpToTheApi() {
    }

    public static boolean hasParent() {
        return TracexLambda.current().isPresent();
    }
}
