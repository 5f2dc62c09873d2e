package org.splitscope.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitscope.core.history.Breakpoint;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.policy.Policies;

/**
 * Reads tour files (format 1: {@code splitscope-tour: 1}, {@code title}, {@code stops: [...]}) in
 * YAML or JSON, from a path or from the built-in set in {@code assets/tours/}. Every error is a
 * {@link ScenarioException} naming the file, line, column and cause: unknown keys, an unknown
 * policy, kernel, layer or zoom, a stop with both or neither of {@code step} and {@code break}, a
 * breakpoint that does not parse, a scenario that is neither a built-in nor a file or recording
 * folder next to the tour. The scenarios themselves are loaded when a stop is opened.
 */
public final class TourLoader {
    private static final String DIR = "/assets/tours/";
    /** The layer ids a stop may name (render.Layer; the scenario package reads them as text). */
    static final List<String> LAYERS = List.of("directmap", "rmp", "tlb", "faults", "activity");
    private static final Pattern RANGE = Pattern.compile("\\s*([0-9a-fA-FxX_]+)\\s*-\\s*([0-9a-fA-FxX_]+)\\s*");

    private TourLoader() {
    }

    /** The built-in tours, by name. */
    public static List<String> builtins() {
        return List.of("thread-argument");
    }

    /** A built-in tour by name, or a tour file by path. */
    public static Tour load(String nameOrPath) throws ScenarioException {
        if (builtins().contains(nameOrPath)) {
            try {
                return parse("builtin:" + nameOrPath, ScenarioLoader.resource(DIR + nameOrPath + ".yaml"), false, null);
            } catch (IOException e) {
                throw new ScenarioException(nameOrPath, 0, 0, "the built-in tour is missing from the build");
            }
        }
        Path path = Path.of(nameOrPath);
        String label = path.toString();
        String text = InputFiles.text(path, "a tour");
        Path dir = path.toAbsolutePath().getParent();
        return parse(label, text, ScenarioLoader.isJson(label, text), dir);
    }

    /** Parses tour text; {@code dir} resolves scenario paths (null: only built-in scenarios). */
    public static Tour parse(String label, String text, boolean json, Path dir) throws ScenarioException {
        Node root = NodeReader.read(label, text, json);
        Fields top = new Fields(label, root, "the tour");
        top.allow("splitscope-tour", "title", "stops");
        if (!top.has("splitscope-tour")) {
            throw new ScenarioException(label, root.line(), root.column(), "missing 'splitscope-tour: 1' (the format version)");
        }
        long version = top.integerOf(top.get("splitscope-tour"), "splitscope-tour");
        if (version != Tour.FORMAT) {
            throw top.error(top.get("splitscope-tour"), "tour format version " + version
                    + " is not supported by this build (it reads " + Tour.FORMAT + ")");
        }
        String title = top.text("title", "").strip();
        List<Node> items = top.list("stops");
        if (items.isEmpty()) {
            throw top.errorAtKey("stops", "a tour needs at least one stop");
        }
        List<Tour.Stop> stops = new ArrayList<>();
        for (Node n : items) {
            stops.add(stop(new Fields(label, n, "stop " + (stops.size() + 1)), dir));
        }
        return new Tour(title, label, stops);
    }

    private static Tour.Stop stop(Fields f, Path dir) throws ScenarioException {
        f.allow("scenario", "recording", "policy", "kernel", "step", "break", "zoom", "layers", "title", "notes");
        if (f.has("scenario") == f.has("recording")) {
            throw f.error(f.node(), "a stop needs exactly one of 'scenario' (a built-in name or a file) and 'recording'"
                    + " (a host recording's folder)");
        }
        String key = f.has("scenario") ? "scenario" : "recording";
        String scenario = f.text(key).strip();
        Path file = null;
        if (key.equals("recording") || !BuiltinScenarios.names().contains(scenario)) {
            if (dir == null) {
                throw f.errorAtKey(key, "'" + Quote.of(scenario) + "' is not a built-in scenario (built-ins: "
                        + String.join(", ", BuiltinScenarios.names()) + ")");
            }
            file = dir.resolve(scenario).normalize();
            boolean ok = key.equals("recording") ? Files.isDirectory(file) : Files.isRegularFile(file);
            if (!ok) {
                throw f.errorAtKey(key, key.equals("recording")
                        ? "no recording folder " + Quote.of(scenario) + " next to the tour"
                        : "'" + Quote.of(scenario) + "' is neither a built-in scenario nor a file next to the tour");
            }
        }
        String policy = null;
        if (f.has("policy")) {
            policy = f.text("policy").strip();
            if (!Policies.ids().contains(policy)) {
                throw f.errorAtKey("policy", "unknown policy '" + Quote.of(policy) + "' (one of: "
                        + String.join(", ", Policies.ids()) + ")");
            }
        }
        KernelProfile kernel = f.has("kernel")
                ? KernelProfile.byId(f.choice("kernel", KernelProfile.DEFAULT.id(), MachineReader.KERNELS)) : null;
        if (f.has("step") == f.has("break")) {
            throw f.error(f.node(), "a stop needs exactly one of 'step: N' and 'break: \"<condition>\"'");
        }
        long step = f.has("step") ? f.integer("step", 0, Long.MAX_VALUE) : -1;
        String breakAt = null;
        if (f.has("break")) {
            breakAt = f.text("break").strip();
            try {
                Breakpoint.parse(breakAt);
            } catch (IllegalArgumentException e) {
                throw f.errorAtKey("break", "break: " + e.getMessage());
            }
        }
        Tour.Zoom zoom = zoom(f);
        Set<String> layers = null;
        if (f.has("layers")) {
            layers = new LinkedHashSet<>();
            for (Node l : f.list("layers")) {
                String id = l instanceof Node.Scalar s && s.text() != null ? s.text().strip() : "";
                if (!LAYERS.contains(id)) {
                    throw f.error(l, "unknown layer '" + Quote.of(id) + "' (one of: " + String.join(", ", LAYERS) + ")");
                }
                layers.add(id);
            }
            if (layers.isEmpty()) {
                throw f.errorAtKey("layers", "layers: name at least one");
            }
        }
        String title = f.has("title") ? f.text("title").strip() : null;
        String notes = f.text("notes", "").strip();
        return new Tour.Stop(scenario, key.equals("recording"), file, policy, kernel, step, breakAt, zoom, layers, title, notes,
                f.node().line());
    }

    private static Tour.Zoom zoom(Fields f) throws ScenarioException {
        if (!f.has("zoom")) {
            return new Tour.Zoom.All();
        }
        String z = f.text("zoom").strip();
        if (z.equals("all")) {
            return new Tour.Zoom.All();
        }
        if (z.equals("follow")) {
            return new Tour.Zoom.Follow();
        }
        Matcher m = RANGE.matcher(z);
        Long from = m.matches() ? Numbers.longValue(m.group(1)) : null;
        Long to = m.matches() ? Numbers.longValue(m.group(2)) : null;
        if (from == null || to == null || from < 0 || to < from) {
            throw f.errorAtKey("zoom", "zoom must be all, follow or a frame range A-B such as 0x20000-0x201ff, got '"
                    + Quote.of(z) + "'");
        }
        return new Tour.Zoom.Range(from, to);
    }
}
