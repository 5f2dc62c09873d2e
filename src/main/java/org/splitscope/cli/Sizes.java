package org.splitscope.cli;

import java.math.BigDecimal;
import java.util.Locale;
import org.splitscope.scenario.Numbers;
import org.splitscope.scenario.Quote;
import picocli.CommandLine.TypeConversionException;

/**
 * Sizes on the command line: 1536GiB, 160GiB, 512MiB (B, KiB, MiB, GiB, TiB; a bare integer is
 * bytes, written as scenario files write integers). Whole bytes, not negative, at most 2^63-1.
 */
final class Sizes {
    private Sizes() {
    }

    static long parse(String text) {
        String t = text.strip();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == '_')) {
            i++;
        }
        Long whole = Numbers.longValue(t);
        if (whole != null && whole >= 0) {
            return whole;
        }
        long mult = switch (t.substring(i).strip().toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw new TypeConversionException("'" + Quote.of(text) + "': unknown unit (use B, KiB, MiB, GiB or TiB)");
        };
        BigDecimal v = i == 0 ? null : Numbers.decimal(t.substring(0, i));
        if (v == null) {
            throw new TypeConversionException("'" + Quote.of(text) + "' is not a size such as 160GiB");
        }
        try {
            return v.multiply(BigDecimal.valueOf(mult)).longValueExact();
        } catch (ArithmeticException e) {
            throw new TypeConversionException("'" + Quote.of(text) + "' is not a whole number of bytes up to 2^63-1");
        }
    }
}
