package org.splitscope.core.history;

import java.util.Arrays;

/**
 * The journal position at each step boundary of the stretch of the run the journal still covers
 * ({@code base} to {@code base + count - 1}), so that stepping back to one of them is undoing the
 * journal to its mark.
 *
 * <p>Threading: confined to the timeline's thread.
 */
final class JournalMarks {
    private long base;
    private long[] marks = new long[1024];
    private int count;

    /** Starts over at {@code step}, whose boundary is at journal position {@code journalPos}. */
    void reset(long step, long journalPos) {
        base = step;
        count = 0;
        append(journalPos);
    }

    /** The next boundary is at {@code journalPos}. */
    void append(long journalPos) {
        if (count == marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[count++] = journalPos;
    }

    /** Forgets the boundaries after {@code step} (the journal was undone to it). */
    void trimAfter(long step) {
        count = (int) Math.max(1, step - base + 1);
    }

    /** Forgets every boundary (the journal was cleared for a fast replay). */
    void clear() {
        count = 0;
    }

    /** Whether step {@code step}'s boundary is marked and the journal still reaches back to it. */
    boolean canUndoTo(long step, long oldestJournalPos) {
        return count > 0 && step >= base && step < base + count && marks[(int) (step - base)] >= oldestJournalPos;
    }

    /** The journal position of step {@code step}'s boundary (check {@link #canUndoTo} first). */
    long of(long step) {
        return marks[(int) (step - base)];
    }
}
