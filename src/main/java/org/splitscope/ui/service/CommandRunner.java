package org.splitscope.ui.service;

import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.render.Viewport;
import org.splitscope.ui.service.Command.Motion;
import org.splitscope.ui.service.Mailbox.Issued;
import org.splitscope.ui.service.Mailbox.Tick;
import org.splitscope.ui.service.Snapshot.PlayPart;

/**
 * Carries out the work of the simulation thread against the one current {@link Session}: adopts the
 * settings each command was issued under, stops play when the command says so, and acts; play
 * ticks go to the {@link Player}. It alone holds the session, the settings the snapshots are drawn
 * with, and the message about the last command (which lasts while the run and the position stay).
 *
 * <p>Threading: simulation thread only.
 */
final class CommandRunner {
    private final Tasks tasks;
    private final RunLoader loader;
    private final LongWork longWork;
    private final Exporter exporter;
    final Player player;
    private final Follower follower;
    private final StopOpener stops;
    private Session session;
    private ViewSettings settings = ViewSettings.DEFAULT;
    private String message;
    private long messageRun;
    private Position messageAt;

    CommandRunner(Tasks tasks, HistoryBudget budget, Player player, Follower follower,
                  java.util.function.LongSupplier applied) {
        this.tasks = tasks;
        this.loader = new RunLoader(tasks, budget, applied);
        this.longWork = new LongWork(tasks);
        this.exporter = new Exporter(tasks);
        this.player = player;
        this.follower = follower;
        this.stops = new StopOpener(tasks, loader, longWork);
    }

    Session session() {
        return session;
    }

    ViewSettings settings() {
        return settings;
    }

    PlayPart play() {
        Position at = session == null ? Position.START : session.timeline.position();
        return new PlayPart(at, player.generation(), player.playing(), player.speed());
    }

    /** The message for the current run and position, or null once either moved on. */
    String message() {
        if (message != null && (session == null || session.serial != messageRun || !session.timeline.position().equals(messageAt))) {
            message = null;
        }
        return message;
    }

    private void say(String text) {
        if (text != null && session != null) {
            message = text;
            messageRun = session.serial;
            messageAt = session.timeline.position();
        }
    }

    /** Does one item of work; returns whether anything the view shows may have changed. */
    boolean run(Mailbox.Work w) {
        boolean changed = work(w);
        if (session != null) {
            session.expireHighlight();
        }
        return changed;
    }

    private boolean work(Mailbox.Work w) {
        return switch (w) {
            case Tick t -> tick(t.generation());
            case Mailbox.Glide g -> follower.frame(session, g.generation());
            case Issued i -> {
                Command c = i.command();
                settings = c.settings();
                if (c.stopsPlay()) {
                    player.pause(-1);
                }
                Session was = session;
                Position before = was == null ? null : was.timeline.position();
                execute(c);
                if (session == was && was != null && !was.timeline.position().equals(before)) {
                    follower.aim(session);                // a move of the run: follow the action, if asked
                }
                yield true;
            }
        };
    }

    private void execute(Command c) {
        switch (c) {
            case Command.OpenBuiltin o -> install(loader.openBuiltin(o.name()), "Opened ");
            case Command.OpenFile o -> install(loader.openFile(o.file()), "Opened ");
            case Command.AllowFolder a -> {
                loader.allow(a.folder());
                install(loader.openFile(a.file()), "Opened ");
            }
            case Command.SwitchPolicy p -> {
                if (session != null && !session.policy().equals(p.policy())) {
                    install(loader.rerun(session, p.policy(), null), null);
                }
            }
            case Command.SwitchKernel k -> {
                if (session != null && session.kernel() != k.kernel()) {
                    install(loader.rerun(session, null, k.kernel()), null);
                }
            }
            case Command.Play p -> {
                player.play(p.generation(), p.speed());
                if (session == null || !session.timeline.canStepForward()) {
                    player.pause(-1);                     // nothing to play: the view shows it stopped
                }
            }
            case Command.Pause p -> player.pause(p.generation());
            case Command.Follow f -> {
                follower.set(f.on());
                follower.aim(session);
            }
            case Command.OpenStop o -> {
                StopOpener.Opened opened = stops.open(o.tour(), o.index());
                if (opened != null) {
                    follower.stop();
                    install(opened.session(), null);
                    say(opened.message());
                }
            }
            case Command.Speed s -> player.setSpeed(s.stepsPerSecond());
            default -> {
                if (session != null) {
                    onRun(session, c);
                }
            }
        }
    }

