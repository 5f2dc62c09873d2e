package org.splitscope.core.workload;

import java.util.List;
import org.splitscope.core.mem.PageSize;

/** A generated part of a scenario (R20-R22), expanded into steps deterministically from the seed. */
public sealed interface WorkloadSpec {

    /**
     * Lazy acceptance (R20): each listed guest faults in {@code fraction} of its folios in a seeded
     * order, one folio per step, its vCPUs taking turns. Several guests fault in concurrently: their
     * steps are interleaved round-robin.
     */
    record LazyAccept(List<Integer> asids, double fraction) implements WorkloadSpec {
        public LazyAccept {
            asids = List.copyOf(asids);
            if (asids.isEmpty()) {
                throw new IllegalArgumentException("lazy-accept needs at least one guest");
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
            }
        }
    }

    /**
     * Conversions (R21): {@code count} random ranges of {@code level} flip to shared (with
     * probability {@code sharedRatio}) or back to private.
     */
    record Conversions(int asid, long count, PageSize level, double sharedRatio) implements WorkloadSpec {
        public Conversions {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, got " + count);
            }
            if (level != PageSize.K4 && level != PageSize.M2) {
                throw new IllegalArgumentException("conversion level must be 4K or 2M");
            }
            if (!(sharedRatio >= 0 && sharedRatio <= 1)) {
                throw new IllegalArgumentException("shared-ratio must be in [0, 1], got " + sharedRatio);
            }
        }
    }

    /** Host activity (R22): {@code count} reads and writes of host frames by host CPUs 0..cpus-1. */
    record HostActivity(long count, double writeRatio, int cpus) implements WorkloadSpec {
        public HostActivity {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, got " + count);
            }
            if (!(writeRatio >= 0 && writeRatio <= 1)) {
                throw new IllegalArgumentException("write-ratio must be in [0, 1], got " + writeRatio);
            }
            if (cpus < 1) {
                throw new IllegalArgumentException("cpus must be at least 1, got " + cpus);
            }
        }
    }
}
