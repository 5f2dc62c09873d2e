package org.splitscope.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.scenario.Numbers;
import org.splitscope.scenario.Quote;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked where picocli parses them (issue 14 item 2), so that a bad value is one
 * line naming the option ("Invalid value for option '--until-step': ...") before anything runs.
 * Integers are read as scenario files read them ({@link Numbers}: decimal, 0x hex, underscores).
 */
final class Converters {
    private Converters() {
    }

    static long integer(String text) {
        Long v = Numbers.longValue(text);
        if (v == null) {
            throw new TypeConversionException("'" + Quote.of(text) + "' is not an integer (decimal or 0x hex, up to 2^63-1)");
        }
        return v;
    }

    static long inRange(String text, long min, long max) {
        long v = integer(text);
        if (v < min || v > max) {
            throw new TypeConversionException(max == Long.MAX_VALUE ? "must be " + min + " or more, got " + v
                    : "must be from " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    /** Any 64-bit integer (registered for every long and Long option). */
    static final class LongValue implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return integer(value);
        }
    }

    /** Any 32-bit integer (registered for every int and Integer option). */
    static final class IntValue implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    /** A finite number; NaN and Infinity are not (registered for every double option). */
    static final class DoubleValue implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            BigDecimal v = Numbers.decimal(value);
            if (v == null || Double.isInfinite(v.doubleValue())) {
                throw new TypeConversionException("'" + Quote.of(value) + "' is not a finite number");
            }
            return v.doubleValue();
        }
    }

    /** A step number, 0 or more. */
    static final class Step implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return inRange(value, 0, Long.MAX_VALUE);
        }
    }

    /** 1 or more. */
    static final class Positive implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return inRange(value, 1, Long.MAX_VALUE);
        }
    }

    /** A picture's width or height in pixels. */
    static final class Pixels implements ITypeConverter<Integer> {
        static final int MAX = 8192;

        @Override
        public Integer convert(String value) {
            return (int) inRange(value, 1, MAX);
        }
    }

    /** A kernel profile id (DOMAIN R27). */
    static final class Kernel implements ITypeConverter<KernelProfile> {
        @Override
        public KernelProfile convert(String value) {
            for (KernelProfile k : KernelProfile.values()) {
                if (k.id().equals(value.strip())) {
                    return k;
                }
            }
            throw new TypeConversionException("'" + Quote.of(value) + "' is not a kernel profile (one of: "
                    + KernelProfile.ids() + ")");
        }
    }

    /** A folder that exists ({@code --allow-path}). */
    static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p;
            try {
                p = Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("'" + Quote.of(value) + "' is not a valid path");
            }
            if (!Files.isDirectory(p)) {
                throw new TypeConversionException(Quote.of(value) + " is not a folder");
            }
            return p.toAbsolutePath().normalize();
        }
    }

    /** A size: 1536GiB, 160GiB, 512MiB. */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Sizes.parse(value);
        }
    }
}
