package org.splitscope.core.mem;

/**
 * Frame arithmetic: a PFN is a 4 KiB frame number; 512 frames form a 2M region and 512 regions a
 * 1G region (DOMAIN.md R1).
 */
public final class Pfns {
    public static final long FRAME_BYTES = 4096;
    public static final int FRAMES_PER_2M = 512;
    public static final int REGIONS_PER_1G = 512;
    public static final int FRAMES_PER_1G = FRAMES_PER_2M * REGIONS_PER_1G;
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;
    public static final long TIB = 1024 * GIB;

    private Pfns() {
    }

    public static int region(long pfn) {
        return (int) (pfn >>> 9);
    }

    public static int gig(long pfn) {
        return (int) (pfn >>> 18);
    }

    public static int gigOfRegion(int region) {
        return region >>> 9;
    }

    public static long regionBase(int region) {
        return (long) region << 9;
    }

    public static long gigBase(int gig) {
        return (long) gig << 18;
    }

    public static boolean aligned(long pfn, PageSize size) {
        return (pfn & (size.frames() - 1)) == 0;
    }

    /** "0x40200"-style rendering used in events and the UI. */
    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Human size: 4 KiB, 2 MiB, 1.5 TiB. */
    public static String bytes(long b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1 && (v % 1024 == 0 || v >= 1024 * 16)) {
            v /= 1024;
            u++;
        }
        if (v == Math.rint(v)) {
            return (long) v + " " + units[u];
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /**
     * Exact size in the largest unit that divides it: 16 TiB + 1 GiB is "16385 GiB", never a rounded
     * "16.0 TiB" (issue 14 item 5: a user must be able to tell, and write, the exact value).
     */
    public static String exactBytes(long b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        long v = b;
        int u = 0;
        while (u < units.length - 1 && v != 0 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return v + " " + units[u];
    }
}
