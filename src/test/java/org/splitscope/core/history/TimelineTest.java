package org.splitscope.core.history;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.event.EventKind;
import org.splitscope.core.event.SimEvent;
import org.splitscope.core.tlb.TlbSet;
import org.splitscope.scenario.BuiltinScenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineTest {
    static Timeline open(String scenario, String policy) throws Exception {
        return Timeline.open(BuiltinScenarios.load(scenario).toSpec(policy, null));
    }

    @Test
    @DisplayName("canStepBack / canStepForward and the position are observable and listeners are told")
    void observable() throws Exception {
        Timeline t = open("overlap-crash", "none");
        List<Position> seen = new ArrayList<>();
        t.addListener(x -> seen.add(x.position()));
        assertThat(t.canStepBack()).isFalse();
        assertThat(t.canStepForward()).isTrue();
        t.stepForward();
        t.stepForward();
        t.stepBack();
        t.toEnd();
        assertThat(t.canStepForward()).isFalse();
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
        assertThat(t.atEnd()).isTrue();
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
        t.bookmarkHere("before the stale entry");
        t.toEnd();
        t.goToBookmark("before the stale entry");
        assertThat(t.position()).isEqualTo(Position.at(3));
        assertThat(t.bookmarks()).containsKey("before the stale entry");
        assertThatThrownBy(() -> t.goToBookmark("nope")).hasMessageContaining("no bookmark");
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
