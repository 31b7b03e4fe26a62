package dev.tracex.engine.internal.rule;

import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PropagationStyle}s a {@link PropagationSettings} names (by their formats' names: the public settings
 * type sits in the engine's root package, which does not depend on the codecs). Internal: may change without notice.
 */
public final class SettingsStyles {
    private SettingsStyles() {
    }

    /** The styles of {@code settings}, in its order; {@link PropagationStyle#DEFAULTS} itself for the default. */
    public static List<PropagationStyle> of(PropagationSettings settings) {
        if (settings.equals(PropagationSettings.DEFAULT)) {
            return PropagationStyle.DEFAULTS;
        }
        List<PropagationStyle> out = new ArrayList<>();
        for (String name : settings.styles()) {
            for (PropagationStyle s : PropagationStyle.values()) {
                if (s.format().name().equals(name)) {
                    out.add(s);
                }
            }
        }
        return List.copyOf(out);
    }
}
