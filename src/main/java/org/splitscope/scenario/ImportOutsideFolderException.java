package org.splitscope.scenario;

import java.nio.file.Path;

/**
 * A scenario's boot file lies outside the scenario's folder and every folder the user allowed
 * ({@link ReadPolicy}). {@link #folder()} is the folder to ask the user about.
 */
public final class ImportOutsideFolderException extends ScenarioException {
    private final transient Path folder;

    public ImportOutsideFolderException(String file, int line, int column, String cause, Path folder) {
        super(file, line, column, cause);
        this.folder = folder;
    }

    /** The folder holding the boot file: allowing it lets the scenario load. */
    public Path folder() {
        return folder;
    }
}
