package org.splitscope.scenario.trace;

import java.util.Arrays;

/**
 * The replayed steps of a recording as packed columns, 17 bytes a step: kind and flags (1), ASID or
 * CPU (2), the CPU of the trace line (2: the RMP operation runs where the host ran it), pfn (4,
 * unsigned: 16 TiB of RAM is 2^32 frames), guest frame (4, unsigned) and the low 32 bits of the
 * trace line (4; line numbers only grow, so the high bits are kept once per change).
 * Columns grow in chunks of {@value #CHUNK} steps, so appending never copies and a recording may
 * have more than 2^31 steps.
 *
 * <p>Written by one parsing thread, then only read (from any thread) once the loader hands the
 * recording out.
 */
final class StepColumns {
    static final int CHUNK_BITS = 16;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    // kinds (bits 0-2 of the kind byte)
    static final int ASSIGN = 0;
    static final int RELEASE = 1;
    static final int PSMASH = 2;
    static final int HOST_WRITE = 3;
    static final int HOST_READ = 4;
    // flags
    /** The RMP operation is at 2M. */
    static final int F_2M = 1 << 3;
    /** A host access expected to raise an RMP #PF (else a not-present #PF). */
    static final int F_RMP_FAULT = 1 << 4;
    /** Work was observed in the step's window (see {@link Observations}). */
    static final int F_OBSERVED = 1 << 5;
    /** The operation's {@code _ret} line was seen. */
    static final int F_RET = 1 << 6;

    private byte[][] kind = new byte[1][];
    private short[][] who = new short[1][];
    private short[][] cpu = new short[1][];
    private int[][] pfn = new int[1][];
    private int[][] gfn = new int[1][];
    private int[][] lineLow = new int[1][];
    /** Steps from which the line's high 32 bits change, and those bits: {index, high} pairs. */
    private long[] highs = new long[8];
    private int highCount;
    private long size;

    long size() {
        return size;
    }

    /** Appends a step; returns its index. */
    long add(int kindAndFlags, int whoValue, int cpuValue, long pfnValue, long gfnValue, long line) {
        long i = size;
        int c = (int) (i >>> CHUNK_BITS);
        int o = (int) (i & MASK);
        if (o == 0) {
            grow(c);
        }
        kind[c][o] = (byte) kindAndFlags;
        who[c][o] = (short) whoValue;
        cpu[c][o] = (short) cpuValue;
        pfn[c][o] = (int) pfnValue;
        gfn[c][o] = (int) gfnValue;
        lineLow[c][o] = (int) line;
        long high = line >>> 32;
        if (high != (highCount == 0 ? 0 : highs[2 * highCount - 1])) {
            if (2 * highCount + 2 > highs.length) {
                highs = Arrays.copyOf(highs, highs.length * 2);
            }
            highs[2 * highCount] = i;
            highs[2 * highCount + 1] = high;
            highCount++;
        }
        size = i + 1;
        return i;
    }

    private void grow(int c) {
        if (c >= kind.length) {
            int n = Math.max(c + 1, kind.length * 2);
            kind = Arrays.copyOf(kind, n);
            who = Arrays.copyOf(who, n);
            cpu = Arrays.copyOf(cpu, n);
            pfn = Arrays.copyOf(pfn, n);
            gfn = Arrays.copyOf(gfn, n);
            lineLow = Arrays.copyOf(lineLow, n);
        }
        kind[c] = new byte[CHUNK];
        who[c] = new short[CHUNK];
        cpu[c] = new short[CHUNK];
        pfn[c] = new int[CHUNK];
        gfn[c] = new int[CHUNK];
        lineLow[c] = new int[CHUNK];
    }

    /** Sets flag bits of step {@code i}. */
    void flag(long i, int flags) {
        kind[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)] |= (byte) flags;
    }

    int kindAndFlags(long i) {
        return kind[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)] & 0xff;
    }

    int who(long i) {
        return who[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)];
    }

    /** The CPU of the step's trace line. */
    int cpu(long i) {
        return cpu[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)];
    }

    long pfn(long i) {
        return Integer.toUnsignedLong(pfn[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)]);
    }

    long gfn(long i) {
        return Integer.toUnsignedLong(gfn[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)]);
    }

    long line(long i) {
        long low = Integer.toUnsignedLong(lineLow[(int) (i >>> CHUNK_BITS)][(int) (i & MASK)]);
        long high = 0;
        for (int h = 0; h < highCount && highs[2 * h] <= i; h++) {
            high = highs[2 * h + 1];
        }
        return high << 32 | low;
    }

    /** Heap bytes the columns take (allocated chunks). */
    long bytes() {
        long chunks = (size + CHUNK - 1) >>> CHUNK_BITS;
        return chunks * CHUNK * 17L + kind.length * 6L * 16 + highs.length * 8L;
    }
}
