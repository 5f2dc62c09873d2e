package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.kernel.Counter;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.scenario.BuiltinScenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineTest {
    static Timeline open(String scenario, String policy) throws Exception {
        return Timeline.open(BuiltinScenarios.load(scenario).toSpec(policy, null));
    }

    @Test
    @DisplayName("canStepBack / canStepForward follow the position")
    void observable() throws Exception {
        Timeline t = open("overlap-crash", "none");
        List<Position> seen = new ArrayList<>();
        assertThat(t.canStepBack()).isFalse();
        assertThat(t.canStepForward()).isTrue();
        t.stepForward();
        seen.add(t.position());
        t.stepForward();
        seen.add(t.position());
        t.stepBack();
        seen.add(t.position());
        t.toEnd();
        seen.add(t.position());
        assertThat(t.canStepForward()).isFalse();
        assertThat(t.canStepBack()).isTrue();
        assertThat(seen).containsExactly(Position.at(1), Position.at(2), Position.at(1), Position.at(8));
    }

    @Test
    @DisplayName("stepping by micro-event walks the ordered micro-events of a step")
    void microEvents() throws Exception {
        Timeline t = open("overlap-crash", "split-on-demand");
        t.seek(2);                                      // before the assign step
        List<SimEvent> ev = t.eventsOf(2);
        assertThat(ev).extracting(SimEvent::kind).startsWith(EventKind.CPA, EventKind.SPLIT, EventKind.FLUSH_ALL)
                .contains(EventKind.RMPUPDATE);
        t.microForward();
        assertThat(t.position()).isEqualTo(new Position(2, 1));
        assertThat(t.currentMicroEvent().kind()).isEqualTo(EventKind.CPA);
        assertThat(t.simulation().directMap().directMap4kKb()).isEqualTo(2048);   // not split yet
        t.microForward();
        assertThat(t.currentMicroEvent().kind()).isEqualTo(EventKind.SPLIT);
        assertThat(t.simulation().directMap().directMap4kKb()).isEqualTo(4096);   // split done
        t.microBack();
        t.microBack();
        assertThat(t.position()).isEqualTo(Position.at(2));
        t.microBack();                                  // into the previous step
        assertThat(t.position().step()).isEqualTo(1);
    }

    @Test
    @DisplayName("run forward to the first RMP #PF; backward from the end finds the same one")
    void breakpointsOnFaults() throws Exception {
        Timeline t = open("overlap-crash", "none");
        Timeline.Hit hit = t.runForwardUntil(Breakpoint.onKinds(EventKind.RMP_FAULT), Timeline.Cancel.NEVER);
        assertThat(hit).isNotNull();
        assertThat(hit.event()).isInstanceOf(SimEvent.RmpFault.class);
        assertThat(hit.at()).isEqualTo(Position.at(5));        // the fault is the last event of step 5
        assertThat(t.runForwardUntil(Breakpoint.onKinds(EventKind.RMP_FAULT), Timeline.Cancel.NEVER)).isNull();
        assertThat(t.canStepForward()).isFalse();
        Timeline.Hit back = t.runBackwardUntil(Breakpoint.onKinds(EventKind.RMP_FAULT), Timeline.Cancel.NEVER);
        assertThat(back.at()).isEqualTo(hit.at());
        assertThat(t.runBackwardUntil(Breakpoint.onKinds(EventKind.RMP_FAULT), Timeline.Cancel.NEVER)).isNull();
        assertThat(t.position()).isEqualTo(hit.at());           // a miss stays put
    }

    @Test
    @DisplayName("conditions combine: kind, frame range, guest, CPU; a match inside a step stops there")
    void combinedConditions() throws Exception {
        Timeline t = open("multi-guest", "split-on-demand");
        Breakpoint bp = Breakpoint.parse("rmpupdate guest=4 cpu=6");
        Timeline.Hit hit = t.runForwardUntil(bp, Timeline.Cancel.NEVER);
        assertThat(hit.event().asid()).isEqualTo(4);
        assertThat(hit.event().cpu()).isEqualTo(6);
        Timeline.Hit split = t.runForwardUntil(Breakpoint.parse("split pfn=0x0-0x3ffff"), Timeline.Cancel.NEVER);
        assertThat(split == null || split.event().pfn() < 0x40000).isTrue();
        Breakpoint none = Breakpoint.parse("rmp-fault guest=2");
        assertThat(t.runForwardUntil(none, Timeline.Cancel.NEVER)).isNull();
    }

    @Test
    @DisplayName("a TLB conflict class appearing: the stale entry in stale-tlb appears at step 4")
    void tlbClassAppearing() throws Exception {
        Timeline t = open("stale-tlb", "invalidate-noflush");
        Timeline.Hit hit = t.runForwardUntil(Breakpoint.parse("tlb=stale"), Timeline.Cancel.NEVER);
        assertThat(hit.at()).isEqualTo(Position.at(4));
        long[] c = new long[3];
        t.tlbCounts(c);
        assertThat(c[0]).isEqualTo(1);
        t.toEnd();
        assertThat(t.runBackwardUntil(Breakpoint.parse("tlb=stale"), Timeline.Cancel.NEVER).at()).isEqualTo(Position.at(4));
        assertThat(Breakpoint.parse("tlb=stale").tlbClass()).isEqualTo(TlbSet.STALE);
    }

    @Test
    @DisplayName("bookmarks by name")
    void bookmarks() throws Exception {
        Timeline t = open("stale-tlb", "invalidate-noflush");
        t.seek(3);
        t.bookmarks().put("  before the stale entry ", t.position());
        t.toEnd();
        t.seek(t.bookmarks().at("before the stale entry"));
        assertThat(t.position()).isEqualTo(Position.at(3));
        assertThat(t.bookmarks().copy()).containsOnlyKeys("before the stale entry");
        assertThatThrownBy(() -> t.bookmarks().at("nope")).hasMessageContaining("no bookmark named 'nope'");
        assertThatThrownBy(() -> t.bookmarks().put(" ", Position.START)).hasMessageContaining("needs a name");
        assertThat(t.bookmarks().remove("before the stale entry")).isTrue();
        assertThat(t.bookmarks().copy()).isEmpty();
    }

    @Test
    @DisplayName("inside a step every counter is at the micro-event, as the direct map is; leaving restores the state")
    void countersPerMicroEvent() throws Exception {
        Timeline t = open("overlap-crash", "split-on-demand");
        t.seek(2);
        String before = t.simulation().stateHash();
        long cpa = t.simulation().counters().get(Counter.CPA_CALLS);
        long events = t.simulation().counters().get(Counter.EVENTS);
        t.seek(new Position(2, 1));                     // the CpaCall
        assertThat(t.simulation().counters().get(Counter.CPA_CALLS)).isEqualTo(cpa + 1);
        assertThat(t.simulation().counters().get(Counter.LEVEL2_SPLITS)).isZero();
        assertThat(t.simulation().counters().get(Counter.EVENTS)).isEqualTo(events + 1);
        t.seek(new Position(2, 3));                     // CpaCall, Split, flush_tlb_all
        assertThat(t.currentMicroEvent().kind()).isEqualTo(EventKind.FLUSH_ALL);
        assertThat(t.simulation().counters().get(Counter.LEVEL2_SPLITS)).isEqualTo(1);
        assertThat(t.simulation().counters().get(Counter.FLUSH_TLB_ALL)).isEqualTo(1);
        assertThat(t.simulation().directMap().directMap4kKb()).isEqualTo(4096);
        // micro-stepping forward agrees with seeking there
        t.seek(2);
        t.microForward();
        t.microForward();
        t.microForward();
        assertThat(t.simulation().counters().get(Counter.LEVEL2_SPLITS)).isEqualTo(1);
        t.stepBack();
        assertThat(t.simulation().counters().get(Counter.CPA_CALLS)).isEqualTo(cpa);
        assertThat(t.simulation().counters().get(Counter.LEVEL2_SPLITS)).isZero();
        assertThat(t.simulation().stateHash()).isEqualTo(before);
        t.stepForward();
        Timeline fresh = open("overlap-crash", "split-on-demand");
        fresh.seek(3);
        assertThat(org.splitscope.core.sim.RunSummary.of(t.simulation()))
                .isEqualTo(org.splitscope.core.sim.RunSummary.of(fresh.simulation()));
    }

    @Test
    @DisplayName("breakpoint text is parsed and printed back; bad text is refused with a reason")
    void parse() {
        Breakpoint b = Breakpoint.parse("split,collapse pfn=0x40000-0x401ff guest=2 cpu=1 tlb=rmp-hazard");
        assertThat(b.describe()).isEqualTo("split,collapse pfn=0x40000-0x401ff guest=2 cpu=1 tlb=rmp-hazard");
        assertThatThrownBy(() -> Breakpoint.parse("explode")).hasMessageContaining("unknown event kind");
        assertThatThrownBy(() -> Breakpoint.parse("color=red")).hasMessageContaining("unknown breakpoint condition");
        assertThatThrownBy(() -> Breakpoint.parse(" ")).hasMessageContaining("at least one condition");
    }

    @Test
    @DisplayName("history stays within a small budget on a long run, and seeking still works")
    void budget() throws Exception {
        HistoryBudget small = new HistoryBudget(8L << 20);
        Timeline t = Timeline.open(BuiltinScenarios.load("lazy-accept").toSpec(), small, Timeline.Options.FULL);
        t.toEnd();
        assertThat(t.historyBytes()).isLessThan(small.bytes() + (2L << 20));
        assertThat(t.checkpointCount()).isGreaterThan(1);
        assertThat(t.firstStoredStep()).isGreaterThan(0);                    // old events were released
        String end = t.simulation().stateHash();
        t.seek(10);
        t.toEnd();
        assertThat(t.simulation().stateHash()).isEqualTo(end);
        assertThat(t.eventsOf(5)).isNotEmpty();                              // replayed on demand
    }
}
