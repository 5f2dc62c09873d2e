package org.splitscope.ui;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.sim.RunSummary;
import org.splitscope.core.sim.Simulation;
import org.splitscope.render.CellDiff;
import org.splitscope.render.CellLayout;

/**
 * The runs a session is compared with: the same scenario and seed under other policies, each its own
 * {@link Session}, kept at the primary's step with its viewport, selection, layers and palette (one
 * shared cursor, zoom and selection). Micro-steps move the primary only; the peers stay at the
 * boundary before that step, since their micro-events differ. Simulation thread only.
 */
final class ComparePeers {
    private final List<Session> peers;

    private ComparePeers(List<Session> peers) {
        this.peers = peers;
    }

    /**
     * Opens the peers of {@code primary} under {@code policies} (those equal to the primary's own are
     * skipped); each gets a quarter of the history budget, at least 64 MiB.
     */
    static ComparePeers open(Session primary, List<String> policies, HistoryBudget budget) {
        HistoryBudget each = new HistoryBudget(Math.max(64L << 20, budget.bytes() / 4));
        List<Session> out = new ArrayList<>();
        for (String p : policies) {
            if (p.equals(primary.spec.policy().id()) || out.stream().anyMatch(s -> s.spec.policy().id().equals(p))) {
                continue;
            }
            out.add(Session.open(primary.scenario, p, primary.spec.seed(), each));
        }
        return new ComparePeers(out);
    }

    List<String> policies() {
        return peers.stream().map(s -> s.spec.policy().id()).toList();
    }

    List<org.splitscope.core.history.Timeline> timelines() {
        return peers.stream().map(s -> s.timeline).toList();
    }

    boolean isEmpty() {
        return peers.isEmpty();
    }

    void consumed(long serial) {
        for (Session s : peers) {
            s.consumed(serial);
        }
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
            s.layers = EnumSet.copyOf(primary.layers.isEmpty() ? EnumSet.noneOf(org.splitscope.render.Layer.class)
                    : primary.layers);
            s.palette = primary.palette;
            s.tlbCpu = primary.tlbCpu;
            s.mapWidth = primary.mapWidth;
            s.mapHeight = primary.mapHeight;
        }
    }

    /**
     * Rasterizes the peers with the primary's layout, finds the cells each differs in from the primary
     * (and the primary's: those any peer differs in), and marks them on every pane, the primary's
     * {@code pixels} included.
     */
    Snapshot.CompareView render(Session primary, CellLayout layout, int[] pixels, long serial) {
        sync(primary);
        List<Simulation> sims = new ArrayList<>();
        sims.add(primary.sim());
        for (Session s : peers) {
            sims.add(s.sim());
        }
        List<BitSet> diffs = CellDiff.againstFirst(sims, layout, primary.tlbCpu);
        List<Snapshot.Pane> panes = new ArrayList<>();
        CellDiff.draw(pixels, layout, diffs.get(0), primary.palette);
        panes.add(new Snapshot.Pane(primary.spec.policy().id(), pixels, RunSummary.withoutHash(primary.sim()), diffs.get(0),
                stepText(primary)));
        for (int i = 0; i < peers.size(); i++) {
            Session s = peers.get(i);
            int[] px = s.rasterize(layout, serial);
            CellDiff.draw(px, layout, diffs.get(i + 1), s.palette);
            panes.add(new Snapshot.Pane(s.spec.policy().id(), px, RunSummary.withoutHash(s.sim()), diffs.get(i + 1), stepText(s)));
        }
        return new Snapshot.CompareView(panes);
    }

    private static String stepText(Session s) {
        Position p = s.timeline.position();
        return "step " + p.step() + (p.boundary() ? "" : "." + p.micro());
    }
}
