package org.splitscope.render;

import java.util.List;

/**
 * The colours of the heat map, with a letter for each so that no information is carried by colour
 * alone (legend and zoomed-in cells show the letters). Based on the Okabe-Ito palette, which stays
 * distinguishable under the common colour-vision deficiencies. A light and a dark variant differ in
 * background, grid and text only.
 */
public record Palette(String name, int background, int panel, int text, int dimText, int grid, int gridMajor) {
    public static final Palette LIGHT = new Palette("light", 0xFFFFFFFF, 0xFFF2F2F2, 0xFF111111, 0xFF555555,
            0xFFBDBDBD, 0xFF555555);
    public static final Palette DARK = new Palette("dark", 0xFF1E1E1E, 0xFF2A2A2A, 0xFFEEEEEE, 0xFFAAAAAA,
            0xFF4A4A4A, 0xFFBBBBBB);

    // Okabe-Ito
    public static final int BLACK = 0xFF000000;
    public static final int ORANGE = 0xFFE69F00;
    public static final int SKY_BLUE = 0xFF56B4E9;
    public static final int BLUISH_GREEN = 0xFF009E73;
    public static final int YELLOW = 0xFFF0E442;
    public static final int BLUE = 0xFF0072B2;
    public static final int VERMILLION = 0xFFD55E00;
    public static final int REDDISH_PURPLE = 0xFFCC79A7;
    public static final int WHITE = 0xFFFFFFFF;

    /** One thing the map can show: its colour, its letter, and what it means. */
    public record Entry(String key, int argb, char letter, String label) {
    }

    // direct map
    public static final Entry LEAF_1G = new Entry("1g", BLUE, 'G', "1G direct-map leaf");
    public static final Entry LEAF_2M = new Entry("2m", SKY_BLUE, 'M', "2M direct-map leaf");
    public static final Entry LEAF_4K = new Entry("4k", BLUISH_GREEN, '4', "4K PTE, present");
    public static final Entry NOT_PRESENT = new Entry("np", YELLOW, 'N', "not present (4K PTE or whole leaf)");
    public static final Entry HOLE = new Entry("hole", 0xFF7F7F7F, 'H', "not RAM (hole)");
    public static final Entry MIXED = new Entry("mixed", 0xFFB0B0B0, '*', "mixed: frames differ (striped)");
    /**
     * The inset of frames private to several guests at once (a cell that spans two owners); the owner
     * colours below are the other insets. None of them is a TLB-conflict, fault or direct-map colour.
     */
    public static final int SEVERAL_OWNERS = 0xFF4D4D4D;
    // RMP: the inset's shape says what is private; its colour says whose (asidColor)
    public static final Entry PRIVATE_2M = new Entry("p2m", SEVERAL_OWNERS, 'P', "private, 2M RMP entry (solid inset)");
    public static final Entry PRIVATE_4K = new Entry("p4k", SEVERAL_OWNERS, 'p', "private, 4K RMP entries (dotted inset)");
    public static final Entry PRIVATE_SOME = new Entry("psome", SEVERAL_OWNERS, '+', "some frames private (small inset)");
    // TLB conflicts
    public static final Entry TLB_STALE = new Entry("stale", REDDISH_PURPLE, 'S', "stale TLB entry (corner)");
    public static final Entry TLB_MIXED = new Entry("mixedsize", ORANGE, 'Z', "mixed-size TLB entries (corner)");
    public static final Entry TLB_HAZARD = new Entry("hazard", VERMILLION, '!', "TLB entry an RMP #PF write would use (border)");
    // faults
    public static final Entry RMP_FAULT = new Entry("rmpfault", BLACK, 'X',
            "RMP #PF (oops: RMP violation; the thread's host crash): cross");
    public static final Entry NP_FAULT = new Entry("npfault", BLACK, 'x', "not-present #PF (oops): small cross");
    public static final Entry ACTIVITY = new Entry("activity", WHITE, '.', "recent activity (fades)");

    public static final List<Entry> DIRECT_MAP = List.of(LEAF_1G, LEAF_2M, LEAF_4K, NOT_PRESENT, HOLE, MIXED);
    public static final List<Entry> RMP = List.of(PRIVATE_2M, PRIVATE_4K, PRIVATE_SOME);
    public static final List<Entry> TLB = List.of(TLB_STALE, TLB_MIXED, TLB_HAZARD);
    public static final List<Entry> FAULTS = List.of(RMP_FAULT, NP_FAULT);

    /**
     * Owner colours for guests, one per ASID, cycling: dark hues (Paul Tol's indigo, wine and olive,
     * then brown, purple and slate) that are none of the Okabe-Ito colours the direct map, the TLB
     * conflicts (vermilion, reddish purple, orange) and the faults (black) use, so that one colour never
     * means two things; the legend and zoomed-in cells also print the ASID.
     */
    private static final int[] ASID = {0xFF332288, 0xFF882255, 0xFF999933, 0xFF8B4513, 0xFF6A3D9A, 0xFF2F4F4F};

    /** Owner colour of a guest; {@link #SEVERAL_OWNERS} for a cell whose frames belong to several. */
    public static int asidColor(int asid) {
        return asid <= 0 ? SEVERAL_OWNERS : ASID[(asid - 1) % ASID.length];
    }

    /** Every colour the map gives a meaning to, for the test that no two meanings share one. */
    public static List<Entry> meaningful(int guests) {
        List<Entry> out = new java.util.ArrayList<>();
        out.addAll(List.of(LEAF_1G, LEAF_2M, LEAF_4K, NOT_PRESENT, HOLE, TLB_STALE, TLB_MIXED, TLB_HAZARD, RMP_FAULT));
        out.add(new Entry("several", SEVERAL_OWNERS, '*', "several owners"));
        for (int g = 1; g <= Math.min(guests, ASID.length); g++) {
            out.add(new Entry("g" + g, asidColor(g), Character.forDigit(g % 10, 10), "guest " + g));
        }
        return out;
    }

    /** Mixes {@code c} toward white by {@code amount} (0..255). */
    public static int lighten(int c, int amount) {
        int r = (c >>> 16) & 0xFF;
        int g = (c >>> 8) & 0xFF;
        int b = c & 0xFF;
        r += (255 - r) * amount / 255;
        g += (255 - g) * amount / 255;
        b += (255 - b) * amount / 255;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    /** A text colour readable on {@code bg}. */
    public static int contrast(int bg) {
        int r = (bg >>> 16) & 0xFF;
        int g = (bg >>> 8) & 0xFF;
        int b = bg & 0xFF;
        return (r * 299 + g * 587 + b * 114) / 1000 > 140 ? BLACK : WHITE;
    }
}
