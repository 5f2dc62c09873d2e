package org.splitscope.scenario.trace;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Quotes a line of a recording's trace.txt on demand: seeks to the nearest indexed line before it
 * and reads forward (at most {@value TraceReader#INDEX_EVERY} lines). This is how a step's caption
 * quotes its line without the text ever being held (TRACE.md: "the step's caption quotes the
 * line").
 *
 * <p>Immutable; each call opens the file afresh, so any thread may call it.
 */
final class TraceText {
    /** Byte offsets of lines 1, 1 + every, 1 + 2 * every, ... and the number of lines. */
    record LineIndex(long[] offsets, long lines) {
    }

    /** Longest quote, in characters. */
    static final int MAX_QUOTE = 200;

    private final RecordingFiles files;
    private final LineIndex index;

    TraceText(RecordingFiles files, LineIndex index) {
        this.files = files;
        this.index = index;
    }

    /** Line {@code lineNo} (1-based) without its end, white space at both ends stripped, or null when unreadable. */
    String line(long lineNo) {
        if (lineNo < 1 || lineNo > index.lines()) {
            return null;
        }
        int k = (int) ((lineNo - 1) / TraceReader.INDEX_EVERY);
        long at = k * (long) TraceReader.INDEX_EVERY + 1;
        try (InputStream in = files.open(RecordingFiles.TRACE)) {
            long skip = index.offsets()[k];
            while (skip > 0) {
                long s = in.skip(skip);
                if (s <= 0) {
                    return null;
                }
                skip -= s;
            }
            InputStream b = new BufferedInputStream(in, 1 << 16);
            int c = 0;
            while (at < lineNo && c >= 0) {                  // skip to the line, counting '\n' as the reader does
                c = b.read();
                if (c == '\n') {
                    at++;
                }
            }
            if (c < 0) {
                return null;
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while ((c = b.read()) >= 0 && c != '\n' && line.size() < TraceReader.MAX_LINE) {
                line.write(c);
            }
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(line.toByteArray()))
                    .toString().strip();
            return s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE - 3) + "...";
        } catch (IOException | RuntimeException e) {
            return null;                                    // the file changed or went away: no quote
        }
    }
}
