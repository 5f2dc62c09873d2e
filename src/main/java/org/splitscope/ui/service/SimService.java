package org.splitscope.ui.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.splitscope.core.history.HistoryBudget;

/**
 * The simulation side of the app: it alone owns the timeline, the session and the compare peers, and
 * talks to the view only through this contract.
 *
 * <ul>
 *   <li>In: {@link #submit} a {@link Command} (any thread, never blocks). Commands run in order on the
 *       {@link SimThread}; those that pile up while it is busy coalesce ({@link Command#coalesce}).
 *       {@link #cancel} stops a long operation at once, bypassing the queue.</li>
 *   <li>Out: after each batch of work, one {@link Snapshot} of every pane at one position. Only the
 *       latest unapplied one is kept ({@link #take}); one replaced before the view took it passes its
 *       dirty bits on, so skipping a snapshot never loses an update. The view reports what it applied
 *       ({@link #consumed}) so pixel buffers can be reused. Besides snapshots: {@link #busy()} (a long
 *       operation's text and progress), {@link #takeErrors()} (errors for the user, each once) and
 *       {@link #takeQuestions()} (may a scenario read a folder outside its own; the answer comes back
 *       as a {@link Command.AllowFolder}).</li>
 *   <li>Play runs here ({@link Player}), on ticks from the injected {@link PlayClock}; a Play or Pause
 *       carries a generation token from the view, and ticks of an older generation do nothing.</li>
 * </ul>
 *
 * <p>Threading: the public methods may be called from any thread; everything else runs on the
 * simulation thread.
 */
public final class SimService {
    /** A long operation in progress: what it is and how far along (0..1, or -1 when unknown). */
    public record Busy(String text, double progress) {
    }

    private final SimThread thread;
    private final PlayClock clock;
    private final Mailbox mailbox = new Mailbox();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicReference<Busy> busy = new AtomicReference<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<FolderQuestion> questions = new ConcurrentLinkedQueue<>();
    private final AtomicLong serials = new AtomicLong();
    private final AtomicLong applied = new AtomicLong(-1);
    private volatile boolean cancel;
    private final CommandRunner runner;
    private final SnapshotBuilder builder = new SnapshotBuilder();
    private boolean draining;

    public SimService(SimThread thread, PlayClock clock, HistoryBudget budget) {
        this.thread = thread;
        this.clock = clock;
        Tasks tasks = new Tasks() {
            @Override
            public void busy(String text, double progress) {
                if (text != null) {
                    cancel = false;
                }
                busy.set(text == null ? null : new Busy(text, progress));
            }

            @Override
            public void progress(double p) {
                Busy b = busy.get();
                if (b != null) {
                    busy.set(new Busy(b.text(), p));
                }
            }

            @Override
            public boolean cancelled() {
                return cancel;
            }

            @Override
            public void error(String text) {
                errors.add(text);
            }

            @Override
            public void ask(FolderQuestion q) {
                questions.add(q);
            }
        };
        this.runner = new CommandRunner(tasks, budget, new Player(clock, gen -> post(new Mailbox.Tick(gen))),
                new Follower(clock, gen -> post(new Mailbox.Glide(gen))), applied::get);
    }

    /** Hands a command to the simulation thread. */
    public void submit(Command c) {
        post(new Mailbox.Issued(c));
    }

    private void post(Mailbox.Work w) {
        mailbox.offer(w);
        if (drainScheduled.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
    }

    /** On the simulation thread: does the work waiting, then publishes one snapshot if anything changed. */
    private void drain() {
        if (draining) {
            return;                                       // same-thread: the running drain picks it up
        }
        draining = true;
        try {
            boolean changed = false;
            do {
                drainScheduled.set(false);
                for (Mailbox.Work w : mailbox.takeAll()) {
                    changed |= runner.run(w);
                }
            } while (thread.inline() && !mailbox.isEmpty());
            if (changed) {
                publish();
            }
        } finally {
            draining = false;
        }
    }

    /** Steps the open run recorded in bulk (tests; read once the service is idle). */
    long bulkRecordedSteps() {
        Session s = runner.session();
        return s == null ? 0 : s.timeline.bulkRecordedSteps();
    }

    private void publish() {
        Session s = runner.session();
        if (s == null) {
            return;
        }
        Snapshot snap = builder.build(serials.incrementAndGet(), s, runner.settings(), runner.play(), runner.message());
        while (true) {
            Snapshot old = latest.get();
            if (latest.compareAndSet(old, old == null ? snap : snap.mergeDirty(old.dirty()))) {
                return;
            }
        }
    }

    /** The latest snapshot the view has not taken yet, or null; the view applies it whole. */
    public Snapshot take() {
        return latest.getAndSet(null);
    }

    /** The view applied the snapshot {@code serial}: buffers of it and older ones may be reused. */
    public void consumed(long serial) {
        applied.accumulateAndGet(serial, Math::max);
    }

    /** The long operation in progress, or null. */
    public Busy busy() {
        return busy.get();
    }

    /** Errors for the user since the last call, oldest first. */
    public List<String> takeErrors() {
        List<String> out = new ArrayList<>();
        for (String e = errors.poll(); e != null; e = errors.poll()) {
            out.add(e);
        }
        return out;
    }

    /** Questions for the user since the last call (a scenario reads outside its folder), oldest first. */
    public List<FolderQuestion> takeQuestions() {
        List<FolderQuestion> out = new ArrayList<>();
        for (FolderQuestion q = questions.poll(); q != null; q = questions.poll()) {
            out.add(q);
        }
        return out;
    }

    /** Asks a long operation (run to end, breakpoint search, export, loading) to stop. */
    public void cancel() {
        cancel = true;
    }

    /** Whether commands have run when {@link #submit} returns (the same-thread executor of tests). */
    public boolean inline() {
        return thread.inline();
    }

    /** How many times the main map was rasterized (a hover must not make it). */
    public long mapRenders() {
        return builder.mapRenders();
    }

    /**
     * Blocks until every command and tick posted before the call has run and its snapshot is
     * published (tests, the screenshot tour). Not for the FX thread of the app.
     */
    public void awaitIdle(Duration timeout) {
        if (thread.inline()) {
            return;
        }
        long until = System.nanoTime() + timeout.toNanos();
        do {
            CompletableFuture<Void> marker = new CompletableFuture<>();
            thread.execute(() -> marker.complete(null));
            try {
                marker.get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the simulation thread did not become idle within " + timeout, e);
            }
        } while (!mailbox.isEmpty() || drainScheduled.get());
    }

    public void shutdown() {
        cancel = true;
        clock.close();
        thread.shutdown();
    }
}
