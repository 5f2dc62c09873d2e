package org.splitscope.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios shipped in {@code assets/scenarios/} and packaged into the jar, listed by
 * {@code assets/scenarios/index.txt} (one name per line, in the order the app offers them).
 */
public final class BuiltinScenarios {
    private static final String DIR = "/assets/scenarios/";
    private static volatile List<String> names;

    private BuiltinScenarios() {
    }

    public static List<String> names() {
        List<String> n = names;
        if (n == null) {
            List<String> out = new ArrayList<>();
            try {
                for (String line : ScenarioLoader.resource(DIR + "index.txt").split("\n")) {
                    String s = line.strip();
                    if (!s.isEmpty() && !s.startsWith("#")) {
                        out.add(s);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the built-in scenario index is missing from the build", e);
            }
            names = n = List.copyOf(out);
        }
        return n;
    }

    public static Scenario load(String name) throws ScenarioException {
        if (!names().contains(name)) {
            throw new ScenarioException(name, 0, 0, "no such built-in scenario (built-ins: "
                    + String.join(", ", names()) + ")");
        }
        String label = "builtin:" + name;
        String text;
        try {
            text = ScenarioLoader.resource(DIR + name + ".yaml");
        } catch (IOException e) {
            throw new ScenarioException(label, 0, 0, "missing from the build");
        }
        ScenarioLoader.ImportSource imports = new ScenarioLoader.ImportSource() {
            @Override
            public String read(String relative) throws IOException {
                if (relative.contains("..")) {
                    throw new IOException("built-in imports stay inside assets/scenarios");
                }
                return ScenarioLoader.resource(DIR + relative);
            }

            @Override
            public String label(String relative) {
                return "builtin:" + relative;
            }
        };
        return ScenarioLoader.parse(label, text, false, name, imports);
    }
}
