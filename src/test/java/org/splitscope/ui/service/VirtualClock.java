package org.splitscope.ui.service;

import java.util.PriorityQueue;

/**
 * A {@link PlayClock} whose time moves only when a test says so: {@link #advance} wakes every timer
 * that falls due, in order, at its own time. With the real background thread a test advances by
 * one tick period and waits for the service to be idle, so every tick is handled before the next.
 *
 * <p>Threading: any thread.
 */
public final class VirtualClock implements PlayClock {
    private record Timer(long at, long seq, Runnable wake) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;
    private boolean closed;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void after(long delayNanos, Runnable wake) {
        if (!closed) {
            timers.add(new Timer(now + Math.max(0, delayNanos), seq++, wake));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        timers.clear();
    }

    /** Timers waiting. */
    public synchronized int pending() {
        return timers.size();
    }

    /** Moves time forward by {@code nanos}, waking each timer that falls due at its time. */
    public void advance(long nanos) {
        long target;
        synchronized (this) {
            target = now + nanos;
        }
        while (true) {
            Timer t;
            synchronized (this) {
                t = timers.peek();
                if (t == null || t.at > target) {
                    now = target;
                    return;
                }
                timers.poll();
                now = t.at;
            }
            t.wake.run();
        }
    }
}
