package org.splitscope.scenario.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The recordings shipped in {@code assets/recordings/} and packaged into the jar, listed by
 * {@code assets/recordings/index.txt} (one name per line). They are illustrations written in the
 * exact format, not captures from a real host; each opens by name wherever a recording directory
 * is taken.
 */
public final class BuiltinRecordings {
    static final String DIR = "/assets/recordings/";
    private static volatile List<String> names;

    private BuiltinRecordings() {
    }

    public static List<String> names() {
        List<String> n = names;
        if (n == null) {
            List<String> out = new ArrayList<>();
            try (InputStream in = BuiltinRecordings.class.getResourceAsStream(DIR + "index.txt")) {
                if (in == null) {
                    throw new IllegalStateException("the built-in recording index is missing from the build");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String s = line.strip();
                    if (!s.isEmpty() && !s.startsWith("#")) {
                        out.add(s);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the built-in recording index cannot be read", e);
            }
            names = n = List.copyOf(out);
        }
        return n;
    }

    /** What a built-in recording shows: the first comment line of its host.txt, without the '#'. */
    public static String describe(String name) {
        try (InputStream in = BuiltinRecordings.class.getResourceAsStream(DIR + name + "/" + HostFile.NAME)) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#")) {
                        return line.substring(1).strip();
                    }
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
