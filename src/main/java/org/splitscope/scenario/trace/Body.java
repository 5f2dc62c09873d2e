package org.splitscope.scenario.trace;

import java.util.Arrays;

/**
 * The body of a trace line after {@code event:}, read in place: the kprobes' {@code (symbol)
 * key=value ...} and the tracepoints' printk text (TRACE.md "Lines"). Numbers are parsed without
 * allocating; a problem is reported as {@link #valid} false plus the 1-based column of the bad value, which
 * the parser turns into an error naming the file and line.
 *
 * <p>Not thread-safe; one per parser.
 */
final class Body {
    /** What a value that is missing or not a number reads as; {@link #valid} says which it was. */
    static final long BAD = 0;
    /** Whether the last value read was there and a number (every 64-bit value is a possible number). */
    boolean valid;

    private byte[] b;
    private int lineStart;
    private int from;
    private int end;
    /** Where the last problem is, 1-based within the line, and what it is. */
    int errorColumn;
    String errorWhat;

    /** Starts reading a body: skips a leading {@code (symbol+off/size [module] <- caller)} of a kprobe. */
    void reset(byte[] buf, int lineStart, int bodyStart, int lineEnd) {
        b = buf;
        this.lineStart = lineStart;
        end = lineEnd;
        from = bodyStart;
        if (from < end && b[from] == '(') {
            int i = from;
            while (i < end && b[i] != ')') {
                i++;
            }
            from = i < end ? i + 1 : from;
        }
    }

    /** Index of the value {@link #find} found last (for the column of an error about it). */
    int lastAt;

    /** 1-based column of the value found last. */
    int lastColumn() {
        return lastAt - lineStart + 1;
    }

    /** Index of the value of {@code key=}, or -1 when the body has no such field. */
    int find(byte[] key) {
        lastAt = from;
        int i = from;
        while (i < end) {
            while (i < end && b[i] == ' ') {
                i++;
            }
            int tokenEnd = i;
            while (tokenEnd < end && b[tokenEnd] != ' ') {
                tokenEnd++;
            }
            int k = key.length;
            if (tokenEnd - i > k && b[i + k] == '=' && Arrays.equals(b, i, i + k, key, 0, k)) {
                lastAt = i + k + 1;
                return lastAt;
            }
            i = tokenEnd;
        }
        return -1;
    }

    /** Index just past the token that starts at {@code at}. */
    int tokenEnd(int at) {
        int i = at;
        while (i < end && b[i] != ' ') {
            i++;
        }
        return i;
    }

    /** The value of {@code key=} as hex (with or without {@code 0x}); {@link #valid} says whether it was one. */
    long hex(byte[] key, String what) {
        int at = find(key);
        if (at < 0) {
            return missing(what);
        }
        long v = parseHex(at, tokenEnd(at));
        return valid ? v : bad(at, what);
    }

    /** The value of {@code key=} as a decimal (or {@code 0x} hex) integer, possibly negative; see {@link #valid}. */
    long dec(byte[] key, String what) {
        int at = find(key);
        if (at < 0) {
            return missing(what);
        }
        int e = tokenEnd(at);
        long v = e - at > 2 && b[at] == '0' && (b[at + 1] == 'x' || b[at + 1] == 'X') ? parseHex(at, e) : parseDec(at, e);
        return valid ? v : bad(at, what);
    }

    /**
     * Hex digits of {@code b[s, e)} with an optional {@code 0x}; {@link #valid} false (and {@link #BAD})
     * when there are none, a non-digit, or more than 64 bits.
     */
    long parseHex(int s, int e) {
        valid = false;
        if (e - s > 2 && b[s] == '0' && (b[s + 1] == 'x' || b[s + 1] == 'X')) {
            s += 2;
        }
        if (s >= e || e - s > 16) {
            return BAD;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) {
                return BAD;
            }
            v = v << 4 | d;
        }
        valid = true;
        return v;
    }

    /** A decimal of at most 18 digits with an optional '-'; {@link #valid} false when it is not one. */
    private long parseDec(int s, int e) {
        valid = false;
        boolean neg = s < e && b[s] == '-';
        int i = neg ? s + 1 : s;
        if (i >= e || e - i > 18) {
            return BAD;
        }
        long v = 0;
        for (; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return BAD;
            }
            v = v * 10 + (b[i] - '0');
        }
        valid = true;
        return neg ? -v : v;
    }

    static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * The number of CPUs set in a cpumask printed by {@code %*pb}: hex in comma-separated 32-bit
     * groups, most significant first (the first group may be shorter), or -1 when it is not one.
     */
    static int cpumaskBits(byte[] b, int s, int e) {
        int bits = 0;
        int digits = 0;
        if (s >= e) {
            return -1;
        }
        for (int i = s; i < e; i++) {
            if (b[i] == ',') {
                if (digits == 0) {
                    return -1;
                }
                digits = 0;
                continue;
            }
            int d = hexDigit(b[i]);
            if (d < 0 || ++digits > 8) {
                return -1;
            }
            bits += Integer.bitCount(d);
        }
        return digits == 0 ? -1 : bits;
    }

    /** Whether the token at {@code at} names {@code symbol} (followed by {@code +off/size}, a space or its end). */
    boolean symbolIs(int at, byte[] symbol) {
        int n = symbol.length;
        if (at + n > end || !Arrays.equals(b, at, at + n, symbol, 0, n)) {
            return false;
        }
        return at + n == end || b[at + n] == '+' || b[at + n] == ' ';
    }

    /** The number after the word {@code word} ({@code vcpu 3}), or -1 when the body has none. */
    long afterWord(byte[] word) {
        int i = from;
        int n = word.length;
        while (i + n < end) {
            if (b[i] == word[0] && Arrays.equals(b, i, i + n, word, 0, n) && (i == from || b[i - 1] == ' ')
                    && b[i + n] == ' ') {
                int s = i + n + 1;
                int e = tokenEnd(s);
                long v = parseDec(s, e);
                return !valid || v < 0 ? -1 : v;
            }
            i++;
        }
        return -1;
    }

    private long missing(String what) {
        valid = false;
        errorColumn = from - lineStart + 1;
        errorWhat = "no " + what + "= field";
        return BAD;
    }

    private long bad(int at, String what) {
        valid = false;
        errorColumn = at - lineStart + 1;
        errorWhat = what + "=" + new String(b, at, Math.min(tokenEnd(at) - at, 40),
                java.nio.charset.StandardCharsets.ISO_8859_1) + " is not a number";
        return BAD;
    }
}
