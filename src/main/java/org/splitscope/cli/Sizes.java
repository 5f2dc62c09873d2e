package org.splitscope.cli;

import java.util.Locale;

/** Sizes on the command line: 1536GiB, 160GiB, 512MiB (B, KiB, MiB, GiB, TiB; a bare number is bytes). */
final class Sizes {
    private Sizes() {
    }

    static long parse(String option, String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        long mult = switch (t.substring(i).trim().toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw new UserError(option + " " + text + ": unknown unit (use B, KiB, MiB, GiB or TiB)");
        };
        try {
            return new java.math.BigDecimal(t.substring(0, i)).multiply(java.math.BigDecimal.valueOf(mult)).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UserError(option + " " + text + ": not a size");
        }
    }
}
