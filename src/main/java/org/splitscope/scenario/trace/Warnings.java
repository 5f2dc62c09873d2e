package org.splitscope.scenario.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Things a recording did that do not stop the replay (TRACE.md: "a warning line where the
 * recording is still usable"), one line per kind however often it happens: where it first
 * happened, how often, and what SplitScope did about it.
 *
 * <p>Confined to the loading thread until {@link #lines} freezes them.
 */
final class Warnings {
    private record Kind(long firstLine, long[] count, String what) {
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /** Notes one occurrence of a kind of line; {@code what} says what it is and what the replay does about it. */
    void add(String key, long line, String what) {
        Kind k = kinds.get(key);
        if (k == null) {
            kinds.put(key, new Kind(line, new long[] {1}, what));
        } else {
            k.count()[0]++;
        }
    }

    /** One line per kind: {@code file:line: what (N lines, the first here)}. */
    List<String> lines(String file) {
        List<String> out = new ArrayList<>();
        for (Kind k : kinds.values()) {
            long n = k.count()[0];
            out.add(file + ":" + k.firstLine() + ": " + k.what() + (n == 1 ? " (1 line)" : " (" + n + " lines, the first here)"));
        }
        return out;
    }
}
