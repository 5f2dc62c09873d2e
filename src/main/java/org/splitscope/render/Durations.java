package org.splitscope.render;

import java.util.Locale;

/** Simulated nanoseconds for people: 850 ns, 12.3 us, 4.56 ms, 1.23 s. */
public final class Durations {
    private Durations() {
    }

    public static String format(long ns) {
        if (ns < 1_000) {
            return ns + " ns";
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }
}
