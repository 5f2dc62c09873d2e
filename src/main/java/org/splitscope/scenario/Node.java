package org.splitscope.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value that remembers where it came from, so that every error can name the
 * line and column. Built by {@link NodeReader} from Jackson's streaming parser.
 */
sealed interface Node {
    int line();

    int column();

    /** A mapping; {@code keys} holds where each key was written. */
    record MapNode(Map<String, Node> values, Map<String, int[]> keys, int line, int column) implements Node {
        public MapNode {
            values = new LinkedHashMap<>(values);
            keys = new LinkedHashMap<>(keys);
        }
    }

    record ListNode(List<Node> items, int line, int column) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar; {@code kind} says how the parser typed it; {@code integer} is the parser's value of
     * an INTEGER (YAML 1.1 forms included: 0x, 0b, leading-0 octal, underscores), else null.
     */
    record Scalar(String text, Kind kind, java.math.BigInteger integer, int line, int column) implements Node {
        enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }
    }
}
