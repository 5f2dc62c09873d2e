package org.splitscope.ui;

import javafx.application.Application;

/** Starts the desktop app (Main loads this class by name, so the command line never links JavaFX). */
public final class AppLauncher {
    private AppLauncher() {
    }

    public static void launch(String[] args) {
        quietJavaFxLog();
        Application.launch(SplitScopeApp.class, args);
    }

    /**
     * JavaFX warns "Unsupported JavaFX configuration" when it runs from the class path, as it does from
     * one runnable jar; that is how this app ships, so the warning tells a user nothing.
     */
    static void quietJavaFxLog() {
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
    }
}
