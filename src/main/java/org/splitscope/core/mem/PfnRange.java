package org.splitscope.core.mem;

/** A half-open range of frames [start, end). */
public record PfnRange(long start, long end) {
    public PfnRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad frame range [" + start + ", " + end + ")");
        }
    }

    public static PfnRange ofBytes(long startBytes, long sizeBytes) {
        return new PfnRange(startBytes / Pfns.FRAME_BYTES, (startBytes + sizeBytes) / Pfns.FRAME_BYTES);
    }

    public long length() {
        return end - start;
    }

    public boolean contains(long pfn) {
        return pfn >= start && pfn < end;
    }

    public boolean overlaps(long s, long e) {
        return start < e && s < end;
    }

    @Override
    public String toString() {
        return "[" + Pfns.hex(start) + ", " + Pfns.hex(end) + ")";
    }
}
