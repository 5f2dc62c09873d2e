package org.splitscope.ui.model;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.history.Position;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.ui.service.Command;
import org.splitscope.ui.service.Command.Motion;
import org.splitscope.ui.service.PartKind;
import org.splitscope.ui.service.Snapshot;

/**
 * Where the run stands and how to move: the scenario, policy and kernel, the caption, the step
 * line, whether stepping back or forward is possible, play, the timeline bar's markers and the
 * bookmarks, the scenario picker's choices and the recent files; and the commands that move, play,
 * open and re-run. {@code canStepBack}-style properties drive the buttons, menus and keys alike.
 *
 * <p>Play state: Play and Pause each take a new generation token; until the service has seen the
 * latest token the view shows what was asked for, then what the service reports (it stops at the
 * end, or when a command that stops play arrives).
 *
 * <p>Threading: FX thread only.
 */
public final class NavigationModel {
    /** Play speeds offered, steps per second; 0 is "as fast as possible". */
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 1000.0, 10000.0, 0.0);
    /** The scenario picker's entry for a loaded file starts with this. */
    public static final String FILE_PREFIX = "file: ";

    private final Models models;
    private final RecentFiles recent;
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(this, "position", Position.START);
    private final ReadOnlyObjectWrapper<Snapshot.RunPart> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyObjectWrapper<Snapshot.StepPart> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyObjectWrapper<Snapshot.MarkersPart> markers = new ReadOnlyObjectWrapper<>(this, "markers");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper scenarioChoice = new ReadOnlyStringWrapper(this, "scenarioChoice", "");
    private final ReadOnlyBooleanWrapper canStepBack = new ReadOnlyBooleanWrapper(this, "canStepBack");
    private final ReadOnlyBooleanWrapper canStepForward = new ReadOnlyBooleanWrapper(this, "canStepForward");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 30);
    private final ObservableList<String> scenarioChoices = FXCollections.observableArrayList(builtins());
    private final ObservableList<String> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recentFiles);
    private final ObservableList<String> choicesView = FXCollections.unmodifiableObservableList(scenarioChoices);
    private final BooleanBinding hasRun = run.isNotNull();
    private long issued;

    NavigationModel(Models models, RecentFiles recent) {
        this.models = models;
        this.recent = recent;
        recentFiles.setAll(recent.list());
    }

    void apply(Snapshot s) {
        position.set(s.position());
        if (s.dirty(PartKind.RUN) || run.get() == null) {
            Snapshot.RunPart r = s.run();
            if (r.file() != null) {
                recent.add(r.file().toString());
                recentFiles.setAll(recent.list());
            }
            List<String> choices = builtins();
            String choice = r.file() == null ? r.scenarioId() : FILE_PREFIX + r.file().getFileName();
            if (r.file() != null) {
                choices.add(choice);
            }
            if (!choices.equals(scenarioChoices)) {
                scenarioChoices.setAll(choices);
            }
            scenarioChoice.set(choice);
            run.set(r);
        }
        step.set(s.step());
        if (s.dirty(PartKind.MARKERS) || markers.get() == null) {
            markers.set(s.markers());                     // the cursor follows the position property
        }
        message.set(s.message().text());
        canStepBack.set(s.step().canStepBack());
        canStepForward.set(s.step().canStepForward());
        if (s.play().generation() >= issued) {
            playing.set(s.play().playing());     // once the service has seen the latest Play or Pause
        }
    }

    void busy(boolean b) {
        busy.set(b);
    }

    // ---- opening -------------------------------------------------------------------------------

    public void openBuiltin(String name) {
        models.send(new Command.OpenBuiltin(name, models.settings()));
    }

    /** A scenario file, or a host recording: its directory or its trace.txt. */
    public void openFile(Path file) {
        models.send(new Command.OpenFile(file, models.settings()));
    }

    /** The user allows scenarios to read boot files in {@code folder} this session; opens {@code file} again. */
    public void allowFolder(Path folder, Path file) {
        models.send(new Command.AllowFolder(folder, file, models.settings()));
    }

    /** The scenario picker chose an entry: a built-in, or the loaded file (nothing to do). */
    public void choose(String choice) {
        if (choice != null && !choice.equals(scenarioChoice.get()) && !choice.startsWith(FILE_PREFIX)) {
            openBuiltin(choice);
        }
    }

    /** The picker's built-ins: the scenarios, then the host recordings. */
    private static List<String> builtins() {
        List<String> out = new java.util.ArrayList<>(BuiltinScenarios.names());
        out.addAll(org.splitscope.scenario.trace.BuiltinRecordings.names());
        return out;
    }

    public void switchPolicy(String id) {
        models.send(new Command.SwitchPolicy(id, models.settings()));
    }

    public void switchKernel(String id) {
        try {
            models.send(new Command.SwitchKernel(KernelProfile.byId(id), models.settings()));
        } catch (IllegalArgumentException e) {
            models.error(e.getMessage());
        }
    }

    // ---- moving --------------------------------------------------------------------------------

    public void stepForward() {
        move(Motion.FORWARD);
    }

    public void stepBack() {
        move(Motion.BACK);
    }

    public void microForward() {
        move(Motion.MICRO_FORWARD);
    }

    public void microBack() {
        move(Motion.MICRO_BACK);
    }

    public void toStart() {
        move(Motion.TO_START);
    }

    private void move(Motion m) {
        models.send(new Command.Step(m, models.settings()));
    }

    public void toEnd() {
        models.send(new Command.ToEnd(models.settings()));
    }

    public void seek(long stepNumber) {
        seek(Position.at(Math.max(0, stepNumber)));
    }

    public void seek(Position p) {
        models.send(new Command.Seek(p, models.settings()));
    }

    /** Runs forward (or back) until the condition holds; a bad condition is an error naming the problem. */
    public void runToBreakpoint(String condition, boolean forward) {
        Breakpoint bp;
        try {
            bp = Breakpoint.parse(condition);
        } catch (IllegalArgumentException e) {
            models.error("Breakpoint: " + e.getMessage());
            return;
        }
        models.send(new Command.RunToBreakpoint(bp, forward, models.settings()));
    }

    // ---- play ----------------------------------------------------------------------------------

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        playing.set(true);
        models.send(new Command.Play(++issued, speed.get(), models.settings()));
    }

    public void pause() {
        playing.set(false);
        models.send(new Command.Pause(++issued, models.settings()));
    }

    /** Steps per second; 0 means as fast as possible. */
    public void setSpeed(double stepsPerSecond) {
        speed.set(Math.max(0, stepsPerSecond));
        models.send(new Command.Speed(speed.get(), models.settings()));
    }

    // ---- bookmarks and the timeline bar --------------------------------------------------------

    public void addBookmark(String name) {
        if (name == null || name.isBlank()) {
            models.error("A bookmark needs a name.");
            return;
        }
        models.send(new Command.AddBookmark(name, models.settings()));
    }

    public void removeBookmark(String name) {
        models.send(new Command.RemoveBookmark(name, models.settings()));
    }

    public void goToBookmark(String name) {
        models.send(new Command.GoToBookmark(name, models.settings()));
    }

    /** The timeline bar's marker strip is {@code w} pixels wide. */
    public void setMarkerWidth(int w) {
        if (w != models.settings().scrubberWidth()) {
            models.update(v -> v.withScrubberWidth(w));
        }
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The position the navigation pane shows (the snapshot's). */
    public ReadOnlyObjectProperty<Position> positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot.RunPart> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot.StepPart> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot.MarkersPart> markersProperty() {
        return markers.getReadOnlyProperty();
    }

    /** What the last command did, while the run and the position stay ("" otherwise). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The scenario picker's current entry: a built-in's name or {@link #FILE_PREFIX} and the file's name. */
    public ReadOnlyStringProperty scenarioChoiceProperty() {
        return scenarioChoice.getReadOnlyProperty();
    }

    /** The built-ins, and the loaded file when one is. */
    public ObservableList<String> scenarioChoices() {
        return choicesView;
    }

    /** Recently opened files, most recent first. */
    public ObservableList<String> recentFiles() {
        return recentView;
    }

    public ReadOnlyBooleanProperty canStepBackProperty() {
        return canStepBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStepForwardProperty() {
        return canStepForward.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Whether a long operation (loading, to end, a breakpoint search, an export) is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** Whether a run is loaded. */
    public BooleanBinding hasRunProperty() {
        return hasRun;
    }

    /** The window title for the run: scenario, policy and kernel. */
    public javafx.beans.binding.StringBinding titleBinding() {
        return Bindings.createStringBinding(() -> run.get() == null ? "SplitScope" : "SplitScope - " + run.get().title()
                + " [" + run.get().policy() + ", kernel " + run.get().kernel() + "]", run);
    }
}
