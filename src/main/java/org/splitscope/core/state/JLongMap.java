package org.splitscope.core.state;

/**
 * A journaled open-addressing map from non-negative long keys to long values, for the few frames
 * whose RMP owner cannot be derived from their region (explicit steps that put two guests, or a
 * non-linear GPA, in one 2M region). Linear probing with backward-shift deletion. It is built on
 * two {@link JLongs} arrays so that undo, checkpoints and hashing work as for any other state.
 *
 * <p>Capacity is fixed at construction; {@link #put} fails loudly when it is full rather than
 * rehashing (a rehash could not be undone cheaply). Callers size it for the worst case they allow.
 */
public final class JLongMap {
    private static final long EMPTY = -1;
    private final JLongs keys;
    private final JLongs values;
    private final JLongs size;
    private final int mask;

    public JLongMap(Journal journal, String name, int capacityPow2) {
        if (Integer.bitCount(capacityPow2) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        keys = new JLongs(journal, name + ".keys", capacityPow2);
        values = new JLongs(journal, name + ".values", capacityPow2);
        size = new JLongs(journal, name + ".size", 1);
        keys.init(EMPTY);
        mask = capacityPow2 - 1;
    }

    public int size() {
        return (int) size.get(0);
    }

    public int capacity() {
        return mask + 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The value for {@code key}, or {@code absent}. */
    public long get(long key, long absent) {
        int i = slot(key);
        while (true) {
            long k = keys.get(i);
            if (k == EMPTY) {
                return absent;
            }
            if (k == key) {
                return values.get(i);
            }
            i = (i + 1) & mask;
        }
    }

    public boolean containsKey(long key) {
        int i = slot(key);
        while (true) {
            long k = keys.get(i);
            if (k == EMPTY) {
                return false;
            }
            if (k == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public void put(long key, long value) {
        int i = slot(key);
        while (true) {
            long k = keys.get(i);
            if (k == key) {
                values.set(i, value);
                return;
            }
            if (k == EMPTY) {
                if (size() >= (mask + 1) * 3 / 4) {
                    throw new IllegalStateException("overflow map full (" + size() + " entries)");
                }
                keys.set(i, key);
                values.set(i, value);
                size.set(0, size() + 1);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    public void remove(long key) {
        int i = slot(key);
        while (true) {
            long k = keys.get(i);
            if (k == EMPTY) {
                return;
            }
            if (k == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every probe chain intact
        int hole = i;
        int j = (i + 1) & mask;
        while (true) {
            long k = keys.get(j);
            if (k == EMPTY) {
                break;
            }
            int home = slot(k);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys.set(hole, k);
                values.set(hole, values.get(j));
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys.set(hole, EMPTY);
        values.set(hole, 0);
        size.set(0, size() - 1);
    }
}
