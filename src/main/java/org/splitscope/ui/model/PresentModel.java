package org.splitscope.ui.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.splitscope.ui.service.Snapshot;

/**
 * Presentation mode (issue 13): whether the window presents, the strip's texts (the step, policy,
 * kernel and what the step came to, and the tour's stop), and paging: {@link #next} steps forward and,
 * past the last step of a tour's stop, opens the next stop; {@link #previous} steps back and, before
 * the first step, opens the previous one. Following the action is on by default while presenting
 * (the choice made while presenting is kept for the next time) and as it was outside.
 *
 * <p>Threading: FX thread only.
 */
public final class PresentModel {
    private final NavigationModel nav;
    private final MapModel map;
    private final TourModel tour;
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper policyText = new ReadOnlyStringWrapper(this, "policyText", "");
    private final ReadOnlyStringWrapper kernelText = new ReadOnlyStringWrapper(this, "kernelText", "");
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper(this, "outcomeText", "");
    private boolean followWhilePresenting = true;
    private boolean followOutside;
    /**
     * The step the last {@link #next} asked for while no snapshot has shown it yet, and in which run (-1:
     * none). A clicker's presses come faster than the simulation answers: without this, the press after the
     * last step would see the step before it still shown and ask for a step that is not there, instead of
     * opening the next stop.
     */
    private long aimed = -1;
    private long aimedRun = -1;
    private long lastShown;

    PresentModel(NavigationModel nav, MapModel map, TourModel tour) {
        this.nav = nav;
        this.map = map;
        this.tour = tour;
        nav.runProperty().addListener((o, a, r) -> showRun(r));
        nav.stepProperty().addListener((o, a, s) -> showStep(s));
        nav.positionProperty().addListener((o, a, p) -> {
            if (aimed >= 0 && (p.step() >= aimed || p.step() < lastShown)) {
                aimed = -1;                               // reached, or moved back by other means
            }
            lastShown = p.step();
        });
    }

    private void showRun(Snapshot.RunPart r) {
        policyText.set(r == null ? "" : r.policy());
        kernelText.set(r == null ? "" : "kernel " + r.kernel());
        Snapshot.StepPart s = nav.stepProperty().get();
        if (s != null) {
            showStep(s);
        }
    }

    private void showStep(Snapshot.StepPart s) {
        Snapshot.RunPart r = nav.runProperty().get();
        stepText.set(s == null ? "" : "step " + s.at() + (r == null ? "" : " of " + r.totalSteps()));
        outcomeText.set(s == null ? "" : s.outcome());
    }

    public void enter() {
        if (!presenting.get()) {
            followOutside = map.followProperty().get();
            map.setFollow(followWhilePresenting);
            presenting.set(true);
        }
    }

    public void leave() {
        if (presenting.get()) {
            followWhilePresenting = map.followProperty().get();
            map.setFollow(followOutside);
            presenting.set(false);
        }
    }

    public void toggle() {
        if (presenting.get()) {
            leave();
        } else {
            enter();
        }
    }

    /** PageDown: a step forward, or past the last step of a tour's stop the next stop. */
    public void next() {
        Snapshot.RunPart r = nav.runProperty().get();
        long at = nav.positionProperty().get().step();
        long base = r != null && r.runSerial() == aimedRun && aimed > at ? aimed : at;
        if (r != null && base < r.totalSteps() && (nav.canStepForwardProperty().get() || base > at)) {
            aimed = base + 1;
            aimedRun = r.runSerial();
            nav.stepForward();
        } else if (tour.canNextStopProperty().get()) {
            aimed = -1;
            tour.nextStop();
        }
    }

    /** PageUp: a step back, or before the first step of a tour's stop the previous stop. */
    public void previous() {
        aimed = -1;
        if (nav.canStepBackProperty().get()) {
            nav.stepBack();
        } else if (tour.canPreviousStopProperty().get()) {
            tour.previousStop();
        }
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    /** "step 5 of 8" (inside a step, after its second micro-event: "step 4.2 of 8"). */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty policyTextProperty() {
        return policyText.getReadOnlyProperty();
    }

    /** "kernel 6.18". */
    public ReadOnlyStringProperty kernelTextProperty() {
        return kernelText.getReadOnlyProperty();
    }

    /** What the step came to under this policy, e.g. "RMP #PF (oops: RMP violation)". */
    public ReadOnlyStringProperty outcomeTextProperty() {
        return outcomeText.getReadOnlyProperty();
    }
}
