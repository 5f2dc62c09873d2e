package org.splitscope.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.workload.ProgramItem;

/**
 * Reads scenario files (format 1, SCENARIO.md) from a path, from text, or from the built-in set,
 * and checks everything that can be checked before a run: every error is a
 * {@link ScenarioException} naming the file, line, column and cause, and whatever loads can run
 * (issue 14). The only other file a scenario can make SplitScope read is the ptdump or meminfo its
 * {@code boot} names, relative to the scenario and inside its folder unless the {@link ReadPolicy}
 * allows another; warnings (where an imported direct map was taken to end) come back in
 * {@link Scenario#warnings()} for the CLI's stderr and the app's message bar.
 */
public final class ScenarioLoader {
    public static final int FORMAT = 1;
    /** Most steps one workload may generate. */
    public static final long MAX_WORKLOAD_STEPS = 100_000_000L;

    /** Reads a file a scenario's {@code boot:} names, relative to the scenario. */
    public interface ImportSource {
        /** The file's text; an IOException's message says why not, in words. */
        String read(String relative) throws IOException;

        String label(String relative);
    }

    private ScenarioLoader() {
    }

    /** Loads a built-in scenario by name, or a file by path; boot files only from the scenario's folder. */
    public static Scenario load(String nameOrPath) throws ScenarioException {
        return load(nameOrPath, ReadPolicy.SCENARIO_FOLDER);
    }

    /** Loads a built-in scenario by name, or a file by path when {@code nameOrPath} is not a built-in. */
    public static Scenario load(String nameOrPath, ReadPolicy policy) throws ScenarioException {
        if (BuiltinScenarios.names().contains(nameOrPath)) {
            return BuiltinScenarios.load(nameOrPath);
        }
        Path p;
        try {
            p = Path.of(nameOrPath);
        } catch (InvalidPathException e) {
            throw new ScenarioException(Quote.of(nameOrPath), 0, 0, "not a valid path");
        }
        if (!nameOrPath.contains("/") && !nameOrPath.contains(".") && !java.nio.file.Files.exists(p)) {
            throw new ScenarioException(nameOrPath, 0, 0, "no such built-in scenario or file (built-ins: "
                    + String.join(", ", BuiltinScenarios.names()) + ")");
        }
        return loadFile(p, policy);
    }

    public static Scenario loadFile(Path path) throws ScenarioException {
        return loadFile(path, ReadPolicy.SCENARIO_FOLDER);
    }

    /** Loads a scenario file: a regular file of at most 4 MiB of UTF-8 text (issue 14 items 3 and 5). */
    public static Scenario loadFile(Path path, ReadPolicy policy) throws ScenarioException {
        String label = path.toString();
        String text = InputFiles.text(path, "a scenario");
        Path name = path.getFileName();
        String base = baseName(name == null ? label : name.toString());
        return parse(label, text, isJson(label, text), base, new FolderImports(path, policy));
    }

    static boolean isJson(String label, String text) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.endsWith(".json")) {
            return true;
        }
        if (l.endsWith(".yaml") || l.endsWith(".yml")) {
            return false;
        }
        return text.stripLeading().startsWith("{");
    }

    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Parses scenario text; {@code label} names it in errors. */
    public static Scenario parse(String label, String text, boolean json, String defaultName, ImportSource imports)
            throws ScenarioException {
        Node root = NodeReader.read(label, text, json);
        Fields top = new Fields(label, root, "the scenario");
        top.allow("splitscope", "name", "description", "machine", "policy", "seed", "guests", "steps", "compare");
        if (!top.has("splitscope")) {
            throw new ScenarioException(label, root.line(), root.column(),
                    "missing 'splitscope: 1' (the format version)");
        }
        long version = top.integerOf(top.get("splitscope"), "splitscope");
        if (version != FORMAT) {
            throw top.error(top.get("splitscope"), "format version " + version
                    + " is not supported by this build (it reads " + FORMAT + ")");
        }
        String title = top.text("name", defaultName).strip();
        String description = top.text("description", "").strip();
        List<String> warnings = new ArrayList<>();
        MachineSpec machine = MachineReader.read(new Fields(label, top.require("machine"), "machine"), imports, warnings);
        String policy = top.text("policy", Policies.DEFAULT_ID).strip();
        if (!Policies.ids().contains(policy)) {
            throw top.error(top.get("policy"), "unknown policy '" + Quote.of(policy) + "' (one of: "
                    + String.join(", ", Policies.ids()) + ")");
        }
        long seed = top.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
        List<String> compare = compare(top, policy);
        RamMap ram = RamMap.of(machine);
        List<GuestSpec> guests = StepReader.guests(label, top.list("guests"), ram);
        List<ProgramItem> items = StepReader.steps(label, top, machine, guests, ram);
        return new Scenario(defaultName, title, description, label, machine, policy, seed, guests, items, compare,
                warnings);
    }

    /** Most panes the compare view lays out. */
    public static final int MAX_COMPARE = 6;

    /**
     * Extension {@code compare: [policy, ...]}: the policies to put side by side, 2 to
     * {@value #MAX_COMPARE} distinct ids; the scenario's own policy goes first (added when missing).
     */
    private static List<String> compare(Fields top, String policy) throws ScenarioException {
        if (!top.has("compare")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(policy);
        for (Node n : top.list("compare")) {
            if (!(n instanceof Node.Scalar sc) || sc.text() == null) {
                throw top.error(n, "compare lists policy ids");
            }
            String id = sc.text().strip();
            if (!Policies.ids().contains(id)) {
                throw top.error(n, "unknown policy '" + Quote.of(id) + "' in compare (one of: " + String.join(", ", Policies.ids()) + ")");
            }
            if (!out.contains(id)) {
                out.add(id);
            } else if (!id.equals(policy)) {
                throw top.error(n, "policy '" + id + "' is listed twice in compare");
            }
        }
        if (out.size() < 2 || out.size() > MAX_COMPARE) {
            throw top.errorAtKey("compare", "compare needs 2 to " + MAX_COMPARE + " different policies, got " + out.size());
        }
        return List.copyOf(out);
    }

    /** Reads a classpath resource as text (built-ins). */
    static String resource(String path) throws IOException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new NoSuchFileException(path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
