package org.splitscope.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON text into {@link Node}s with positions, using Jackson's streaming parser. Only
 * plain data comes out: no tags, no types, no classes are ever instantiated from a scenario.
 */
final class NodeReader {
    /** Scenario text larger than this is refused before parsing. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;

    private NodeReader() {
    }

    static Node read(String file, String text, boolean json) throws ScenarioException {
        if (text.length() > MAX_CHARS) {
            throw new ScenarioException(file, 0, 0, "file is larger than 4 MiB");
        }
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 20).maxNumberLength(64).build());
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ScenarioException(file, 1, 1, "the file is empty");
            }
            Node root = readValue(file, p, 0);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new ScenarioException(file, loc.getLineNr(), loc.getColumnNr(),
                        "unexpected content after the end of the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            if (nl >= 0) {
                msg = msg.substring(0, nl);
            }
            throw new ScenarioException(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid " + (json ? "JSON" : "YAML") + ": " + (msg == null ? "syntax error" : msg.trim()));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some errors (bad indentation, tabs, aliases) as runtime exceptions
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = msg.indexOf('\n');
            throw new ScenarioException(file, 0, 0, "not valid " + (json ? "JSON" : "YAML") + ": "
                    + (nl >= 0 ? msg.substring(0, nl) : msg).trim());
        }
    }

    private static Node readValue(String file, JsonParser p, int depth) throws IOException, ScenarioException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new ScenarioException(file, line, col, "nested too deeply");
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
                        throw new ScenarioException(file, kl.getLineNr(), kl.getColumnNr(), "duplicate key '" + name + "'");
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
                return new Node.Scalar(p.getText(), Node.Scalar.Kind.STRING, line, col);
            case VALUE_NUMBER_INT:
                return new Node.Scalar(p.getText(), Node.Scalar.Kind.INTEGER, line, col);
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(p.getText(), Node.Scalar.Kind.FLOAT, line, col);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(p.getText(), Node.Scalar.Kind.BOOLEAN, line, col);
            case VALUE_NULL:
                return new Node.Scalar(null, Node.Scalar.Kind.NULL, line, col);
            default:
                throw new ScenarioException(file, line, col, "unexpected " + t);
        }
    }
}
