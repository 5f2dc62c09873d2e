package org.splitscope.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into {@link Node}s with positions, using Jackson's streaming parser. Only
 * plain data comes out: no tags, no types, no classes are ever instantiated from a scenario, and
 * aliases are not expanded (an alias reads as its name).
 *
 * <p>Limits are this class's own and are reported like any other error, with line and column and
 * in SplitScope's words (issue 14 item 5): nesting deeper than {@value #MAX_DEPTH}, numbers longer
 * than {@value Numbers#MAX_DIGITS} characters, text over {@value #MAX_CHARS} characters. Jackson's
 * and SnakeYAML's own limits are set above these so that theirs never fire first.
 */
final class NodeReader {
    /** Scenario text larger than this is refused before parsing. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private NodeReader() {
    }

    private static JsonFactory factory(boolean json) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH * 4).maxStringLength(MAX_CHARS + 1).maxNameLength(MAX_CHARS + 1)
                .maxNumberLength(Numbers.MAX_DIGITS).build();
        JsonFactory f;
        if (json) {
            f = new JsonFactory();
        } else {
            LoaderOptions yaml = new LoaderOptions();
            yaml.setCodePointLimit(MAX_CHARS + 1);
            yaml.setNestingDepthLimit(MAX_DEPTH * 4);
            f = YAMLFactory.builder().loaderOptions(yaml).build();
        }
        f.setStreamReadConstraints(limits);
        return f;
    }

    static Node read(String file, String text, boolean json) throws ScenarioException {
        if (text.length() > MAX_CHARS) {
            throw new ScenarioException(file, 0, 0, "the file is larger than 4 MiB (" + text.length() + " characters)");
        }
        String format = json ? "JSON" : "YAML";
        JsonParser p = null;
        try {
            p = factory(json).createParser(text);
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ScenarioException(file, 1, 1, "the file is empty");
            }
            Node root = readValue(file, p, 0);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new ScenarioException(file, loc.getLineNr(), loc.getColumnNr(),
                        "unexpected content after the end of the document (one scenario per file)");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // the only limit left to Jackson is the number length (see factory())
            JsonLocation loc = p == null ? null : p.currentLocation();
            throw new ScenarioException(file, line(loc), column(loc),
                    "a number longer than " + Numbers.MAX_DIGITS + " characters");
        } catch (JsonProcessingException e) {
            throw syntaxError(file, format, e);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports a few errors as unchecked exceptions
            JsonLocation loc = p == null ? null : p.currentLocation();
            throw new ScenarioException(file, line(loc), column(loc), "not valid " + format + ": " + words(e.getMessage()));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over a String has nothing to release
                }
            }
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static int column(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getColumnNr());
    }

    /** A parser's complaint as one line at the position SnakeYAML or Jackson points to. */
    private static ScenarioException syntaxError(String file, String format, JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof MarkedYAMLException y) {
                Mark m = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
                String problem = y.getProblem() != null ? y.getProblem() : y.getContext();
                String context = y.getContext() != null && y.getProblem() != null ? " (" + words(y.getContext()) + ")" : "";
                return new ScenarioException(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                        "not valid " + format + ": " + words(problem) + context);
            }
        }
        JsonLocation loc = e.getLocation();
        return new ScenarioException(file, line(loc), column(loc), "not valid " + format + ": " + words(e.getOriginalMessage()));
    }

    /**
     * The first line of a parser message, without the names of Jackson's or SnakeYAML's classes and
     * with any quoted text cut to 80 characters.
     */
    static String words(String message) {
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl).strip();
        }
        if (m.contains("base64")) {
            return "a !!binary value cannot be read";
        }
        if (m.startsWith("Expected a field name")) {
            return "a key must be a single plain value";
        }
        if (m.contains("org.yaml.") || m.contains("com.fasterxml.") || m.contains("Exception")) {
            return "syntax error";
        }
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    private static Node readValue(String file, JsonParser p, int depth) throws IOException, ScenarioException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new ScenarioException(file, line, col, "nested more than " + MAX_DEPTH + " levels deep");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> values = new LinkedHashMap<>();
                Map<String, int[]> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String name = p.currentName();
                    if (values.containsKey(name)) {
                        throw new ScenarioException(file, kl.getLineNr(), kl.getColumnNr(), "duplicate key '"
                                + Quote.of(name) + "'");
                    }
                    p.nextToken();
                    values.put(name, readValue(file, p, depth + 1));
                    keys.put(name, new int[] {kl.getLineNr(), kl.getColumnNr()});
                }
                return new Node.MapNode(values, keys, line, col);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(file, p, depth + 1));
                }
                return new Node.ListNode(items, line, col);
            }
            case VALUE_STRING:
                return new Node.Scalar(p.getText(), Node.Scalar.Kind.STRING, null, line, col);
            case VALUE_NUMBER_INT: {
                BigInteger v = p.getBigIntegerValue();
                return new Node.Scalar(p.getText(), Node.Scalar.Kind.INTEGER, v, line, col);
            }
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(p.getText(), Node.Scalar.Kind.FLOAT, null, line, col);
            case VALUE_TRUE:
            case VALUE_FALSE:
                // YAML 1.1 also writes yes/no/on/off; the token says which
                return new Node.Scalar(Boolean.toString(t == JsonToken.VALUE_TRUE), Node.Scalar.Kind.BOOLEAN, null,
                        line, col);
            case VALUE_NULL:
                return new Node.Scalar(null, Node.Scalar.Kind.NULL, null, line, col);
            default:
                throw new ScenarioException(file, line, col, "a value SplitScope cannot read here (tags such as"
                        + " !!binary are not read; write plain values)");
        }
    }
}
