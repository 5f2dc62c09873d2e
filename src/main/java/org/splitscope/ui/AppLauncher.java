package org.splitscope.ui;

import javafx.application.Application;

/** Starts the desktop app, or just the JavaFX toolkit for the screenshot tour and the play benchmark. */
final class AppLauncher {
    private AppLauncher() {
    }

    static void launch(String[] args) {
        quietJavaFxLog();
        Application.launch(SplitScopeApp.class, args);
    }

    /**
     * Starts the JavaFX toolkit without an Application (the screenshot tour, the play benchmark),
     * or uses it if it is already running; the toolkit stays up until {@code Platform.exit()}.
     */
    static void startToolkit() throws java.io.IOException {
        quietJavaFxLog();
        java.util.concurrent.CompletableFuture<Void> started = new java.util.concurrent.CompletableFuture<>();
        try {
            javafx.application.Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        try {
            started.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while starting JavaFX");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException("JavaFX did not start: " + e.getMessage());
        }
        javafx.application.Platform.setImplicitExit(false);
    }

    /**
     * JavaFX warns "Unsupported JavaFX configuration" when it runs from the class path, as it does from
     * one runnable jar; that is how this app ships, so the warning tells a user nothing.
     */
    static void quietJavaFxLog() {
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
    }
}
