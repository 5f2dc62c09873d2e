package org.splitscope.core.state;

/**
 * A primitive array whose writes are recorded in a {@link Journal} (when it records), that can be
 * copied into a checkpoint and restored from one, and that contributes to the state hash.
 *
 * <p>Subclasses hold one primitive array each; nothing in the simulation holds one object per
 * frame (DOMAIN.md R3).
 */
public abstract sealed class JArray permits JBits, JBytes, JShorts, JInts, JLongs {
    protected final Journal journal;
    protected final int id;
    private final String name;
    /** Written since the last {@link #clearDirty()} (checkpoints share clean arrays with the previous one). */
    protected boolean dirty;
    /** Whether the array is representation only, left out of the state hash (see {@link #markRepresentation()}). */
    private boolean representation;

    protected JArray(Journal journal, String name) {
        this.journal = journal;
        this.name = name;
        this.id = journal.register(this);
    }

    public String name() {
        return name;
    }

    /**
     * Declares that the array's raw contents are representation rather than simulated state: two
     * equal states may hold different values here (e.g. which TLB slot an entry landed in), so the
     * owner hashes the state it represents itself and the simulation's state hash skips the raw
     * array. The array is still checkpointed, restored and journaled like any other.
     */
    public void markRepresentation() {
        representation = true;
    }

    public boolean representation() {
        return representation;
    }

    public boolean dirty() {
        return dirty;
    }

    public void clearDirty() {
        dirty = false;
    }

    /** Puts back the old value of one element (or word) during undo. */
    abstract void restore(long index, long oldValue);

    /** A copy of the contents, for a checkpoint. */
    public abstract Object snapshot();

    /** Replaces the contents with a copy taken by {@link #snapshot()}. */
    public abstract void restoreSnapshot(Object snapshot);

    /** Mixes the contents into a running 64-bit hash. */
    public abstract long hash(long h);

    /** Bytes held. */
    public abstract long bytes();

    protected static long mix(long h, long v) {
        h ^= v;
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
