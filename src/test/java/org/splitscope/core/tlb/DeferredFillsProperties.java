package org.splitscope.core.tlb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.splitscope.core.directmap.DirectMap;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.mem.TlbSpec;
import org.splitscope.core.rmp.RmpTable;
import org.splitscope.core.state.Journal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deferred 4K fills (bulk mode) against real lookups and fills: any sequence of fills, deferred or
 * not, per-page flushes, flush_tlb_all() and lookups leaves every CPU with the same entries in the
 * same LRU order, and the same content hash.
 */
class DeferredFillsProperties {
    static final MachineSpec MACHINE = MachineSpec.of(256 * Pfns.MIB, 3).withTlb(new TlbSpec(4, 2, 1));

    @Provide
    Arbitrary<List<int[]>> ops() {
        // {op, cpu, frame}: 0 deferred or real miss-fill of a fresh frame, 1 per-page flush of a used
        // frame, 2 flush_tlb_all, 3 lookup (and fill on a miss) of a used frame, 4 compare the contents
        Arbitrary<Integer> op = Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(1, 1),
                net.jqwik.api.Tuple.of(1, 2), net.jqwik.api.Tuple.of(2, 3), net.jqwik.api.Tuple.of(1, 4));
        return net.jqwik.api.Combinators.combine(op, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 40))
                .as((o, cpu, f) -> new int[] {o, cpu, f}).list().ofMaxSize(120);
    }

    @Property(tries = 300)
    void deferredFillsEqualRealFills(@ForAll("ops") List<int[]> ops) {
        Tlbs real = new Tlbs();
        Tlbs bulk = new Tlbs();
        Set<Long> used = new HashSet<>();
        List<Long> order = new ArrayList<>();
        long fresh = 1000;
        for (int[] op : ops) {
            int cpu = op[1];
            switch (op[0]) {
                case 0 -> {
                    long pfn = fresh++;                     // a frame nobody has looked up before
                    if (real.tlb.lookup(cpu, pfn) == null) {
                        real.tlb.fill(cpu, PageSize.K4, pfn);
                    }
                    if (!bulk.tlb.bulk().deferMissFill4k(cpu, pfn)) {
                        if (bulk.tlb.lookup(cpu, pfn) == null) {
                            bulk.tlb.fill(cpu, PageSize.K4, pfn);
                        }
                    }
                    used.add(pfn);
                    order.add(pfn);
                }
                case 1 -> {
                    if (!order.isEmpty()) {                 // half the time the latest fill, as v7's hooks flush
                        long pfn = op[2] % 2 == 0 ? order.get(order.size() - 1) : order.get(op[2] % order.size());
                        assertThat(bulk.tlb.flushPage(pfn)).isEqualTo(real.tlb.flushPage(pfn));
                    }
                }
                case 2 -> {
                    real.tlb.flushAll();
                    bulk.tlb.flushAll();
                }
                case 3 -> {
                    if (!order.isEmpty()) {
                        long pfn = order.get(op[2] % order.size());
                        PageSize a = real.tlb.lookup(cpu, pfn);
                        PageSize b = bulk.tlb.lookup(cpu, pfn);
                        assertThat(b).isEqualTo(a);
                        if (a == null) {
                            real.tlb.fill(cpu, PageSize.K4, pfn);
                            bulk.tlb.fill(cpu, PageSize.K4, pfn);
                        }
                    }
                }
                default -> {                                // observing settles: compare only now and then
                    assertThat(bulk.tlb.contentHash(7)).isEqualTo(real.tlb.contentHash(7));
                }
            }
        }
        assertThat(bulk.tlb.contentHash(7)).isEqualTo(real.tlb.contentHash(7));
        assertThat(bulk.entries()).isEqualTo(real.entries());
        assertThat(bulk.tlb.liveEntries()).isEqualTo(real.tlb.liveEntries());
    }

    /** A TLB set over a booted direct map. */
    static final class Tlbs {
        final TlbSet tlb;

        Tlbs() {
            Journal j = new Journal();
            DirectMap dm = new DirectMap(j, MACHINE, true);
            RmpTable rmp = new RmpTable(j, MACHINE.frames(), MACHINE.regions(), MACHINE.gigs());
            tlb = new TlbSet(j, MACHINE.tlb(), MACHINE.cpus(), dm, rmp);
        }

        List<String> entries() {
            List<String> out = new ArrayList<>();
            tlb.forEach(-1, (cpu, size, base) -> out.add(cpu + ":" + size + ":" + base));
            return out;
        }
    }
}
