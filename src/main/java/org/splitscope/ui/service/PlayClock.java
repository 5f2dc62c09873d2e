package org.splitscope.ui.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time for play: what the {@link Player} measures elapsed time with, and how it asks to be woken for
 * its next tick. The app uses {@link #system()}, the wall clock; tests inject a virtual clock and
 * move time by hand, so a test of play rates is exact and fast.
 */
public interface PlayClock {
    long nanoTime();

    /**
     * Calls {@code wake} once, about {@code delayNanos} from now, on a thread of the clock's choosing:
     * {@code wake} only hands a tick to the simulation thread's mailbox.
     */
    void after(long delayNanos, Runnable wake);

    /** Stops waking anybody. */
    void close();

    /** The wall clock, with one daemon timer thread named "splitscope-clock". */
    static PlayClock system() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "splitscope-clock");
            t.setDaemon(true);
            return t;
        });
        return new PlayClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void after(long delayNanos, Runnable wake) {
                if (!timer.isShutdown()) {
                    timer.schedule(wake, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }
}
