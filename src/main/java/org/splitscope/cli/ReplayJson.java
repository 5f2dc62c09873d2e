package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.Pfns;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.scenario.trace.FinalCheck;
import org.splitscope.scenario.trace.Figure;
import org.splitscope.scenario.trace.Mismatches;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.ReplayResult;

/** The {@code trace} object of {@code replay --json} (TRACE.md "Validate"), documented in README. */
final class ReplayJson {
    private ReplayJson() {
    }

    static ObjectNode of(ReplayResult r, SimSpec spec, int maxMismatches) {
        Recording rec = r.recording();
        ObjectNode o = Json.object();
        o.put("source", rec.source());
        o.put("lines", rec.lines());
        o.put("steps", rec.steps().size());
        ArrayNode guests = o.putArray("guests");
        for (GuestSpec g : rec.scenario().guests()) {
            ObjectNode j = guests.addObject();
            j.put("asid", g.asid());
            j.put("memory_bytes", g.memory());
            j.put("vcpus", g.vcpus());
            j.put("folio", g.folio().toString());
        }
        ObjectNode traced = o.putObject("traced");
        traced.put("policy", rec.host().policy());
        traced.put("kernel", rec.host().kernel().id());
        ObjectNode as = o.putObject("replayed_as");
        as.put("policy", spec.policy().id());
        as.put("kernel", spec.machine().kernel().id());
        o.put("what_if", whatIf(rec, spec));
        ArrayNode unrecorded = o.putArray("unrecorded");
        for (Figure f : Figure.values()) {
            if (rec.unrecorded().contains(f)) {
                unrecorded.add(f.id());
            }
        }
        if (!rec.unrecorded().contains(Figure.FLUSH_TLB_ALL)) {
            o.put("flush_tlb_all_from", rec.flushFromKprobe() ? "flush_all" : "ipi_send_cpumask");
        }
        Mismatches m = r.mismatches();
        ArrayNode list = o.putArray("mismatches");
        for (int i = 0; i < Math.min(m.size(), maxMismatches); i++) {
            Mismatches.Mismatch x = m.get(i);
            ObjectNode j = list.addObject();
            j.put("line", x.line());
            j.put("event", x.event());
            j.put("what", x.what().id());
            j.put("observed", x.observed());
            j.put("predicted", x.predicted());
        }
        o.put("mismatch_count", m.size());
        ObjectNode by = o.putObject("mismatches_by_what");
        for (Map.Entry<Figure, Long> e : m.byFigure().entrySet()) {
            by.put(e.getKey().id(), e.getValue());
        }
        ObjectNode fin = o.putObject("final");
        for (FinalCheck.Value v : r.end().values()) {
            ObjectNode j = fin.putObject(v.name());
            j.put("observed", v.observed());
            j.put("predicted", v.predicted());
        }
        FinalCheck.Leaves l = r.end().leaves();
        if (l != null) {
            ObjectNode j = fin.putObject("ptdump.after");
            j.put("regions", l.regions());
            j.put("differing", l.differing());
            if (l.differing() > 0) {
                ObjectNode first = j.putObject("first");
                first.put("pfn", Pfns.hex(l.firstPfn()));
                first.put("observed", l.firstObserved());
                first.put("predicted", l.firstPredicted());
            }
        }
        o.put("kvm_page_faults", rec.kvmPageFaults());
        o.put("kvm_rmp_faults", rec.kvmRmpFaultLines().length);
        o.put("unattributed_lines", rec.unattributedLines());
        ArrayNode w = o.putArray("warnings");
        rec.warnings().forEach(w::add);
        return o;
    }

    static boolean whatIf(Recording rec, SimSpec spec) {
        return !spec.policy().id().equals(rec.host().policy()) || spec.machine().kernel() != rec.host().kernel();
    }
}
