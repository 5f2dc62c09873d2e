package org.splitscope.core.history;

/**
 * How much memory the timeline may keep for going back (STYLE.md principle 4): checkpoints, the
 * undo journal, stored events and the per-step series. Default 512 MiB. The shares are fixed:
 * half for checkpoints, a fifth each for the journal and events, a tenth for series.
 */
public record HistoryBudget(long bytes) {
    public static final HistoryBudget DEFAULT = new HistoryBudget(512L << 20);
    /** The smallest budget. */
    public static final long MIN_BYTES = 8L << 20;

    public HistoryBudget {
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException("history budget must be at least 8 MiB");
        }
    }

    public long checkpoints() {
        return bytes / 2;
    }

    public long journal() {
        return bytes / 5;
    }

    public long events() {
        return bytes / 5;
    }

    public long series() {
        return bytes / 10;
    }
}
