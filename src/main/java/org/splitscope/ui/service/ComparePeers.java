package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.Simulation;
import org.splitscope.render.CellDiff;
import org.splitscope.render.CellLayout;
import org.splitscope.ui.service.Snapshot.Pane;

/**
 * The runs a session is compared with: the same scenario, seed and kernel under other policies, each
 * its own {@link Session}, kept at the primary's step with its viewport, selection and highlight (one
 * shared cursor, zoom and selection). Micro-steps move the primary only; the peers stay at the
 * boundary before that step, since their micro-events differ.
 *
 * <p>Threading: simulation thread only.
 */
final class ComparePeers {
    private final List<Session> peers;

    private ComparePeers(List<Session> peers) {
        this.peers = peers;
    }

    /**
     * Opens the peers of {@code primary} under {@code policies} (those equal to the primary's own are
     * skipped); each gets a quarter of the history budget, at least 64 MiB. Null when none is left.
     */
    static ComparePeers open(Session primary, List<String> policies, HistoryBudget budget) {
        HistoryBudget each = new HistoryBudget(Math.max(64L << 20, budget.bytes() / 4));
        List<Session> out = new ArrayList<>();
        for (String p : policies) {
            if (p.equals(primary.policy()) || out.stream().anyMatch(s -> s.policy().equals(p))) {
                continue;
            }
            out.add(Session.open(primary.scenario, p, primary.kernel(), primary.spec.seed(), each, primary.file,
                    primary.applied()));
        }
        return out.isEmpty() ? null : new ComparePeers(out);
    }

    List<String> policies() {
        return peers.stream().map(Session::policy).toList();
    }

    List<org.splitscope.core.history.Timeline> timelines() {
        return peers.stream().map(s -> s.timeline).toList();
    }

    /** Brings every peer to the primary's step and view. */
    void sync(Session primary) {
        Position pos = primary.timeline.position();
        Position target = Position.at(Math.min(pos.step(), primary.timeline.totalSteps()));
        for (Session s : peers) {
            if (!s.timeline.position().equals(target)) {
                s.timeline.seek(target);
            }
            s.viewport = primary.viewport;
            s.selectFrom = primary.selectFrom;
            s.selectTo = primary.selectTo;
            s.highlightFrom = primary.highlightFrom;
            s.highlightTo = primary.highlightTo;
        }
    }

    /**
     * Rasterizes the peers with the primary's layout, finds the cells each differs in from the primary
     * (and the primary's: those any peer differs in), and marks them on every pane, the primary's
     * {@code pixels} included.
     */
    List<Pane> render(Session primary, ViewSettings v, CellLayout layout, int[] pixels, long serial) {
        sync(primary);
        List<Simulation> sims = new ArrayList<>();
        sims.add(primary.sim());
        for (Session s : peers) {
            sims.add(s.sim());
        }
        List<BitSet> diffs = CellDiff.againstFirst(sims, layout, primary.tlbCpu(v));
        List<Pane> panes = new ArrayList<>();
        CellDiff.draw(pixels, layout, diffs.get(0), v.palette());
        panes.add(new Pane(primary.policy(), pixels, RunSummary.withoutHash(primary.sim()), diffs.get(0),
                primary.timeline.position()));
        for (int i = 0; i < peers.size(); i++) {
            Session s = peers.get(i);
            int[] px = s.rasterize(layout, v, serial);
            CellDiff.draw(px, layout, diffs.get(i + 1), v.palette());
            panes.add(new Pane(s.policy(), px, RunSummary.withoutHash(s.sim()), diffs.get(i + 1), s.timeline.position()));
        }
        return panes;
    }
}
