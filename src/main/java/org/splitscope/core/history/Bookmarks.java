package org.splitscope.core.history;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Named positions of a run, sorted by name. A name is trimmed; a blank one is refused.
 *
 * <p>Threading: confined to the timeline's thread; {@link #copy()} hands an immutable view to others.
 */
public final class Bookmarks {
    private final TreeMap<String, Position> byName = new TreeMap<>();

    /** Names {@code at} (replacing a bookmark of the same name). */
    public void put(String name, Position at) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a bookmark needs a name");
        }
        byName.put(name.strip(), at);
    }

    /** Removes a bookmark; returns whether there was one. */
    public boolean remove(String name) {
        return byName.remove(name) != null;
    }

    /** The position of a bookmark; an unknown name is refused with a message naming it. */
    public Position at(String name) {
        Position p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no bookmark named '" + name + "'");
        }
        return p;
    }

    /** An immutable copy, for another thread or a snapshot. */
    public NavigableMap<String, Position> copy() {
        return Collections.unmodifiableNavigableMap(new TreeMap<>(byName));
    }
}
