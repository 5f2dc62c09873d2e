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

    /** Whether the key has a value: YAML's null, and the empty value of {@code steps:} alone, are none. */
    boolean has(String key) {
        Node n = map.values().get(key);
        return n != null && !(n instanceof Node.Scalar s && (s.kind() == Node.Scalar.Kind.NULL
                || s.kind() == Node.Scalar.Kind.STRING && s.text().isEmpty()));
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
        return integerIn(n, key, min, max);
    }

    long integer(String key, long min, long max, long dflt) throws ScenarioException {
        return has(key) ? integer(key, min, max) : dflt;
    }

    /** An integer of {@code n} in [min, max]; checked before any narrowing, so 4294967297 is not 1. */
    long integerIn(Node n, String what, long min, long max) throws ScenarioException {
        long v = integerOf(n, what);
        if (v < min || v > max) {
            throw error(n, what + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /**
     * An integer as YAML 1.1 writes one (decimal, 0x hex, 0b binary, leading-0 octal, underscores),
     * unquoted or quoted alike ({@link Numbers}); it must fit in 64 bits.
     */
    long integerOf(Node n, String what) throws ScenarioException {
        if (n instanceof Node.Scalar s && s.text() != null) {
            java.math.BigInteger v = switch (s.kind()) {
                case INTEGER -> s.integer();
                case STRING -> Numbers.integer(s.text());
                default -> null;
            };
            if (v != null && v.bitLength() <= 63) {
                return v.longValue();
            }
            if (v != null) {
                throw error(n, what + " is too large: " + Quote.of(s.text()) + " does not fit in 64 bits");
            }
        }
        throw error(n, what + " must be an integer (decimal, 0x hex, 0b binary or 0-prefixed octal)");
    }

    /**
     * A number in [min, max] ({@code 0.5}, {@code .5}, {@code 1}, {@code 0x1}); .inf and .nan are
     * not numbers here.
     */
    double number(String key, double min, double max, double dflt) throws ScenarioException {
        if (!has(key)) {
            return dflt;
        }
        Node n = get(key);
        BigDecimal v = null;
        if (n instanceof Node.Scalar s && s.text() != null && s.kind() != Node.Scalar.Kind.BOOLEAN) {
            v = s.kind() == Node.Scalar.Kind.INTEGER ? new BigDecimal(s.integer()) : Numbers.decimal(s.text());
        }
        String range = "a number from " + fmt(min) + " to " + fmt(max);
        if (v == null) {
            throw error(n, key + " must be " + range + (n instanceof Node.Scalar s && s.text() != null
                    ? ", got '" + Quote.of(s.text()) + "'" : ""));
        }
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error(n, key + " must be " + range + ", got " + Quote.of(((Node.Scalar) n).text()));
        }
        return v.doubleValue();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    boolean bool(String key, boolean dflt) throws ScenarioException {
        if (!has(key)) {
            return dflt;
        }
        Node n = get(key);
        if (n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw error(n, key + " must be true or false" + (n instanceof Node.Scalar s && s.text() != null
                ? ", got '" + Quote.of(s.text()) + "'" : ""));
    }

    /** A size with a unit: B, KiB, MiB, GiB, TiB (a bare integer is bytes); never negative. */
    long size(String key) throws ScenarioException {
        return sizeOf(require(key), key);
    }

    long sizeOf(Node n, String what) throws ScenarioException {
        if (!(n instanceof Node.Scalar s) || s.text() == null || s.kind() == Node.Scalar.Kind.BOOLEAN) {
            throw error(n, what + " must be a size such as 4GiB");
        }
        String t = s.text().strip();
        Long whole = s.kind() == Node.Scalar.Kind.INTEGER ? (Long) (s.integer().bitLength() <= 63
                ? s.integer().longValue() : null) : Numbers.longValue(t);
        if (whole != null || s.kind() == Node.Scalar.Kind.INTEGER) {
            if (whole == null) {
                throw error(n, what + " is too large: " + Quote.of(t) + " bytes does not fit in 64 bits");
            }
            if (whole < 0) {
                throw error(n, what + " must not be negative, got " + whole);
            }
            return whole;
        }
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == '_')) {
            i++;
        }
        String num = t.substring(0, i);
        String unit = t.substring(i).strip();
        long mult = switch (unit.toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw error(n, "unknown unit '" + Quote.of(unit) + "' in " + what + " (use B, KiB, MiB, GiB or TiB)");
        };
        BigDecimal v = num.isEmpty() ? null : Numbers.decimal(num);
        if (v == null) {
            throw error(n, what + " must start with a number, e.g. 4GiB, got '" + Quote.of(t) + "'");
        }
        BigDecimal bytes = v.multiply(BigDecimal.valueOf(mult));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw error(n, what + " is too large: " + Quote.of(t));
        }
        if (bytes.stripTrailingZeros().scale() > 0) {
            throw error(n, what + " is not a whole number of bytes: " + Quote.of(t));
        }
        return bytes.longValueExact();
    }

    /** A value that must be one of {@code allowed}, compared as written. */
    String choice(String key, String dflt, List<String> allowed) throws ScenarioException {
        if (!has(key)) {
            return dflt;
        }
        Node n = get(key);
        if (n instanceof Node.Scalar s && s.text() != null && allowed.contains(s.text().strip())) {
            return s.text().strip();
        }
        String got = n instanceof Node.Scalar s && s.text() != null ? "'" + Quote.of(s.text()) + "'" : "a "
                + (n instanceof Node.ListNode ? "list" : "mapping");
        throw error(n, key + " must be one of " + String.join(", ", allowed.stream().map(a -> '"' + a + '"').toList())
                + ", got " + got);
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

    /** An integer in [min, max], or a list of them. */
    List<Long> integers(String key, long min, long max) throws ScenarioException {
        Node n = require(key);
        List<Long> out = new ArrayList<>();
        if (n instanceof Node.ListNode l) {
            if (l.items().isEmpty()) {
                throw error(n, key + " must not be empty");
            }
            for (Node item : l.items()) {
                out.add(integerIn(item, key, min, max));
            }
        } else {
            out.add(integerIn(n, key, min, max));
        }
        return out;
    }
}
