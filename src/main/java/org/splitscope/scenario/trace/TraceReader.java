package org.splitscope.scenario.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.splitscope.scenario.ScenarioException;

/**
 * Streams trace.txt line by line through a fixed buffer: the text is never held, only the byte
 * offset of every {@value #INDEX_EVERY}th line (so that a step's caption can quote its line later,
 * {@link TraceText}). Lines end with {@code \n}; one {@code \r} before it is dropped. Reports
 * progress and checks for cancellation once per buffer.
 *
 * <p>Confined to the loading thread.
 */
final class TraceReader {
    /** Longest line accepted (a real trace line is under 1 KiB). */
    static final int MAX_LINE = 1 << 20;
    static final int INDEX_EVERY = 1024;

    /** Receives each line as {@code buf[start, end)} with its 1-based number. */
    interface LineHandler {
        void line(byte[] buf, int start, int end, long lineNo) throws ScenarioException;
    }

    private long[] index = new long[64];
    private long lines;

    /** Reads every line of {@code in} ({@code total} bytes, or -1 when unknown). Returns the number of lines. */
    long read(InputStream in, String file, long total, Progress progress, LineHandler handler)
            throws ScenarioException, IOException {
        byte[] buf = new byte[MAX_LINE + 1];
        int filled = 0;
        long consumed = 0;                                  // file offset of buf[0]
        long lineNo = 0;
        while (true) {
            if (progress.cancelled()) {
                throw new CancellationException("loading " + file + " was cancelled");
            }
            progress.update(consumed + filled, total);
            int n = in.read(buf, filled, buf.length - filled);
            boolean eof = n < 0;
            if (!eof) {
                filled += n;
            }
            int pos = 0;
            int nl;
            while ((nl = Swar.indexOfNewline(buf, pos, filled)) >= 0) {
                lineNo++;
                note(lineNo, consumed + pos);
                int e = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                handler.line(buf, pos, e, lineNo);
                pos = nl + 1;
            }
            if (eof) {
                if (pos < filled) {                          // a last line without '\n'
                    lineNo++;
                    note(lineNo, consumed + pos);
                    int e = buf[filled - 1] == '\r' ? filled - 1 : filled;
                    try {
                        handler.line(buf, pos, e, lineNo);
                    } catch (ScenarioException bad) {        // most likely the recording was cut off mid-line
                        throw bad.reason().contains("truncated") ? bad : new ScenarioException(bad.file(), bad.line(),
                                bad.column(), bad.reason() + " (the file ends in this line, without a newline: truncated?)");
                    }
                }
                progress.update(consumed + filled, total);
                lines = lineNo;
                return lineNo;
            }
            if (pos == 0 && filled == buf.length) {
                throw new ScenarioException(file, lineNo + 1 <= Integer.MAX_VALUE ? (int) (lineNo + 1) : 0, 0,
                        "a line longer than 1 MiB: this is not trace text");
            }
            System.arraycopy(buf, pos, buf, 0, filled - pos);
            consumed += pos;
            filled -= pos;
        }
    }

    private void note(long lineNo, long offset) {
        if ((lineNo - 1) % INDEX_EVERY == 0) {
            int k = (int) ((lineNo - 1) / INDEX_EVERY);
            if (k == index.length) {
                index = Arrays.copyOf(index, k * 2);
            }
            index[k] = offset;
        }
    }

    /** The line index: the byte offset of lines 1, 1 + {@value #INDEX_EVERY}, ... */
    TraceText.LineIndex lineIndex() {
        return new TraceText.LineIndex(Arrays.copyOf(index, (int) ((lines + INDEX_EVERY - 1) / INDEX_EVERY)), lines);
    }
}
