package org.splitscope.ui.model;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.splitscope.ui.service.Command;
import org.splitscope.ui.service.FolderQuestion;
import org.splitscope.ui.service.SimService;
import org.splitscope.ui.service.Snapshot;
import org.splitscope.ui.service.ViewSettings;

/**
 * The FX side of the seam: owns the {@link ViewSettings}, sends commands to the {@link SimService},
 * and on each pulse applies the latest snapshot whole to the small models (navigation, map, event
 * log, figures, export), in one FX-thread call, so every pane shows the same position. Models hold
 * read-only properties and command methods and no Node (STYLE.md principle 6).
 *
 * <p>Threading: FX thread only (tests without a stage use the test thread as the FX thread).
 */
public final class AppModel {
    private final SimService service;
    private final ReadOnlyObjectWrapper<ViewSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings",
            ViewSettings.DEFAULT);
    private final ReadOnlyObjectWrapper<Snapshot> applied = new ReadOnlyObjectWrapper<>(this, "applied");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", null);
    private final ReadOnlyDoubleWrapper busyProgress = new ReadOnlyDoubleWrapper(this, "busyProgress", -1);
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps", 0);
    private final NavigationModel navigation;
    private final MapModel map;
    private final EventLogModel eventLog;
    private final FiguresModel figures;
    private final ExportModel export;
    private final TourModel tour;
    private final PresentModel present;
    private final ReplayModel replay;
    private Consumer<String> onError = text -> { };
    private Consumer<FolderQuestion> onAskFolder = q -> onError.accept(q.reason());
    private long fpsWindowStart;
    private int fpsFrames;

    public AppModel(SimService service, RecentFiles recent) {
        this.service = service;
        Models context = new Models() {
            @Override
            public ViewSettings settings() {
                return settings.get();
            }

            @Override
            public void send(Command c) {
                AppModel.this.send(c);
            }

            @Override
            public void update(UnaryOperator<ViewSettings> change) {
                settings.set(change.apply(settings.get()));
                send(new Command.ApplySettings(settings.get()));
            }

            @Override
            public void error(String text) {
                onError.accept(text);
            }
        };
        navigation = new NavigationModel(context, recent);
        map = new MapModel(context);
        eventLog = new EventLogModel(context);
        figures = new FiguresModel();
        export = new ExportModel(context);
        tour = new TourModel(context, map);
        present = new PresentModel(navigation, map, tour);
        replay = new ReplayModel(context);
    }

    public NavigationModel navigation() {
        return navigation;
    }

    public MapModel map() {
        return map;
    }

    public EventLogModel eventLog() {
        return eventLog;
    }

    public FiguresModel figures() {
        return figures;
    }

    public ExportModel export() {
        return export;
    }

    /** The tour being presented, if any (issue 13). */
    public TourModel tour() {
        return tour;
    }

    /** Presentation mode and its paging (issue 13). */
    public PresentModel present() {
        return present;
    }

    /** A host recording's replay: its mismatches, the timeline's mismatch row, the step's trace line. */
    public ReplayModel replay() {
        return replay;
    }

    /** Where errors for the user go (the view shows them through its dialog service). */
    public void setOnError(Consumer<String> c) {
        onError = c == null ? text -> { } : c;
    }

    /**
     * Who asks the user whether a scenario may read boot files in a folder outside its own (the view,
     * through its dialog service); the answer goes to {@link NavigationModel#allowFolder}. Without one
     * the question is shown as the error it is.
     */
    public void setOnAskFolder(Consumer<FolderQuestion> c) {
        onAskFolder = c == null ? q -> onError.accept(q.reason()) : c;
    }

    public ReadOnlyObjectProperty<ViewSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The snapshot the panes show now (null before the first run is open). */
    public ReadOnlyObjectProperty<Snapshot> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public Snapshot applied() {
        return applied.get();
    }

    /** The running long operation's text, or null. */
    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty busyProgressProperty() {
        return busyProgress.getReadOnlyProperty();
    }

    /** How many times a second the heat map was redrawn, over the last second. */
    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    void send(Command c) {
        service.submit(c);
        if (service.inline()) {
            pulse();
        }
    }

    /**
     * Applies the latest snapshot, if any, whole (the app calls this once per JavaFX pulse), then the
     * busy state and any errors. Snapshots published in between are never queued: only the latest counts.
     */
    public void pulse() {
        Snapshot s = service.take();
        if (s != null) {
            if (!s.consistent()) {
                throw new IllegalStateException("snapshot " + s.serial() + " mixes positions");
            }
            navigation.apply(s);
            map.apply(s);
            eventLog.apply(s);
            figures.apply(s);
            export.apply(s);
            replay.apply(s);
            applied.set(s);
            service.consumed(s.serial());
            if (s.dirty(org.splitscope.ui.service.PartKind.MAP)) {
                fpsFrames++;
            }
        }
        SimService.Busy b = service.busy();
        busyText.set(b == null ? null : b.text());
        busyProgress.set(b == null ? -1 : b.progress());
        navigation.busy(b != null);
        for (String e : service.takeErrors()) {
            onError.accept(e);
        }
        for (FolderQuestion q : service.takeQuestions()) {
            onAskFolder.accept(q);
        }
        countFrames();
    }

    private void countFrames() {
        long now = System.nanoTime();
        if (fpsWindowStart == 0) {
            fpsWindowStart = now;
        } else if (now - fpsWindowStart >= 1_000_000_000L) {
            fps.set(fpsFrames * 1e9 / (now - fpsWindowStart));
            fpsFrames = 0;
            fpsWindowStart = now;
        }
    }

    /** Asks a long operation to stop. */
    public void cancel() {
        service.cancel();
    }

    public void shutdown() {
        service.shutdown();
    }
}
