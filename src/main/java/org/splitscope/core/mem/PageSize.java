package org.splitscope.core.mem;

/** The three x86-64 leaf sizes of the direct map, and the two RMP entry sizes (4K, 2M). */
public enum PageSize {
    K4("4K", 0, 1),
    M2("2M", 9, 512),
    G1("1G", 18, 512 * 512);

    private final String label;
    private final int order;
    private final long frames;

    PageSize(String label, int order, long frames) {
        this.label = label;
        this.order = order;
        this.frames = frames;
    }

    public String label() {
        return label;
    }

    /** log2 of the number of 4 KiB frames in one page of this size. */
    public int order() {
        return order;
    }

    public long frames() {
        return frames;
    }

    public long bytes() {
        return frames * Pfns.FRAME_BYTES;
    }

    /** The first frame of the page of this size that contains {@code pfn}. */
    public long base(long pfn) {
        return pfn & -frames;
    }

    public static PageSize parse(String s) {
        for (PageSize p : values()) {
            if (p.label.equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown page size '" + s + "' (use 4K, 2M or 1G)");
    }

    @Override
    public String toString() {
        return label;
    }
}
