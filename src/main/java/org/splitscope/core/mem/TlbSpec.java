package org.splitscope.core.mem;

/** TLB capacity per CPU and page size; LRU replacement (DOMAIN.md R18). */
public record TlbSpec(int entries4k, int entries2m, int entries1g) {
    public static final TlbSpec DEFAULT = new TlbSpec(64, 32, 4);

    public TlbSpec {
        check("entries4k", entries4k);
        check("entries2m", entries2m);
        check("entries1g", entries1g);
    }

    private static void check(String what, int n) {
        if (n < 1 || n > 4096) {
            throw new IllegalArgumentException(what + " must be 1..4096, got " + n);
        }
    }

    public int entries(PageSize size) {
        return switch (size) {
            case K4 -> entries4k;
            case M2 -> entries2m;
            case G1 -> entries1g;
        };
    }
}
