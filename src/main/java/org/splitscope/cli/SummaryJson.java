package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.sim.RunSummary;

/** The JSON shape of a run summary, documented key by key in README "run --json". */
final class SummaryJson {
    private SummaryJson() {
    }

    /** The summary of a run on machine {@code m}: its kernel profile (R27) and INVLPGB beside the policy. */
    static ObjectNode of(RunSummary s, MachineSpec m) {
        ObjectNode o = Json.object();
        o.put("scenario", s.scenario());
        o.put("policy", s.policy());
        o.put("kernel", m.kernel().id());
        o.put("invlpgb", m.invlpgb());
        o.put("seed", s.seed());
        o.put("steps", s.steps());
        o.put("total_steps", s.totalSteps());
        ObjectNode meminfo = o.putObject("meminfo");
        meminfo.put("DirectMap4k", s.directMap4kKb());
        meminfo.put("DirectMap2M", s.directMap2mKb());
        meminfo.put("DirectMap1G", s.directMap1gKb());
        ObjectNode vmstat = o.putObject("vmstat");
        vmstat.put("direct_map_level2_splits", s.level2Splits());
        vmstat.put("direct_map_level3_splits", s.level3Splits());
        vmstat.put("direct_map_level2_collapses", s.level2Collapses());
        vmstat.put("direct_map_level3_collapses", s.level3Collapses());
        ObjectNode c = o.putObject("counters");
        c.put("rmp_faults", s.rmpFaults());
        c.put("not_present_faults", s.notPresentFaults());
        c.put("cpa_calls", s.cpaCalls());
        c.put("flush_tlb_all", s.flushTlbAll());
        c.put("flush_tlb_page", s.flushTlbPage());
        c.put("ipis", s.ipis());
        c.put("rmpupdates", s.rmpupdates());
        c.put("psmash", s.psmash());
        c.put("rejected_assignments", s.rejectedAssignments());
        c.put("events", s.events());
        ObjectNode tlb = o.putObject("tlb");
        tlb.put("stale", s.tlbStale());
        tlb.put("mixed_size", s.tlbMixedSize());
        tlb.put("rmp_hazard", s.tlbRmpHazard());
        ObjectNode rmp = o.putObject("rmp");
        rmp.put("assigned_4k_frames", s.assigned4kFrames());
        rmp.put("private_2m_entries", s.private2mEntries());
        ObjectNode time = o.putObject("time");
        time.put("simulated_ns", s.simTimeNs());
        time.put("fault_in_gb_per_s", Math.round(s.faultInGbPerS() * 1000) / 1000.0);
        time.put("fault_in_bytes", s.faultInBytes());
        time.put("cpa_lock_hold_ns", s.lockHoldNs());
        time.put("cpa_lock_wait_ns", s.lockWaitNs());
        time.put("flush_send_ns", s.flushNs());
        time.put("ipi_receive_ns", s.ipiReceiveNs());
        o.put("state_hash", s.stateHash());
        return o;
    }

    /** The summary with the first faults of the run ({@code run --json}, each row of {@code compare --json}). */
    static ObjectNode of(RunSummary s, MachineSpec m, FaultLog faults) {
        ObjectNode o = of(s, m);
        com.fasterxml.jackson.databind.node.ArrayNode arr = o.putArray("faults");
        for (FaultLog.Entry e : faults.first) {
            ObjectNode f = arr.addObject();
            f.put("step", e.step());
            f.put("kind", e.event().kind().id());
            f.put("cpu", e.event().cpu());
            f.put("pfn", org.splitscope.core.mem.Pfns.hex(e.event().pfn()));
            f.put("description", e.event().describe());
        }
        return o;
    }
}
