package org.splitscope.render;

import org.splitscope.core.mem.Pfns;

/**
 * The part of the physical address space on screen: frames [{@code start}, {@code start + span}),
 * 2M-aligned, at least one 2M region (drawn as its 512 4K frames) and at most all of RAM.
 */
public record Viewport(long start, long span) {
    public static final long MIN_SPAN = Pfns.FRAMES_PER_2M;

    public Viewport {
        if (span < MIN_SPAN || start < 0 || start % MIN_SPAN != 0 || span % MIN_SPAN != 0) {
            throw new IllegalArgumentException("bad viewport " + start + "+" + span);
        }
    }

    /** All of RAM. */
    public static Viewport whole(long frames) {
        return new Viewport(0, roundUp(Math.max(frames, MIN_SPAN)));
    }

    private static long roundUp(long f) {
        return (f + MIN_SPAN - 1) / MIN_SPAN * MIN_SPAN;
    }

    public long end() {
        return start + span;
    }

    public boolean contains(long pfn) {
        return pfn >= start && pfn < end();
    }

    /** Half the span, keeping {@code focus} where it is on screen. */
    public Viewport zoomIn(long focus, long frames) {
        return zoom(focus, span / 2, frames);
    }

    /** Twice the span, keeping {@code focus} where it is on screen, up to all of RAM. */
    public Viewport zoomOut(long focus, long frames) {
        return zoom(focus, span * 2, frames);
    }

    private Viewport zoom(long focus, long newSpan, long frames) {
        long total = roundUp(Math.max(frames, MIN_SPAN));
        newSpan = Math.max(MIN_SPAN, Math.min(total, roundUp(newSpan)));
        double rel = span == 0 ? 0 : (focus - start) / (double) span;
        long s = (focus - (long) (rel * newSpan)) / MIN_SPAN * MIN_SPAN;
        long f = focus / MIN_SPAN * MIN_SPAN;
        s = Math.max(Math.min(s, f), f - newSpan + MIN_SPAN);      // rounding must not push the focus out
        return clamp(s, newSpan, total);
    }

    /** Moved by {@code frames} (negative: toward lower addresses), kept within RAM. */
    public Viewport pan(long delta, long frames) {
        return clamp(start + delta, span, roundUp(Math.max(frames, MIN_SPAN)));
    }

    /** A viewport of the given range (rounded out to 2M), e.g. for {@code --zoom}. */
    public static Viewport of(long from, long to, long frames) {
        long s = from / MIN_SPAN * MIN_SPAN;
        long e = roundUp(Math.max(to, s + 1));
        return clamp(s, e - s, roundUp(Math.max(frames, MIN_SPAN)));
    }

    private static Viewport clamp(long s, long span, long total) {
        span = Math.min(span, total);
        s = s / MIN_SPAN * MIN_SPAN;
        s = Math.max(0, Math.min(s, total - span));
        return new Viewport(s, span);
    }
}
