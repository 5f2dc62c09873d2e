package org.splitscope.scenario.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time ("SIMD within a register"): a trace is gigabytes of text, and
 * finding line ends and the few bytes the line scanner must look at one byte at a time costs more
 * than everything else of the parse. {@link #matches} marks the bytes of a word equal to a
 * pattern byte; its lowest mark is exact (the classic zero-byte test: a borrow can only add false
 * marks above a true one).
 */
final class Swar {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    static final long NEWLINE = '\n' * ONES;

    private Swar() {
    }

    /** The pattern of byte {@code c} in every byte of a word. */
    static long pattern(int c) {
        return (c & 0xffL) * ONES;
    }

    /** Eight bytes from {@code b[i]} (needs {@code i + 8 <= b.length}), first byte lowest. */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Bit 7 of each byte of {@code word} that equals the pattern's byte (the lowest such mark is exact). */
    static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    /** Index of the byte a non-zero mark word marks first, counted from the word's first byte. */
    static int first(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }

    /** Index of the first '\n' in {@code b[from, to)}, or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long m = matches(word(b, i), NEWLINE);
            if (m != 0) {
                return i + first(m);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
