package org.splitscope.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as scenario files and the command line write them, read one way everywhere (issue 14
 * item 2): an integer is what YAML 1.1 reads as one (Jackson's YAML parser does the same for
 * unquoted values): decimal, {@code 0x} hex, {@code 0b} binary, a leading {@code 0} for octal, an
 * optional sign, and underscores between digits ({@code 1_000}). A quoted {@code "0x40200"} or a
 * command-line {@code 0x40200} is read by the same rules. A fraction is an integer or a decimal
 * number ({@code 0.5}, {@code .5}, {@code 5e-1}); {@code .inf} and {@code .nan} are not numbers here.
 */
public final class Numbers {
    /** Longest number text read (Jackson's limit for scenario files is the same). */
    public static final int MAX_DIGITS = 64;
    private static final Pattern INT = Pattern.compile(
            "([-+]?)(?:0b([01_]+)|0x([0-9a-fA-F_]+)|0([0-7_]+)|([1-9][0-9_]*|0))");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?");

    private Numbers() {
    }

    /** The integer {@code text} writes, or null when it is not one (or is longer than {@link #MAX_DIGITS}). */
    public static BigInteger integer(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_DIGITS) {
            return null;
        }
        Matcher m = INT.matcher(t);
        if (!m.matches()) {
            return null;
        }
        BigInteger v;
        if (m.group(2) != null) {
            v = digits(m.group(2), 2);
        } else if (m.group(3) != null) {
            v = digits(m.group(3), 16);
        } else if (m.group(4) != null) {
            v = digits(m.group(4), 8);
        } else {
            v = digits(m.group(5), 10);
        }
        return v == null ? null : m.group(1).equals("-") ? v.negate() : v;
    }

    private static BigInteger digits(String s, int radix) {
        String d = s.replace("_", "");
        return d.isEmpty() ? null : new BigInteger(d, radix);
    }

    /** {@link #integer} as a long, or null when it is not an integer or does not fit in 64 bits. */
    public static Long longValue(String text) {
        BigInteger v = integer(text);
        return v == null || v.bitLength() > 63 ? null : v.longValue();
    }

    /** The exact value of an integer or decimal number, or null (also for .inf, .nan and text over 64 characters). */
    public static BigDecimal decimal(String text) {
        BigInteger i = integer(text);
        if (i != null) {
            return new BigDecimal(i);
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_DIGITS || !DECIMAL.matcher(t).matches()) {
            return null;
        }
        try {
            return new BigDecimal(t.replace("_", ""));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;                                  // "." or "e5": the pattern lets them by
        }
    }
}
