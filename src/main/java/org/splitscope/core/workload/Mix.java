package org.splitscope.core.workload;

/** Seeded, stateless pseudo-randomness: SplitMix64 over (seed, stream, index) (R24). */
public final class Mix {
    private Mix() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long of(long seed, long stream, long index) {
        return mix(mix(mix(seed + 0x9E3779B97F4A7C15L) ^ stream) + index);
    }

    /** A value in [0, bound). */
    public static long below(long random, long bound) {
        return Long.remainderUnsigned(random, bound);
    }

    /** True with probability {@code p}. */
    public static boolean chance(long random, double p) {
        return (random >>> 11) * 0x1.0p-53 < p;
    }
}
