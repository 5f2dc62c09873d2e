package org.splitscope.ui.model;

import java.util.function.UnaryOperator;
import org.splitscope.ui.service.Command;
import org.splitscope.ui.service.ViewSettings;

/** What a small model needs from the {@link AppModel}: the current settings and a way to send commands. FX thread only. */
interface Models {
    /** The settings every command is issued under. */
    ViewSettings settings();

    /** Sends a command to the simulation service (applied at once with a same-thread service). */
    void send(Command c);

    /** Changes the settings and sends them (the service redraws what they affect). */
    void update(UnaryOperator<ViewSettings> change);

    /** An error for the user. */
    void error(String text);
}
