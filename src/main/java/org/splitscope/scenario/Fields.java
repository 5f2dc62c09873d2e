package org.splitscope.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed access to one mapping of a scenario, with errors that name the file, line, column and
 * cause. Every key must be one the caller allows: unknown keys are errors, never ignored.
 */
final class Fields {
    private final String file;
    private final Node.MapNode map;
    private final String where;

    Fields(String file, Node node, String where) throws ScenarioException {
        this.file = file;
        this.where = where;
        if (!(node instanceof Node.MapNode m)) {
            throw new ScenarioException(file, node.line(), node.column(), where + " must be a mapping (key: value)");
        }
        this.map = m;
    }

    String file() {
        return file;
    }

    Node node() {
        return map;
    }

    /** Fails on the first key not in {@code allowed}. */
    void allow(String... allowed) throws ScenarioException {
        Set<String> ok = new HashSet<>(Arrays.asList(allowed));
        for (var e : map.keys().entrySet()) {
            if (!ok.contains(e.getKey())) {
                int[] at = e.getValue();
                throw new ScenarioException(file, at[0], at[1], "unknown key '" + e.getKey() + "' in " + where
                        + " (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    boolean has(String key) {
        Node n = map.values().get(key);
        return n != null && !(n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NULL);
    }

    Node get(String key) {
        return map.values().get(key);
    }

    ScenarioException error(Node n, String cause) {
        return new ScenarioException(file, n.line(), n.column(), cause);
    }

    ScenarioException missing(String key) {
        return new ScenarioException(file, map.line(), map.column(), where + " needs '" + key + "'");
    }

    ScenarioException errorAtKey(String key, String cause) {
        int[] at = map.keys().get(key);
        return at == null ? new ScenarioException(file, map.line(), map.column(), cause)
                : new ScenarioException(file, at[0], at[1], cause);
    }

    Node require(String key) throws ScenarioException {
        if (!has(key)) {
            throw missing(key);
        }
        return get(key);
    }

    String text(String key) throws ScenarioException {
        Node n = require(key);
        if (n instanceof Node.Scalar s && s.text() != null) {
            return s.text();
        }
        throw error(n, key + " must be a single value");
    }

    String text(String key, String dflt) throws ScenarioException {
        return has(key) ? text(key) : dflt;
    }

    long integer(String key, long min, long max) throws ScenarioException {
        Node n = require(key);
        long v = integerOf(n, key);
        if (v < min || v > max) {
            throw error(n, key + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    long integer(String key, long min, long max, long dflt) throws ScenarioException {
        return has(key) ? integer(key, min, max) : dflt;
    }

    long integerOf(Node n, String what) throws ScenarioException {
        if (n instanceof Node.Scalar s && s.text() != null) {
            String t = s.text().trim().replace("_", "");
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    return Long.parseLong(t.substring(2), 16);
                }
                if (s.kind() == Node.Scalar.Kind.INTEGER || s.kind() == Node.Scalar.Kind.STRING) {
                    return Long.parseLong(t);
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw error(n, what + " must be an integer (decimal or 0x hex)");
    }

    double number(String key, double min, double max, double dflt) throws ScenarioException {
        if (!has(key)) {
            return dflt;
        }
        Node n = get(key);
        if (n instanceof Node.Scalar s && (s.kind() == Node.Scalar.Kind.INTEGER || s.kind() == Node.Scalar.Kind.FLOAT)) {
            double v = Double.parseDouble(s.text());
            if (!(v >= min && v <= max)) {
                throw error(n, key + " must be between " + min + " and " + max + ", got " + s.text());
            }
            return v;
        }
        throw error(n, key + " must be a number");
    }

    boolean bool(String key, boolean dflt) throws ScenarioException {
        if (!has(key)) {
            return dflt;
        }
        Node n = get(key);
        if (n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw error(n, key + " must be true or false");
    }

    /** A size with a unit: B, KiB, MiB, GiB, TiB (a bare integer is bytes). */
    long size(String key) throws ScenarioException {
        return sizeOf(require(key), key);
    }

    long sizeOf(Node n, String what) throws ScenarioException {
        if (!(n instanceof Node.Scalar s) || s.text() == null) {
            throw error(n, what + " must be a size such as 4GiB");
        }
        String t = s.text().trim();
        if (s.kind() == Node.Scalar.Kind.INTEGER) {
            return integerOf(n, what);
        }
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        String num = t.substring(0, i);
        String unit = t.substring(i).trim();
        long mult = switch (unit.toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw error(n, "unknown unit '" + unit + "' in " + what + " (use B, KiB, MiB, GiB or TiB)");
        };
        if (num.isEmpty()) {
            throw error(n, what + " must start with a number, e.g. 4GiB");
        }
        try {
            BigDecimal v = new BigDecimal(num).multiply(BigDecimal.valueOf(mult));
            if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || v.stripTrailingZeros().scale() > 0) {
                throw error(n, what + " is not a whole number of bytes: " + t);
            }
            return v.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(n, what + " is not a size: " + t);
        }
    }

    List<Node> list(String key) throws ScenarioException {
        if (!has(key)) {
            return List.of();
        }
        Node n = get(key);
        if (n instanceof Node.ListNode l) {
            return l.items();
        }
        throw error(n, key + " must be a list");
    }

    /** An integer or a list of integers. */
    List<Long> integers(String key) throws ScenarioException {
        Node n = require(key);
        List<Long> out = new ArrayList<>();
        if (n instanceof Node.ListNode l) {
            if (l.items().isEmpty()) {
                throw error(n, key + " must not be empty");
            }
            for (Node item : l.items()) {
                out.add(integerOf(item, key));
            }
        } else {
            out.add(integerOf(n, key));
        }
        return out;
    }
}
