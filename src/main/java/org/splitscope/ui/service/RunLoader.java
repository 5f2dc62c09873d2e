package org.splitscope.ui.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import org.splitscope.core.history.HeapEstimate;
import org.splitscope.core.history.HistoryBudget;
import org.splitscope.core.history.Position;
import org.splitscope.core.history.Timeline;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.ImportOutsideFolderException;
import org.splitscope.scenario.ReadPolicy;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.ScenarioLoader;
import org.splitscope.scenario.trace.BuiltinRecordings;
import org.splitscope.scenario.trace.Recording;
import org.splitscope.scenario.trace.RecordingLoader;

/**
 * Opens runs: a built-in scenario or a file under its own policy and kernel, the same scenario under
 * another policy or kernel at the same step (keeping the view and the comparison), and the peers of
 * a comparison. A run that cannot be opened is an error for the user and the current run stays.
 * Host recordings (a directory, its trace.txt, or a built-in recording's name; TRACE.md) open the same
 * way, loaded and replayed with progress and Cancel ({@link ReplayState}); under another policy or
 * kernel they are replayed again, as a what-if.
 *
 * <p>Before a run is built its heap need is estimated ({@link HeapEstimate#forTimeline}): a machine the
 * heap cannot hold is refused with what it needs (issue 14 item 8), else the timeline's history budget is
 * what the heap leaves, at most the service's. A scenario's boot files are read from its own folder and
 * the folders the user allowed this session ({@link ReadPolicy}); one outside them is a
 * {@link FolderQuestion} for the user (issue 14 item 6).
 *
 * <p>Threading: simulation thread only.
 */
final class RunLoader {
    private final Tasks tasks;
    private final HistoryBudget budget;
    private final LongSupplier applied;
    /** The folders the user allowed scenarios to read boot files from, for this session. */
    private ReadPolicy read = ReadPolicy.SCENARIO_FOLDER;
    /** What an open that gave no run and no error has to say (a cancelled load), until taken. */
    private String note;

    RunLoader(Tasks tasks, HistoryBudget budget, LongSupplier applied) {
        this.tasks = tasks;
        this.budget = budget;
        this.applied = applied;
    }

    /** Where a scenario comes from (a built-in, a file, a recording, a run already open). */
    interface Source {
        Scenario get() throws ScenarioException;
    }

    /** A built-in scenario, or a built-in host recording by its name. */
    Session openBuiltin(String name) {
        if (!BuiltinScenarios.names().contains(name) && BuiltinRecordings.names().contains(name)) {
            return openRecording(name, null);
        }
        return open(() -> BuiltinScenarios.load(name), null, null, null, null);
    }

    /** A scenario file, or a host recording (its directory or its trace.txt). */
    Session openFile(Path file) {
        if (isRecording(file)) {
            return openRecording(file.toString(), file);
        }
        return open(() -> ScenarioLoader.loadFile(file, read), null, null, file, null);
    }

    /** Whether a path names a host recording: a directory, or a file called trace.txt (TRACE.md). */
    static boolean isRecording(Path p) {
        return Files.isDirectory(p) || p.getFileName() != null && p.getFileName().toString().equals("trace.txt");
    }

    /** Scenarios may read boot files in {@code folder} (and below) from now on, this session. */
    void allow(Path folder) {
        read = read.allow(folder);
    }

    /** The note of the last open that gave nothing without an error (a cancelled load), once; or null. */
    String takeNote() {
        String n = note;
        note = null;
        return n;
    }

    /** Loads a recording with progress (bytes of trace.txt) and Cancel, then opens it as a run. */
    private Session openRecording(String nameOrPath, Path file) {
        return openRecording(nameOrPath, file, null, null);
    }

