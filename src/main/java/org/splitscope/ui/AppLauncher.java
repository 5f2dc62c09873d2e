package org.splitscope.ui;

import javafx.application.Application;

/** Starts the desktop app (Main loads this class by name, so the command line never links JavaFX). */
public final class AppLauncher {
    private AppLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(SplitScopeApp.class, args);
    }
}
