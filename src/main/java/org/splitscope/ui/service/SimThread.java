package org.splitscope.ui.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the simulation runs (STYLE.md principle 7). The app uses {@link #background()}, one daemon
 * thread, so the FX thread never blocks on stepping, seeking, rasterizing or exporting; the view
 * tests and the screenshot tour use {@link #sameThread()}, on which every command has finished when
 * submitting it returns.
 */
public interface SimThread {
    /** Runs {@code task} on the simulation thread, after the tasks given before it. */
    void execute(Runnable task);

    /** Whether tasks run at once on the caller's thread. */
    boolean inline();

    void shutdown();

    /** One daemon thread named "splitscope-sim"; an exception escaping a task goes to the default handler. */
    static SimThread background() {
        ExecutorService s = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "splitscope-sim");
            t.setDaemon(true);
            return t;
        });
        return new SimThread() {
            @Override
            public void execute(Runnable task) {
                if (!s.isShutdown()) {
                    s.execute(guard(task));
                }
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

    /** Runs every task at once on the caller's thread. */
    static SimThread sameThread() {
        return new SimThread() {
            @Override
            public void execute(Runnable task) {
                task.run();
            }

            @Override
            public boolean inline() {
                return true;
            }

            @Override
            public void shutdown() {
                // nothing runs later
            }
        };
    }

    /** Reports an exception escaping a task instead of losing it with the executor's future. */
    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
                if (h == null) {
                    throw e;
                }
                h.uncaughtException(Thread.currentThread(), e);
            }
        };
    }
}
