package org.splitscope.ui.service;

import java.util.function.LongConsumer;
import org.splitscope.render.FollowZoom;
import org.splitscope.render.Viewport;

/**
 * "Follow the action" (issue 13): while on, each move of the run aims the view at the frames the
 * current step touches ({@link FollowZoom}: whole 2M regions, so never finer than a cell can be drawn)
 * and glides there over {@link #GLIDE_NS}, one viewport per frame: the span changes geometrically and
 * the middle linearly, eased at both ends, so a zoom from all of RAM to one region reads as a zoom and
 * not as a jump. A step that touches no frame keeps the view. A zoom or pan by hand ends the glide
 * under way (the next move aims again).
 *
 * <p>Frames are woken by the injected {@link PlayClock}, as play is, and carry a generation: a frame
 * of an ended or restarted glide does nothing.
 *
 * <p>Threading: simulation thread only; the clock calls {@code wake} on its own thread, which only
 * posts a {@link Mailbox.Glide} to the mailbox.
 */
final class Follower {
    /** How long a glide takes. */
    static final long GLIDE_NS = 360_000_000L;
    /** A glide frame: about one display frame. */
    static final long FRAME_NS = 16_000_000L;

    private final PlayClock clock;
    private final LongConsumer wake;
    private boolean on;
    private long generation;
    private Viewport from;
    private Viewport to;
    private long startNs;

    Follower(PlayClock clock, LongConsumer wake) {
        this.clock = clock;
        this.wake = wake;
    }

    boolean on() {
        return on;
    }

    void set(boolean follow) {
        on = follow;
        if (!follow) {
            stop();
        }
    }

    /** Ends the glide under way (the user zoomed or panned, or another run was opened). */
    void stop() {
        generation++;
        to = null;
    }

    /** The run may have moved: glide toward the current step's frames (if following and they are elsewhere). */
    void aim(Session s) {
        if (!on || s == null) {
            return;
        }
        Viewport target = FollowZoom.of(s.timeline, to != null ? to : s.viewport);
        if (target.equals(to != null ? to : s.viewport)) {
            return;
        }
        from = s.viewport;
        to = target;
        startNs = clock.nanoTime();
        generation++;
        schedule();
    }

    /** The view right away at the current step's frames (a stop framed "follow"). */
    void jump(Session s) {
        stop();
        s.viewport = FollowZoom.of(s.timeline, s.viewport);
    }

    /** A glide frame of generation {@code gen}: moves the view; returns whether it changed. */
    boolean frame(Session s, long gen) {
        if (gen != generation || to == null || s == null) {
            return false;
        }
        double t = (clock.nanoTime() - startNs) / (double) GLIDE_NS;
        Viewport before = s.viewport;
        if (t >= 1) {
            s.viewport = to;
            to = null;
        } else {
            s.viewport = between(from, to, ease(Math.max(0, t)), s.frames());
            schedule();
        }
        return !s.viewport.equals(before);
    }

    /** Smoothstep: slow at both ends. */
    static double ease(double t) {
        return t * t * (3 - 2 * t);
    }

    /** The view a fraction {@code f} of the way from {@code a} to {@code b}: span geometric, middle linear. */
    static Viewport between(Viewport a, Viewport b, double f, long frames) {
        double span = Math.exp(Math.log(a.span()) + (Math.log(b.span()) - Math.log(a.span())) * f);
        double mid = (a.start() + a.span() / 2.0) + ((b.start() + b.span() / 2.0) - (a.start() + a.span() / 2.0)) * f;
        long from = Math.max(0, Math.round(mid - span / 2));
        return Viewport.of(from, Math.max(from + 1, Math.round(mid + span / 2)), frames);
    }

    private void schedule() {
        long gen = generation;
        clock.after(FRAME_NS, () -> wake.accept(gen));
    }
}
