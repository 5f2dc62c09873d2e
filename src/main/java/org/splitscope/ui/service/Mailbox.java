package org.splitscope.ui.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The work waiting for the simulation thread: the view's commands and the player's ticks, in the
 * order they arrived. An item that arrives while the last waiting one is of the same kind merges with
 * it ({@link Command#coalesce}; of two ticks the later generation's stays), so a burst made while the simulation
 * is busy (dragging the timeline, moving the mouse) costs one execution, not one per event.
 *
 * <p>Threading: {@link #offer} from any thread; {@link #takeAll} from the simulation thread.
 */
final class Mailbox {
    /** One item of work. */
    sealed interface Work {
    }

    /** A command the view issued. */
    record Issued(Command command) implements Work {
    }

    /** A play tick of one generation (the player's own; never from the view). */
    record Tick(long generation) implements Work {
    }

    /** A frame of the view's glide toward the action ({@link Follower}'s own; never from the view). */
    record Glide(long generation) implements Work {
    }

    private final ArrayDeque<Work> items = new ArrayDeque<>();

    synchronized void offer(Work w) {
        Work last = items.peekLast();
        Work merged = last == null ? null : merge(last, w);
        if (merged != null) {
            items.pollLast();
            items.addLast(merged);
        } else {
            items.addLast(w);
        }
    }

    private static Work merge(Work older, Work newer) {
        if (older instanceof Issued a && newer instanceof Issued b) {
            Command c = a.command().coalesce(b.command());
            return c == null ? null : new Issued(c);
        }
        if (older instanceof Tick a && newer instanceof Tick b) {
            return b.generation() >= a.generation() ? b : a;     // generations only grow: keep the latest chain's
        }
        if (older instanceof Glide a && newer instanceof Glide b) {
            return b.generation() >= a.generation() ? b : a;
        }
        return null;
    }

    /** Everything waiting, oldest first; the mailbox is empty afterwards. */
    synchronized List<Work> takeAll() {
        List<Work> out = new ArrayList<>(items);
        items.clear();
        return out;
    }

    synchronized boolean isEmpty() {
        return items.isEmpty();
    }
}
