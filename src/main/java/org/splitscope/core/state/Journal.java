package org.splitscope.core.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The undo log of the simulation state: every write to a journaled array records the value it
 * overwrites, so that any later position can be rolled back exactly (STYLE.md principle 4,
 * "step back by recorded inverse deltas").
 *
 * <p>Entries are two longs: a header {@code (arrayId << 48) | index} and the old value. They are
 * kept in fixed-size chunks so that the oldest part of the log can be dropped cheaply when the
 * history budget is exceeded ({@link #dropBefore(long)}); positions are global and never reused,
 * so a position taken before a drop stays meaningful as long as it is not older than
 * {@link #oldestPosition()}.
 *
 * <p>Threading: confined to the thread that runs the simulation.
 */
public final class Journal {
    static final int CHUNK_LONGS = 1 << 16;          // 32,768 entries per chunk
    private static final int ID_SHIFT = 48;
    private static final long INDEX_MASK = (1L << ID_SHIFT) - 1;

    private final List<JArray> arrays = new ArrayList<>();
    private final ArrayList<long[]> chunks = new ArrayList<>();
    /** Global position (in longs) of chunks.get(0)[0]. */
    private long base;
    /** Global position (in longs) one past the last written long. */
    private long end;
    private boolean recording;

    /** Registers an array; returns its id. Called by the JArray constructors. */
    int register(JArray array) {
        if (arrays.size() >= (1 << 15)) {
            throw new IllegalStateException("too many journaled arrays");
        }
        arrays.add(array);
        return arrays.size() - 1;
    }

    /** Every array registered with this journal, in registration order. */
    public List<JArray> arrays() {
        return arrays;
    }

    /** Whether writes are being recorded. When off, writes cost nothing extra. */
    public boolean recording() {
        return recording;
    }

    public void setRecording(boolean on) {
        this.recording = on;
    }

    /** The current position: undoing to it restores the state as it is now. */
    public long position() {
        return end;
    }

    /** The oldest position that can still be undone to. */
    public long oldestPosition() {
        return base;
    }

    /** Bytes held by the log. */
    public long bytes() {
        return (long) chunks.size() * CHUNK_LONGS * Long.BYTES;
    }

    void record(int arrayId, long index, long oldValue) {
        int off = (int) (end - base);
        int chunk = off / CHUNK_LONGS;
        int within = off % CHUNK_LONGS;
        if (chunk == chunks.size()) {
            chunks.add(new long[CHUNK_LONGS]);
        }
        long[] c = chunks.get(chunk);
        c[within] = ((long) arrayId << ID_SHIFT) | index;
        c[within + 1] = oldValue;
        end += 2;
    }

    /**
     * Rolls every journaled array back to how it was at {@code position}, discarding the log
     * after it. Recording is suspended while undoing.
     */
    public void undoTo(long position) {
        if (position < base || position > end) {
            throw new IllegalArgumentException("position " + position + " outside [" + base + ", " + end + "]");
        }
        while (end > position) {
            end -= 2;
            int off = (int) (end - base);
            long[] c = chunks.get(off / CHUNK_LONGS);
            int within = off % CHUNK_LONGS;
            long header = c[within];
            arrays.get((int) (header >>> ID_SHIFT)).restore(header & INDEX_MASK, c[within + 1]);
        }
        trimTail();
    }

    /** Forgets everything (after a checkpoint restore the old log no longer applies). */
    public void clear(long newPosition) {
        chunks.clear();
        base = newPosition;
        end = newPosition;
    }

    /** Drops whole chunks that lie entirely before {@code position}; returns the new oldest position. */
    public long dropBefore(long position) {
        while (chunks.size() > 1 && base + CHUNK_LONGS <= position && base + CHUNK_LONGS <= end) {
            chunks.remove(0);
            base += CHUNK_LONGS;
        }
        return base;
    }

    private void trimTail() {
        int needed = (int) ((end - base + CHUNK_LONGS - 1) / CHUNK_LONGS);
        while (chunks.size() > Math.max(needed, 1)) {
            chunks.remove(chunks.size() - 1);
        }
    }
}
