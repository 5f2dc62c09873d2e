package org.splitscope.core.sim;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.sim.SeedExperiments.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** R26: the seed's orderings and ratios come out of the one set of constants. */
class SeedExperimentsTest {
    static final double SCALE = 1.0 / 64;
    static List<Row> rows;

    @BeforeAll
    static void run() {
        rows = SeedExperiments.reproduce(SCALE, 3, CostConstants.DEFAULT);
        assertThat(rows).allMatch(r -> r.kernel() == org.splitscope.core.mem.KernelProfile.V6_8);
    }

    static double rate(String table, int guests, String config) {
        return rows.stream().filter(r -> r.table().equals(table) && r.guests() == guests && r.config().equals(config))
                .findFirst().orElseThrow().simulatedGbPerS();
    }

    @Test
    @DisplayName("the seed's figures are read from the packaged CSV (means over runs and placements)")
    void seedMeans() {
        Map<String, Double> m = SeedExperiments.seedMeans();
        assertThat(m.get("S1/1/presplit-4k")).isCloseTo(12.5, within(1e-9));
        assertThat(m.get("S1/1/invalidate-noflush")).isCloseTo(8.45, within(1e-9));
        assertThat(m.get("S2/4/presplit-4k")).isCloseTo((37.35 + 33.37 + 29.55) / 3, within(1e-9));
        assertThat(m).doesNotContainKey("S1/1/invalidate-flush");
    }

    @Test
    @DisplayName("S1: presplit-4k / invalidate-noflush between 1.3 and 1.9")
    void presplitBeatsNoflush() {
        assertThat(rate("S1", 1, "presplit-4k") / rate("S1", 1, "invalidate-noflush")).isBetween(1.3, 1.9);
    }

    @Test
    @DisplayName("S1: the TLB flush craters: invalidate-flush at most half of invalidate-noflush")
    void flushCraters() {
        assertThat(rate("S1", 1, "invalidate-flush")).isLessThanOrEqualTo(0.5 * rate("S1", 1, "invalidate-noflush"));
    }

    @Test
    @DisplayName("S2: split-on-demand comes 'pretty close' to presplit-4k for 1, 4 and 8 guests")
    void onDemandCloseToPresplit() {
        for (int g : new int[] {1, 4, 8}) {
            assertThat(rate("S2", g, "split-on-demand") / rate("S2", g, "presplit-4k")).as(g + " guests")
                    .isBetween(0.75, 1.25);
        }
    }

    @Test
    @DisplayName("S2: 4 guests at least 1.8 times 1 guest; 8 guests no faster than 4 (saturation)")
    void scaling() {
        assertThat(rate("S2", 4, "presplit-4k")).isGreaterThanOrEqualTo(1.8 * rate("S2", 1, "presplit-4k"));
        assertThat(rate("S2", 8, "presplit-4k")).isLessThanOrEqualTo(rate("S2", 4, "presplit-4k"));
    }

    @Test
    @DisplayName("absolute figures stay near the seed's where it measured them")
    void nearTheSeed() {
        for (Row r : rows) {
            if (r.seedGbPerS() != null) {
                assertThat(r.simulatedGbPerS()).as(r.table() + " " + r.guests() + " " + r.config())
                        .isBetween(0.6 * r.seedGbPerS(), 1.4 * r.seedGbPerS());
            }
        }
    }

    @Test
    @DisplayName("the rates are steady-state: scaling memory down does not change them")
    void scaleIndependent() {
        Row small = SeedExperiments.run("S1", "invalidate-noflush", 1, SeedExperiments.scaled(1L << 40, 1.0 / 256), 128,
                org.splitscope.core.mem.PageSize.M2, 512, SeedExperiments.scaled(SeedExperiments.HOST_RAM, 1.0 / 256),
                CostConstants.DEFAULT, 3, null);
        assertThat(small.simulatedGbPerS()).isCloseTo(rate("S1", 1, "invalidate-noflush"), within(0.2));
    }

    @Test
    @DisplayName("what-ifs: 4K folios split and slow down; removing cpa_lock helps many guests; flushes cost less on 64 CPUs")
    void whatIfs() {
        List<Row> w = SeedExperiments.whatIfs(SCALE, 2, CostConstants.DEFAULT);
        java.util.function.BiFunction<String, String, Double> r = (table, key) -> w.stream()
                .filter(x -> x.table().equals(table) && (x.config() + " " + x.variant() + " " + x.guests()).contains(key))
                .findFirst().orElseThrow().simulatedGbPerS();
        assertThat(r.apply("W1", "split-on-demand 4K folios, memory x1/4096 4")).isLessThan(r.apply("W1", "presplit-4k 4K folios, memory x1/4096 4"));
        assertThat(r.apply("W2", "without cpa_lock 8")).isGreaterThan(2 * r.apply("W2", "with cpa_lock 8"));
        // R18, R27: under 6.8 flush_tlb_all costs per CPU; under 6.18 INVLPGB removes that cost, but not the
        // IPIs of per-page range flushes (4K folios)
        assertThat(r.apply("W3", "invalidate-flush 64 host CPUs, 6.8 1"))
                .isGreaterThan(1.5 * r.apply("W3", "invalidate-flush 512 host CPUs, 6.8 1"));
        assertThat(r.apply("W3", "invalidate-flush 512 host CPUs, 6.18 1"))
                .isGreaterThan(0.9 * r.apply("W3", "invalidate-flush 64 host CPUs, 6.18 1"));
        assertThat(r.apply("W3", "invalidate-flush 512 host CPUs, 6.18 1"))
                .isGreaterThan(1.5 * r.apply("W3", "invalidate-flush 512 host CPUs, 6.8 1"));
        assertThat(r.apply("W3", "invalidate-flush 64 host CPUs, 6.18, 4K folios"))
                .isGreaterThan(1.5 * r.apply("W3", "invalidate-flush 512 host CPUs, 6.18, 4K folios"));
        for (Row x : w) {
            System.out.printf("%s %-20s %-45s %8.2f%n", x.table(), x.config(), x.variant(), x.simulatedGbPerS());
        }
    }
}
