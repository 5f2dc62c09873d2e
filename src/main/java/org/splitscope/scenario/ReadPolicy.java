package org.splitscope.scenario;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a scenario's {@code boot: ptdump:} or {@code meminfo:} file may be read from (SCENARIO.md,
 * issue 14 item 6). Scenarios are shared by mail, so a boot path must stay inside the scenario's
 * own folder (no absolute path, no {@code ..} out of it, no symbolic link out of it) unless the
 * user allows another folder: {@code --allow-path DIR} on the command line, or once per folder in
 * the app. Immutable.
 *
 * <p>The app's flow: load with the folders allowed so far; on {@link ImportOutsideFolderException}
 * ask the user about {@link ImportOutsideFolderException#folder()}, and if allowed, load again with
 * {@link #allow(Path)}.
 */
public record ReadPolicy(Set<Path> allowedFolders) {
    /** Boot files only from the scenario's own folder. */
    public static final ReadPolicy SCENARIO_FOLDER = new ReadPolicy(Set.of());

    public ReadPolicy {
        Set<Path> norm = new LinkedHashSet<>();
        for (Path p : allowedFolders) {
            norm.add(p.toAbsolutePath().normalize());
        }
        allowedFolders = Set.copyOf(norm);
    }

    /** This policy with {@code folder} (and everything below it) allowed too. */
    public ReadPolicy allow(Path folder) {
        Set<Path> s = new LinkedHashSet<>(allowedFolders);
        s.add(folder);
        return new ReadPolicy(s);
    }

    /** Whether {@code file} (absolute, normalized) lies in {@code scenarioFolder} or an allowed folder. */
    boolean allows(Path file, Path scenarioFolder) {
        if (file.startsWith(scenarioFolder)) {
            return true;
        }
        for (Path a : allowedFolders) {
            if (file.startsWith(a) || file.startsWith(real(a))) {
                return true;
            }
        }
        return false;
    }

    /** The folder with its symbolic links resolved, or as given when it does not exist. */
    static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (java.io.IOException | SecurityException e) {
            return folder;
        }
    }
}
