package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The player alone, on a virtual clock: the accumulator and the generation token. */
class PlayerTest {
    final VirtualClock clock = new VirtualClock();
    final List<Long> woken = new ArrayList<>();
    final Player player = new Player(clock, woken::add);

    /** Runs the chain for {@code nanos} of virtual time as the service would; returns the steps paid out. */
    long play(long nanos) {
        long steps = 0;
        long end = clock.nanoTime() + nanos;
        while (clock.nanoTime() < end) {
            clock.advance(Math.min(Player.TICK_NS, end - clock.nanoTime()));
            List<Long> now = new ArrayList<>(woken);
            woken.clear();
            for (long gen : now) {
                long n = player.due(gen);
                if (n != Player.STALE) {
                    steps += n;
                    player.next(0);
                }
            }
        }
        return steps;
    }

    @Test
    @DisplayName("every speed from 1 to 1000 steps/s plays at that rate, not one step per tick")
    void rates() {
        for (double speed : new double[] {1, 2, 5, 10, 30, 45, 60, 90, 100, 1000}) {
            player.play(player.generation() + 1, speed);
            long steps = play(10_000_000_000L);
            assertThat((double) steps).as("steps in 10 s at %s steps/s", speed).isCloseTo(speed * 10, org.assertj.core.data.Percentage.withPercentage(5));
            player.pause(player.generation() + 1);
            play(100_000_000L);
        }
    }

    @Test
    @DisplayName("pause then play at once leaves one chain: the old chain's tick is stale")
    void oneChain() {
        player.play(1, 30);
        player.pause(2);
        player.play(3, 30);
        assertThat(clock.pending()).isEqualTo(2);            // gen 1's tick is still scheduled, and gen 3's
        long steps = play(10_000_000_000L);
        assertThat(steps).isBetween(285L, 315L);
        assertThat(clock.pending()).as("one tick waits: one chain").isEqualTo(1);
        assertThat(player.due(1)).isEqualTo(Player.STALE);
    }

    @Test
    @DisplayName("a paused player pays nothing and schedules nothing; a stall is paid for up to a quarter second")
    void pauseAndStall() {
        player.play(1, 100);
        player.pause(2);
        assertThat(play(1_000_000_000L)).isZero();
        assertThat(clock.pending()).isZero();
        player.play(3, 100);
        clock.advance(5_000_000_000L);                          // the tick arrives five seconds late
        assertThat(player.due(3)).isEqualTo(25);                 // 100 steps/s x 0.25 s, not 500 at once
    }
}
