package dev.tracex.lambda.internal.snapstart;

import dev.tracex.engine.Extractor;
import dev.tracex.lambda.internal.handoff.OptionalLibraries;
import dev.tracex.lambda.internal.logging.Log;
import org.crac.Core;
import org.crac.Resource;

/** The only class that touches {@code org.crac}; loaded only when {@link OptionalLibraries#CRAC}. */
final class CracPriming implements Resource {
    private final Extractor extractor;
    private volatile int primed;

    private CracPriming(Extractor extractor) {
        this.extractor = extractor;
    }

    static CracPriming register(Extractor extractor) {
        CracPriming r = new CracPriming(extractor);
        Core.getGlobalContext().register(r);
        return r;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        SnapStartPriming.prime(extractor);
        primed++;
        if (Log.debugging()) {
            Log.debug("tracex: SnapStart priming ran extractor " + extractor.name() + " before the checkpoint");
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to redo: the extractor is immutable and holds no connection or clock.
    }

    /** How many checkpoints primed the extractor; for tests. */
    int primed() {
        return primed;
    }
}
