package org.splitscope.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the simulation runs (STYLE.md principle 7): the app uses one background thread, so the FX
 * thread never blocks on stepping, seeking, rasterizing or exporting; tests use
 * {@link #sameThread()} and see every command complete before the call returns.
 */
public interface SimExecutor {
    /** Runs {@code task} on the simulation thread, after the tasks submitted before it. */
    void submit(Runnable task);

    /** Runs {@code task} on the simulation thread after {@code delayMs}. */
    void schedule(Runnable task, long delayMs);

    /** Whether callers are on the simulation thread already (same-thread executors). */
    boolean inline();

    void shutdown();

    /** One daemon thread named "splitscope-sim". */
    static SimExecutor background() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "splitscope-sim");
            t.setDaemon(true);
            return t;
        });
        return new SimExecutor() {
            @Override
            public void submit(Runnable task) {
                s.execute(guard(task));
            }

            @Override
            public void schedule(Runnable task, long delayMs) {
                s.schedule(guard(task), delayMs, TimeUnit.MILLISECONDS);
            }

            @Override
            public boolean inline() {
                return false;
            }

            @Override
            public void shutdown() {
                s.shutdownNow();
            }
        };
    }

    /** Runs everything at once on the caller's thread; delayed tasks are collected and run by {@link Inline#runDelayed()}. */
    static Inline sameThread() {
        return new Inline();
    }

    /** The same-thread executor of tests. */
    final class Inline implements SimExecutor {
        private final java.util.ArrayDeque<Runnable> delayed = new java.util.ArrayDeque<>();

        @Override
        public void submit(Runnable task) {
            guard(task).run();
        }

        @Override
        public void schedule(Runnable task, long delayMs) {
            delayed.add(task);
        }

        /** Runs the tasks scheduled for later (one round: tasks they schedule wait for the next call). */
        public void runDelayed() {
            int n = delayed.size();
            for (int i = 0; i < n && !delayed.isEmpty(); i++) {
                guard(delayed.poll()).run();
            }
        }

        @Override
        public boolean inline() {
            return true;
        }

        @Override
        public void shutdown() {
            delayed.clear();
        }
    }

    /** Reports an exception escaping a task instead of losing it silently. */
    static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
                if (h != null) {
                    h.uncaughtException(Thread.currentThread(), e);
                } else {
                    throw e;
                }
            }
        };
    }
}
