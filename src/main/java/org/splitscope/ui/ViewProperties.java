package org.splitscope.ui;

import java.util.EnumSet;
import java.util.Set;
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
import org.splitscope.core.policy.Policies;
import org.splitscope.render.Figures;
import org.splitscope.render.Layer;

/**
 * The view model's read-only state, FX thread only: the properties views bind to, set from each
 * applied {@link Snapshot}, and the count of frames the view redrew per second. {@link AppViewModel}
 * adds the commands.
 */
abstract class ViewProperties {
    final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    final ReadOnlyBooleanWrapper canStepBack = new ReadOnlyBooleanWrapper(this, "canStepBack");
    final ReadOnlyBooleanWrapper canStepForward = new ReadOnlyBooleanWrapper(this, "canStepForward");
    final ReadOnlyBooleanWrapper playingProperty = new ReadOnlyBooleanWrapper(this, "playing");
    final ReadOnlyStringWrapper scenarioTitle = new ReadOnlyStringWrapper(this, "scenarioTitle", "");
    final ReadOnlyStringWrapper scenarioId = new ReadOnlyStringWrapper(this, "scenarioId", "");
    final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    final ReadOnlyStringWrapper microText = new ReadOnlyStringWrapper(this, "microText", "");
    final ReadOnlyStringWrapper policy = new ReadOnlyStringWrapper(this, "policy", Policies.DEFAULT_ID);
    final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", null);
    final ReadOnlyDoubleWrapper busyProgress = new ReadOnlyDoubleWrapper(this, "busyProgress", -1);
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    final ReadOnlyObjectWrapper<Set<Layer>> layers = new ReadOnlyObjectWrapper<>(this, "layers",
            EnumSet.copyOf(Layer.DEFAULT));
    final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark", false);
    final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps", 0);
    final ObservableList<String> recentFiles = FXCollections.observableArrayList();
    private long fpsWindowStart;
    int fpsFrames;

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyBooleanProperty canStepBackProperty() {
        return canStepBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStepForwardProperty() {
        return canStepForward.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playingProperty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioTitleProperty() {
        return scenarioTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioIdProperty() {
        return scenarioId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty microTextProperty() {
        return microText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty policyProperty() {
        return policy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty busyProgressProperty() {
        return busyProgress.getReadOnlyProperty();
    }

    /** A problem to show the user (file:line:column: cause); the view clears it with {@link #clearError()}. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<Layer>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public ObservableList<String> recentFiles() {
        return FXCollections.unmodifiableObservableList(recentFiles);
    }

    void apply(Snapshot s) {
        snapshot.set(s);
        canStepBack.set(s.canStepBack());
        canStepForward.set(s.canStepForward());
        scenarioTitle.set(s.scenarioTitle());
        scenarioId.set(s.scenarioId());
        description.set(s.description());
        caption.set(s.caption());
        stepText.set(s.stepText());
        microText.set(s.microText());
        policy.set(s.policy());
        hoverText.set(s.hoverText());
        statusText.set(Figures.of(s.summary()));
        if (s.message() != null) {
            message.set(s.message());
        }
    }

    /** Frames the view drew per second, over windows of one second (0 when nothing changes). */
    void countFrames() {
        long now = System.nanoTime();
        if (fpsWindowStart == 0) {
            fpsWindowStart = now;
        } else if (now - fpsWindowStart >= 1_000_000_000L) {
            fps.set(fpsFrames * 1e9 / (now - fpsWindowStart));
            fpsFrames = 0;
            fpsWindowStart = now;
        }
    }
}
