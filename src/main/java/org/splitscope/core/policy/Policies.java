package org.splitscope.core.policy;

import java.util.List;
import java.util.stream.Collectors;
import org.splitscope.core.kernel.Policy;

/** The ten policies of DOMAIN.md section 5, in its order, by the ids users type. */
public final class Policies {
    private static final List<Policy> ALL = List.of(
            new NoPolicy(),
            new SplitPhysmap(),
            new InvalidateNoflush(),
            new InvalidateFlush(),
            new Presplit4k(),
            new PresplitOnLaunch(),
            new SplitOnDemand(),
            new Private2mOnly(),
            new SplitAndRestore(),
            new GmemNoDirectMap());

    /** The default: what mainline Linux does today. */
    public static final String DEFAULT_ID = "split-on-demand";

    private Policies() {
    }

    public static List<Policy> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(Policy::id).toList();
    }

    /** The policy with this id; the exception message lists the valid ids. */
    public static Policy byId(String id) {
        for (Policy p : ALL) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown policy '" + id + "' (one of: "
                + ALL.stream().map(Policy::id).collect(Collectors.joining(", ")) + ")");
    }
}