    /** Commands that need a loaded run. */
    private void onRun(Session s, Command c) {
        Timeline t = s.timeline;
        switch (c) {
            case Command.Step st -> step(t, st.motion());
            case Command.Seek sk -> t.seek(sk.target());
            case Command.ToEnd e -> say(longWork.toEnd(s));
            case Command.RunToBreakpoint b -> say(longWork.toBreakpoint(s, b.breakpoint(), b.forward()));
            case Command.Zoom z -> {
                follower.stop();
                s.viewport = switch (z.kind()) {
                    case IN -> s.viewport.zoomIn(focus(s, z.focus()), s.frames());
                    case OUT -> s.viewport.zoomOut(focus(s, z.focus()), s.frames());
                    case ALL -> Viewport.whole(s.frames());
                    case SELECTION -> s.selectFrom < 0 ? s.viewport : Viewport.of(s.selectFrom, s.selectTo, s.frames());
                };
            }
            case Command.ZoomAround z -> {
                follower.stop();
                s.viewport = org.splitscope.render.ZoomAround.of(s.viewport, s.frames(), settings.mapWidth(),
                        settings.mapHeight(), z.focus(), z.x(), z.y(), z.in());
            }
            case Command.ZoomTo z -> {
                follower.stop();
                s.viewport = Viewport.of(z.from(), z.to(), s.frames());
            }
            case Command.Pan p -> {
                follower.stop();
                s.viewport = s.viewport.pan(p.frames(), s.frames());
            }
            case Command.Select sel -> {
                s.selectFrom = sel.from() < 0 ? -1 : sel.from();
                s.selectTo = sel.from() < 0 ? -1 : sel.to();
            }
            case Command.Hover h -> {
                s.hoverPfn = h.pfn();
                s.hoverUnit = h.unit();
            }
            case Command.Reveal r -> reveal(s, r);
            case Command.AddBookmark b -> {
                try {
                    t.bookmarks().put(b.name(), t.position());
                } catch (IllegalArgumentException e) {
                    tasks.error("A bookmark needs a name.");
                }
            }
            case Command.RemoveBookmark b -> t.bookmarks().remove(b.name());
            case Command.GoToBookmark b -> {
                try {
                    t.seek(t.bookmarks().at(b.name()));
                } catch (IllegalArgumentException e) {
                    tasks.error(e.getMessage());
                }
            }
            case Command.Compare cmp -> compare(s, cmp);
            case Command.Export e -> say(exporter.write(s, settings, e.job()));
            default -> {
                // ApplySettings: the settings were adopted above
            }
        }
    }

    private static void step(Timeline t, Motion m) {
        switch (m) {
            case FORWARD -> t.stepForward();
            case BACK -> t.stepBack();
            case MICRO_FORWARD -> t.microForward();
            case MICRO_BACK -> t.microBack();
            case TO_START -> t.toStart();
        }
    }

    private static long focus(Session s, long requested) {
        if (requested >= 0) {
            return requested;
        }
        return s.selectFrom >= 0 && s.viewport.contains(s.selectFrom) ? s.selectFrom : s.viewport.start() + s.viewport.span() / 2;
    }

    private static void reveal(Session s, Command.Reveal r) {
        s.timeline.seek(r.after());
        if (r.pfn() >= 0) {
            s.highlight(r.pfn(), r.pfn() + Math.max(1, r.frames()));
            if (!s.viewport.contains(r.pfn())) {
                s.viewport = Viewport.of(r.pfn(), r.pfn() + 1, s.frames()).zoomOut(r.pfn(), s.frames());
            }
        }
    }

    private void compare(Session s, Command.Compare c) {
        tasks.busy("Opening the comparison...", -1);
        try {
            if (loader.compare(s, c.policies())) {
                say(s.compare == null ? "Not comparing" : "Comparing " + s.policy() + " with " + String.join(", ", s.compare.policies()));
            }
        } finally {
            tasks.busy(null, -1);
        }
    }

    /** A new run replaces the current one (null: it could not be opened and the current one stays). */
    private void install(Session next, String opened) {
        if (next == null) {
            say(loader.takeNote());
            return;
        }
        session = next;
        say(RunMessages.installed(next, opened));
    }

    /** A play tick: runs the steps due and returns whether anything changed. */
    private boolean tick(long gen) {
        long n = player.due(gen);
        if (n == Player.STALE || session == null) {
            return false;
        }
        long t0 = System.nanoTime();
        Timeline t = session.timeline;
        Position before = t.position();
        if (n == Player.AS_FAST_AS_POSSIBLE) {
            long until = t0 + Player.MAX_CHUNK_NS;
            while (t.canStepForward() && System.nanoTime() < until) {
                t.seek(Math.min(t.totalSteps(), t.position().step() + 64));
            }
        } else if (n > 0) {
            t.seek(Math.min(t.totalSteps(), t.position().step() + n));
        }
        if (!t.position().equals(before)) {
            follower.aim(session);
        }
        if (!t.canStepForward()) {
            player.pause(-1);
            return true;
        }
        player.next(System.nanoTime() - t0);
        return !t.position().equals(before);
    }
}
