package org.splitscope.ui.service;

import java.util.function.LongConsumer;

/**
 * Play: how many steps are due at each tick, and the one chain of ticks that drives them.
 *
 * <p>Steps are paid out of an accumulator: each tick adds {@code speed x dt} (dt measured on the
 * injected {@link PlayClock} since the previous tick, at most {@link #MAX_DT_NS}, so a stall does
 * not turn into a jump) and runs the whole steps owed, keeping the fraction. The play rate is
 * therefore the set speed at any tick period: 30 steps/s is 30 steps per second, not one step
 * per tick.
 *
 * <p>Every Play and Pause carries a generation token from the view. A tick belongs to the
 * generation that scheduled it, and a tick whose generation is not the current playing one is
 * stale: it runs nothing and schedules nothing, so a Pause followed quickly by a Play can never
 * leave a second chain of ticks running.
 *
 * <p>Threading: simulation thread only; the clock calls {@code wake} on its own thread, which only
 * posts a tick to the mailbox.
 */
final class Player {
    /** The tick period: about one frame. */
    static final long TICK_NS = 16_000_000L;
    /** The longest interval one tick pays for. */
    static final long MAX_DT_NS = 250_000_000L;
    /** At "as fast as possible", the CPU time one tick may spend stepping before the view gets a frame. */
    static final long MAX_CHUNK_NS = 12_000_000L;
    /** What {@link #due} returns for a stale tick. */
    static final long STALE = -1;
    /** What {@link #due} returns at "as fast as possible": step until {@link #MAX_CHUNK_NS} is spent. */
    static final long AS_FAST_AS_POSSIBLE = Long.MAX_VALUE;

    private final PlayClock clock;
    private final LongConsumer wake;
    private long generation;
    private boolean playing;
    private double speed = 30;
    private double owed;
    private long last;

    /** {@code wake} receives the generation of a tick that is due (it posts the tick to the mailbox). */
    Player(PlayClock clock, LongConsumer wake) {
        this.clock = clock;
        this.wake = wake;
    }

    boolean playing() {
        return playing;
    }

    /** The generation of the latest Play or Pause. */
    long generation() {
        return generation;
    }

    double speed() {
        return speed;
    }

    /** Starts (or restarts under a new token) a chain of ticks. */
    void play(long gen, double stepsPerSecond) {
        speed = Math.max(0, stepsPerSecond);
        if (playing && gen == generation) {
            return;                                       // this chain is running already
        }
        generation = gen;
        playing = true;
        owed = 0;
        last = clock.nanoTime();
        schedule(TICK_NS);
    }

    /** Stops play; the chain's next tick will be stale. {@code gen < 0}: stopped by the service itself. */
    void pause(long gen) {
        if (gen >= 0) {
            generation = gen;
        }
        playing = false;
        owed = 0;
    }

    void setSpeed(double stepsPerSecond) {
        speed = Math.max(0, stepsPerSecond);
    }

    /**
     * A tick of generation {@code gen} arrived: the whole steps owed now (possibly 0), or
     * {@link #AS_FAST_AS_POSSIBLE}, or {@link #STALE} when it belongs to no running chain.
     */
    long due(long gen) {
        if (!playing || gen != generation) {
            return STALE;
        }
        long now = clock.nanoTime();
        long dt = Math.max(0, Math.min(MAX_DT_NS, now - last));
        last = now;
        if (speed == 0) {
            return AS_FAST_AS_POSSIBLE;
        }
        owed += speed * dt / 1e9;
        long n = (long) owed;
        owed -= n;
        return n;
    }

    /** After a tick of the current chain was handled: the next one, {@code spentNs} of the period being used up. */
    void next(long spentNs) {
        if (playing) {
            schedule(Math.max(1_000_000L, TICK_NS - spentNs));
        }
    }

    private void schedule(long delayNs) {
        long gen = generation;
        clock.after(delayNs, () -> wake.accept(gen));
    }
}
