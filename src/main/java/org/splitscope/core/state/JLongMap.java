package org.splitscope.core.state;

/**
 * A journaled open-addressing map from non-negative long keys to long values, for the few frames
 * whose RMP owner cannot be derived from their region (explicit steps that put two guests, or a
 * non-linear GPA, in one 2M region). Linear probing with backward-shift deletion. It is built on
 * {@link JLongs} arrays so that undo, checkpoints and hashing work as for any other state.
 *
 * <p>It grows: when three quarters full it doubles and rehashes, every write journaled (the length
 * too, {@link JLongs#grow}), so undoing to before the growth restores the smaller table exactly and
 * a position has the same state hash whichever way it was reached. Growth costs one pass over the
 * table; doubling makes that O(1) per entry on average. The only limit is the heap (issue 14: a
 * valid scenario with 49,300 non-linear assignments must run, not stop at a fixed capacity).
 */
public final class JLongMap {
    private static final long EMPTY = -1;
    /** Largest table: 2^30 slots (the JLongs index is an int); 805 million entries. */
    private static final int MAX_CAPACITY = 1 << 30;
    private final JLongs keys;
    private final JLongs values;
    private final JLongs size;

    public JLongMap(Journal journal, String name, int capacityPow2) {
        if (Integer.bitCount(capacityPow2) != 1 || capacityPow2 > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be a power of two up to 2^30");
        }
        keys = new JLongs(journal, name + ".keys", capacityPow2);
        values = new JLongs(journal, name + ".values", capacityPow2);
        size = new JLongs(journal, name + ".size", 1);
        keys.init(EMPTY);
    }

    public int size() {
        return (int) size.get(0);
    }

    public int capacity() {
        return keys.length();
    }

    private int mask() {
        return keys.length() - 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask();
    }

    /** The value for {@code key}, or {@code absent}. */
    public long get(long key, long absent) {
        int i = find(key);
        return i < 0 ? absent : values.get(i);
    }

    public boolean containsKey(long key) {
        return find(key) >= 0;
    }

    private int find(long key) {
        int mask = mask();
        int i = slot(key);
        while (true) {
            long k = keys.get(i);
            if (k == EMPTY) {
                return -1;
            }
            if (k == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    public void put(long key, long value) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are non-negative, got " + key);
        }
        int found = find(key);
        if (found >= 0) {
            values.set(found, value);
            return;
        }
        if (size() + 1 > capacity() / 4 * 3) {
            grow();
        }
        insertNew(key, value);
        size.set(0, size() + 1);
    }

    /** Puts a key known to be absent into the first empty slot of its probe chain. */
    private void insertNew(long key, long value) {
        int mask = mask();
        int i = slot(key);
        while (keys.get(i) != EMPTY) {
            i = (i + 1) & mask;
        }
        keys.set(i, key);
        values.set(i, value);
    }

    /** Doubles the table and puts every entry where the larger mask wants it. */
    private void grow() {
        int old = capacity();
        if (old >= MAX_CAPACITY) {
            throw new IllegalStateException("map of " + size() + " entries cannot grow beyond 2^30 slots");
        }
        long[] k = new long[size()];
        long[] v = new long[k.length];
        int n = 0;
        for (int i = 0; i < old; i++) {
            long key = keys.get(i);
            if (key != EMPTY) {
                k[n] = key;
                v[n] = values.get(i);
                n++;
                keys.set(i, EMPTY);
                values.set(i, 0);
            }
        }
        keys.grow(old * 2, EMPTY);
        values.grow(old * 2, 0);
        for (int i = 0; i < n; i++) {
            insertNew(k[i], v[i]);
        }
    }

    public void remove(long key) {
        int i = find(key);
        if (i < 0) {
            return;
        }
        // backward-shift deletion keeps every probe chain intact
        int mask = mask();
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
