package org.splitscope.ui.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.policy.Policies;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.ScenarioLoader;

/**
 * Opens runs: a built-in scenario or a file under its own policy and kernel, the same scenario under
 * another policy or kernel at the same step (keeping the view and the comparison), and the peers of
 * a comparison. A run that cannot be opened is an error for the user and the current run stays.
 *
 * <p>Threading: simulation thread only.
 */
final class RunLoader {
    private final Tasks tasks;
    private final HistoryBudget budget;
    private final LongSupplier applied;

    RunLoader(Tasks tasks, HistoryBudget budget, LongSupplier applied) {
        this.tasks = tasks;
        this.budget = budget;
        this.applied = applied;
    }

    /** Where a scenario comes from (a built-in, a file, a recording, a run already open). */
    interface Source {
        Scenario get() throws ScenarioException;
    }

    Session openBuiltin(String name) {
        return open(() -> BuiltinScenarios.load(name), null, null, null);
    }

    Session openFile(Path file) {
        return open(() -> ScenarioLoader.loadFile(file), null, null, file);
    }

    /**
     * The scenario of {@code old} under another policy or kernel (null: keep the old one), at the old
     * position, with its viewport, selection and comparison; null when it cannot run.
     */
    Session rerun(Session old, String policy, KernelProfile kernel) {
        if (policy != null && !Policies.ids().contains(policy)) {
            tasks.error("unknown policy '" + policy + "'");
            return null;
        }
        Session next = open(() -> old.scenario, policy == null ? old.policy() : policy,
                kernel == null ? old.kernel() : kernel, old.file);
        if (next == null) {
            return null;
        }
        Position at = old.timeline.position();
        next.timeline.seek(new Position(Math.min(at.step(), next.timeline.totalSteps()), at.micro()));
        next.viewport = old.viewport;
        next.selectFrom = old.selectFrom;
        next.selectTo = old.selectTo;
        next.hoverPfn = old.hoverPfn;
        next.hoverUnit = old.hoverUnit;
        if (old.compare != null) {
            List<String> comparing = new ArrayList<>();
            comparing.add(old.policy());
            comparing.addAll(old.compare.policies());
            compare(next, comparing);
        }
        return next;
    }

    /** Opens the peers of {@code s} under {@code policies} (none left: not comparing); false on failure. */
    boolean compare(Session s, List<String> policies) {
        for (String p : policies) {
            if (!Policies.ids().contains(p)) {
                tasks.error("unknown policy '" + p + "'");
                return false;
            }
        }
        try {
            s.compare = policies.isEmpty() ? null : ComparePeers.open(s, policies, budget);
            return true;
        } catch (IllegalArgumentException e) {
            tasks.error("Cannot compare: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            s.compare = null;
            tasks.error("Not enough memory to run these policies side by side; compare fewer, or give the JVM more (-Xmx).");
        }
        return false;
    }

    /** Opens {@code source} under {@code policy} and {@code kernel} (null: its own); null when it cannot (told). */
    Session open(Source source, String policy, KernelProfile kernel, Path file) {
        tasks.busy("Loading...", -1);
        try {
            Scenario sc = source.get();
            Session next = Session.open(sc, policy, kernel, null, budget, file, applied);
            if (!sc.compare().isEmpty() && policy == null) {
                compare(next, sc.compare());            // a scenario that lists policies opens comparing them
            }
            return next;
        } catch (ScenarioException e) {
            tasks.error("Cannot open " + e.getMessage());
        } catch (IllegalArgumentException e) {
            tasks.error("Cannot run this scenario: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            tasks.error("Not enough memory to simulate this machine; give the JVM more (-Xmx) or use a smaller one.");
        } finally {
            tasks.busy(null, -1);
        }
        return null;
    }
}
