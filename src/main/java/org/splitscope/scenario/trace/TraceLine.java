package org.splitscope.scenario.trace;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of one trace line, {@code comm-pid [cpu] (flags) timestamp: event: body}, parsed in
 * place from bytes without allocating (TRACE.md "Lines").
 *
 * <p>The reference is TRACE.md's regular expression ({@link #LINE}) applied to the line decoded as
 * ISO-8859-1 (one char per byte). The hand-written scanner gives exactly the regex's groups:
 * <ul>
 *   <li>A match needs {@code -\d+\s+\[\d+\]} somewhere; the scanner takes the leftmost such place p.
 *       The greedy {@code comm} makes the regex take the rightmost place where the rest matches,
 *       and every other place would have to have a {@code [digit} after p's {@code ]} (between p's
 *       {@code -} and its {@code ]} there are only digits and white space). So when no {@code [digit}
 *       follows p's {@code ]}, p is the only candidate and the regex's choice.</li>
 *   <li>After p every part is deterministic: {@code \s+} can give nothing back to a following
 *       {@code \S}, {@code \d} or {@code [\w:]}; the optional flags are a run of exactly 4 or 5
 *       non-blank characters; the event is the {@code [\w:]+} run without its last character, which
 *       must be a colon followed by white space.</li>
 *   <li>{@code comm} is everything between the leading white space and p, or the last white-space
 *       character when nothing else is left ({@code \s*} gives one back to {@code .+}).</li>
 * </ul>
 * Lines with a {@code [digit} after p's {@code ]}, or with a carriage return or U+0085 (which
 * {@code .} does not match), go to the regex itself. TraceLineProperties tests the equivalence.
 *
 * <p>Not thread-safe: one instance per parsing thread, reused for every line.
 */
final class TraceLine {
    /** TRACE.md's line syntax, verbatim. */
    static final Pattern LINE = Pattern.compile(
            "^\\s*(?<comm>.+)-(?<pid>\\d+)\\s+\\[(?<cpu>\\d+)\\]\\s+(?:\\S{4,5}\\s+)?(?<ts>\\d+\\.\\d+):\\s+"
                    + "(?<event>[\\w:]+):\\s+(?<body>.*)$");

    byte[] buf;
    int start;
    int end;
    int commStart;
    int commEnd;
    int pidStart;
    int pidEnd;
    int cpuStart;
    int cpuEnd;
    int tsStart;
    int tsEnd;
    int eventStart;
    int eventEnd;
    int bodyStart;
    /** Whether the last {@link #parse} went through the regex (tests and the benchmark look). */
    boolean viaRegex;
    /** Whether the last line had a {@code comm-pid [cpu]} header, matched or not (it looks like an event line). */
    boolean headed;

    private Matcher matcher;
    private static final long CR = Swar.pattern('\r');
    private static final long NEL = Swar.pattern(0x85);
    private static final long OPEN = Swar.pattern('[');

    /** Parses {@code buf[start, end)} (no line terminator); false when the line is not an event line. */
    boolean parse(byte[] b, int s, int e) {
        buf = b;
        start = s;
        end = e;
        viaRegex = false;
        int p = candidate(b, s, e);
        headed = p >= 0;
        if (p < 0) {
            return false;
        }
        int r = cpuEnd + 1;                               // after p's ']'
        if (needsRegex(b, s, e, r)) {
            return viaRegex(b, s, e);
        }
        if (!rest(b, r, e)) {
            return false;
        }
        int ws = s;
        while (ws < e && isWs(b[ws])) {
            ws++;
        }
        if (p > ws) {
            commStart = ws;
        } else if (p > s) {
            commStart = p - 1;
        } else {
            return false;
        }
        commEnd = p;
        return true;
    }

    /** Whether the line has a carriage return or U+0085 anywhere, or a {@code [digit} from {@code r} on. */
    private static boolean needsRegex(byte[] b, int s, int e, int r) {
        int i = s;
        for (; i + 8 <= e; i += 8) {
            long w = Swar.word(b, i);
            long odd = Swar.matches(w, CR) | Swar.matches(w, NEL);
            long open = Swar.matches(w, OPEN);
            if (odd != 0 && oddAt(b, i + Swar.first(odd))) {
                return true;
            }
            while (open != 0) {
                int j = i + Swar.first(open);
                if (j >= r && j + 1 < e && isDigit(b[j + 1])) {
                    return true;
                }
                open &= open - 1;                          // only the lowest mark is exact: recheck each
            }
        }
        for (; i < e; i++) {
            if (oddAt(b, i) || (i >= r && b[i] == '[' && i + 1 < e && isDigit(b[i + 1]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean oddAt(byte[] b, int i) {
        return b[i] == '\r' || (b[i] & 0xff) == 0x85;
    }

    /** The leftmost {@code -\d+\s+\[\d+\]}: sets pid and cpu and returns the dash's index, or -1. */
    private int candidate(byte[] b, int s, int e) {
        for (int p = s; p < e; p++) {
            if (b[p] != '-') {
                continue;
            }
            int i = p + 1;
            int d = i;
            while (i < e && isDigit(b[i])) {
                i++;
            }
            if (i == d || i >= e || !isWs(b[i])) {
                continue;
            }
            int pe = i;
            while (i < e && isWs(b[i])) {
                i++;
            }
            if (i >= e || b[i] != '[') {
                continue;
            }
            int c = ++i;
            while (i < e && isDigit(b[i])) {
                i++;
            }
            if (i == c || i >= e || b[i] != ']') {
                continue;
            }
            pidStart = d;
            pidEnd = pe;
            cpuStart = c;
            cpuEnd = i;
            return p;
        }
        return -1;
    }

    /** {@code \s+(?:\S{4,5}\s+)?(\d+\.\d+):\s+([\w:]+):\s+(.*)$} from {@code r}. */
    private boolean rest(byte[] b, int r, int e) {
        int q = r;
        while (q < e && isWs(b[q])) {
            q++;
        }
        if (q == r) {
            return false;
        }
        int run = q;
        while (run < e && !isWs(b[run])) {
            run++;
        }
        int len = run - q;
        if ((len == 4 || len == 5) && run < e) {
            int t = run;
            while (t < e && isWs(b[t])) {
                t++;
            }
            if (fromTimestamp(b, t, e)) {
                return true;
            }
        }
        return fromTimestamp(b, q, e);
    }

    private boolean fromTimestamp(byte[] b, int t, int e) {
        int i = t;
        while (i < e && isDigit(b[i])) {
            i++;
        }
        if (i == t || i >= e || b[i] != '.') {
            return false;
        }
        int f = ++i;
        while (i < e && isDigit(b[i])) {
            i++;
        }
        if (i == f || i >= e || b[i] != ':') {
            return false;
        }
        int te = i++;
        int w = i;
        while (i < e && isWs(b[i])) {
            i++;
        }
        if (i == w) {
            return false;
        }
        int ev = i;
        while (i < e && isWord(b[i])) {
            i++;
        }
        // the run must end in ':' + white space; the event is the run without that colon
        if (i - ev < 2 || b[i - 1] != ':' || i >= e || !isWs(b[i])) {
            return false;
        }
        int evEnd = i - 1;
        while (i < e && isWs(b[i])) {
            i++;
        }
        tsStart = t;
        tsEnd = te;
        eventStart = ev;
        eventEnd = evEnd;
        bodyStart = i;
        return true;
    }

    private boolean viaRegex(byte[] b, int s, int e) {
        viaRegex = true;
        String line = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        if (matcher == null) {
            matcher = LINE.matcher(line);
        } else {
            matcher.reset(line);
        }
        if (!matcher.matches()) {
            return false;
        }
        commStart = s + matcher.start("comm");
        commEnd = s + matcher.end("comm");
        pidStart = s + matcher.start("pid");
        pidEnd = s + matcher.end("pid");
        cpuStart = s + matcher.start("cpu");
        cpuEnd = s + matcher.end("cpu");
        tsStart = s + matcher.start("ts");
        tsEnd = s + matcher.end("ts");
        eventStart = s + matcher.start("event");
        eventEnd = s + matcher.end("event");
        bodyStart = s + matcher.start("body");
        return true;
    }

    /** Java's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isWs(byte c) {
        return c == ' ' || (c >= 9 && c <= 13);
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [\w:]}. */
    static boolean isWord(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
    }

    /** A decimal field of the header as a number, or -1 when it has more than 9 digits. */
    static int smallNumber(byte[] b, int s, int e) {
        if (e - s > 9) {
            return -1;
        }
        int v = 0;
        for (int i = s; i < e; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    String text(int s, int e) {
        return new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
    }
}
