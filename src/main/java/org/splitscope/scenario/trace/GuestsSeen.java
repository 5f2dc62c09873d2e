package org.splitscope.scenario.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.PageSize;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.rmp.RmpTable;

/**
 * The guests a recording declares by using their ASIDs (TRACE.md "Mapping"): memory is the highest
 * GPA made private, rounded up to 2 MiB; vCPUs are the highest {@code kvm_page_fault} vcpu + 1 of
 * the threads that made the guest's pages private (a vCPU thread faults and then runs
 * rmp_make_private through gmem prepare), else 1. A guest that ever gets a 2M private entry is
 * backed by 2M folios (R14: a 2M RMP entry needs a 2M folio), else by 4K folios.
 *
 * <p>Confined to the parsing thread.
 */
final class GuestsSeen {
    private final long[] gpaEnd = new long[RmpTable.MAX_ASID + 1];
    private final boolean[] any2m = new boolean[RmpTable.MAX_ASID + 1];
    private final List<Integer> order = new ArrayList<>();
    /** pid -> ASID (from rmp_private lines) and pid -> highest vcpu + 1 (from kvm_page_fault lines). */
    private final PidMap asidOfPid = new PidMap();
    private final PidMap vcpusOfPid = new PidMap();
    private int lastPid = -1;
    private int lastAsid;

    void privateOp(int asid, long gpa, PageSize level, int pid) {
        if (gpaEnd[asid] == 0) {
            order.add(asid);
        }
        gpaEnd[asid] = Math.max(gpaEnd[asid], gpa + level.bytes());
        any2m[asid] |= level == PageSize.M2;
        if (pid != lastPid || asid != lastAsid) {
            asidOfPid.put(pid, asid);
            lastPid = pid;
            lastAsid = asid;
        }
    }

    void vcpuFault(int pid, long vcpu) {
        if (vcpu >= 0 && vcpu < 1024) {
            int had = vcpusOfPid.get(pid, 0);
            if (vcpu + 1 > had) {
                vcpusOfPid.put(pid, (int) vcpu + 1);
            }
        }
    }

    int count() {
        return order.size();
    }

    /** The guests in the order their first rmp_private appears. */
    List<GuestSpec> specs() {
        int[] vcpus = new int[RmpTable.MAX_ASID + 1];
        Arrays.fill(vcpus, 1);
        int only = order.size() == 1 ? order.get(0) : -1;
        vcpusOfPid.forEach((pid, n) -> {
            int asid = asidOfPid.get(pid, only);
            if (asid > 0) {
                vcpus[asid] = Math.max(vcpus[asid], n);
            }
        });
        List<GuestSpec> out = new ArrayList<>();
        for (int asid : order) {
            long memory = (gpaEnd[asid] + 2 * Pfns.MIB - 1) / (2 * Pfns.MIB) * (2 * Pfns.MIB);
            out.add(new GuestSpec(asid, memory, vcpus[asid], any2m[asid] ? PageSize.M2 : PageSize.K4));
        }
        return out;
    }

    /** A small open-addressing map from pid to int (the threads of a recording: dozens to thousands). */
    static final class PidMap {
        private int[] keys = new int[64];
        private int[] values = new int[64];
        private boolean[] used = new boolean[64];
        private int size;

        int get(int key, int missing) {
            int i = slot(key);
            return used[i] ? values[i] : missing;
        }

        void put(int key, int value) {
            int i = slot(key);
            if (!used[i]) {
                if (2 * (size + 1) > keys.length) {
                    grow();
                    i = slot(key);
                }
                used[i] = true;
                keys[i] = key;
                size++;
            }
            values[i] = value;
        }

        void forEach(java.util.function.BiConsumer<Integer, Integer> f) {
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    f.accept(keys[i], values[i]);
                }
            }
        }

        private int slot(int key) {
            int m = keys.length - 1;
            int i = (key * 0x9E3779B9) >>> 7 & m;
            while (used[i] && keys[i] != key) {
                i = (i + 1) & m;
            }
            return i;
        }

        private void grow() {
            int[] k = keys;
            int[] v = values;
            boolean[] u = used;
            keys = new int[k.length * 2];
            values = new int[k.length * 2];
            used = new boolean[k.length * 2];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (u[i]) {
                    put(k[i], v[i]);
                }
            }
        }
    }
}
