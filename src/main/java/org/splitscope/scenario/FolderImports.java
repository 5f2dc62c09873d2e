package org.splitscope.scenario;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The boot files of a scenario read from disk: relative to the scenario's folder, and only inside
 * it or a folder the {@link ReadPolicy} allows (SCENARIO.md, issue 14 item 6). The path is checked
 * as written (no file outside is even looked at) and again with symbolic links resolved (a link
 * inside the folder cannot lead out of it).
 */
final class FolderImports implements ScenarioLoader.ImportSource {
    private final Path dir;
    private final ReadPolicy policy;

    FolderImports(Path scenarioFile, ReadPolicy policy) {
        Path parent = scenarioFile.toAbsolutePath().normalize().getParent();
        this.dir = parent == null ? Path.of("/") : parent;
        this.policy = policy;
    }

    private Path target(String path) throws InputFiles.Refused {
        try {
            return dir.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new InputFiles.Refused("not a valid path");
        }
    }

    @Override
    public String read(String path) throws IOException {
        Path target = target(path);
        if (!policy.allows(target, dir)) {
            throw outside(target.getParent());
        }
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            throw new InputFiles.Refused(IoReasons.of(e));
        }
        if (!policy.allows(real, ReadPolicy.real(dir))) {
            throw new InputFiles.Outside("it is a symbolic link to " + real + ", outside the scenario's folder "
                    + dir + " (allow " + real.getParent() + " with --allow-path to read it)", real.getParent());
        }
        return InputFiles.importText(InputFiles.readRegular(real, InputFiles.MAX_IMPORT_BYTES, "a ptdump or meminfo"));
    }

    private InputFiles.Outside outside(Path folder) {
        return new InputFiles.Outside("it is outside the scenario's folder " + dir + " (a scenario reads files only"
                + " from its own folder; allow " + folder + " with --allow-path to read it)", folder);
    }

    @Override
    public String label(String path) {
        try {
            return target(path).toString();
        } catch (InputFiles.Refused e) {
            return Quote.of(path);
        }
    }
}