    /**
     * Loads the recording {@code file} (null: the built-in {@code nameOrPath}) and replays it under
     * {@code policy} and {@code kernel} (null: the host's own), as a tour's stop asks.
     */
    Session openRecording(String nameOrPath, Path file, String policy, KernelProfile kernel) {
        Recording rec;
        tasks.busy("Loading the recording " + (file == null ? nameOrPath : file.toString()) + "...", 0);
        try {
            rec = file == null ? RecordingLoader.load(nameOrPath, ReplayState.progress(tasks))
                    : RecordingLoader.load(file, ReplayState.progress(tasks));
        } catch (ScenarioException e) {
            tasks.error("Cannot open " + e.getMessage());
            return null;
        } catch (CancellationException e) {
            note = "Loading the recording was cancelled; the run shown stays.";
            return null;
        } catch (OutOfMemoryError e) {
            tasks.error("Not enough memory to load this recording; give the JVM more (-Xmx).");
            return null;
        } finally {
            tasks.busy(null, -1);
        }
        Path dir = file == null ? null : Files.isDirectory(file) ? file : file.toAbsolutePath().getParent();
        return open(rec::scenario, policy, kernel, dir, rec);
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
                kernel == null ? old.kernel() : kernel, old.file, old.replay == null ? null : old.replay.recording);
        if (next == null) {
            return null;
        }
        Position at = old.timeline.position();
        runTo(next, new Position(Math.min(at.step(), next.timeline.totalSteps()), at.micro()));
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

    /**
     * Moves a run just opened to {@code at}, the position the run it replaces was at: on a long run
     * in chunks, with progress and Cancel (a cancelled move stays where it got to, and says so).
     */
    private void runTo(Session s, Position at) {
        Timeline t = s.timeline;
        long chunk = Math.max(1000, t.totalSteps() / 100);
        if (at.step() <= chunk) {
            t.seek(at);
            return;
        }
        tasks.busy("Running " + s.scenario.id() + " under " + s.policy() + ", kernel " + s.kernel().id() + " to step "
                + at.step() + "...", 0);
        try {
            if (LongWork.forwardTo(t, at.step(), tasks)) {
                t.seek(at);
            } else {
                note = "Stopped at step " + t.position().step() + " on the way to step " + at.step() + ".";
            }
        } finally {
            tasks.busy(null, -1);
        }
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
        return open(source, policy, kernel, file, null);
    }

    /**
     * Opens {@code source} under {@code policy} and {@code kernel} (null: its own) once the heap is known
     * to hold it; a recording ({@code rec} non-null) is replayed first, with progress and Cancel.
     */
    private Session open(Source source, String policy, KernelProfile kernel, Path file, Recording rec) {
        tasks.busy(rec == null ? "Loading..." : "Replaying " + rec.id() + " against the host's trace...",
                rec == null ? -1 : 0);
        try {
            Scenario sc = source.get();
            SimSpec spec = sc.toSpec(policy, null, kernel);
            HeapEstimate heap = HeapEstimate.forTimeline(spec);
            if (!heap.fits()) {
                tasks.error("Cannot open " + (file != null ? file.toString() : sc.id()) + ": "
                        + heap.refusal(spec.machine()));
                return null;
            }
            ReplayState replay = rec == null ? null : ReplayState.run(rec, spec, tasks);
            Session next = Session.open(sc, policy, kernel, null, heap.budget(budget), file, applied);
            next.replay = replay;
            if (!sc.compare().isEmpty() && policy == null) {
                compare(next, sc.compare());            // a scenario that lists policies opens comparing them
            }
            return next;
        } catch (ImportOutsideFolderException e) {
            if (read.allowedFolders().contains(e.folder().toAbsolutePath().normalize())) {
                tasks.error("Cannot open " + e.getMessage());  // allowed, yet refused: asking again would loop
            } else {
                tasks.ask(new FolderQuestion(file, e.folder(), e.getMessage()));
            }
        } catch (ScenarioException e) {
            tasks.error("Cannot open " + e.getMessage());
        } catch (CancellationException e) {
            note = "Replaying the recording was cancelled; the run shown stays.";
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
