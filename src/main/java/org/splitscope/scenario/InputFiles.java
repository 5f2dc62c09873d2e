package org.splitscope.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading the files a user names (issue 14 items 3 and 5): only regular files (a FIFO or a device
 * such as {@code /dev/zero} would block or never end), never more than a cap (counted while
 * reading, since {@code Files.size()} says 0 for {@code /proc} files and a file may grow), and
 * text checked as UTF-8 with the byte offset of the first byte that is not.
 *
 * <p>A file is opened after it was checked to be a regular file: one that is swapped for a FIFO in
 * between could still block the open (an accepted race; it needs write access to the folder).
 */
final class InputFiles {
    /** A scenario file's cap. */
    static final int MAX_SCENARIO_BYTES = NodeReader.MAX_CHARS;
    /** A ptdump or meminfo file's cap (a boot log with a 1 TiB host's dump is a few MiB). */
    static final int MAX_IMPORT_BYTES = 64 * 1024 * 1024;

    private InputFiles() {
    }

    /** A problem reading a file, already in words: the caller adds the file's name and place. */
    static class Refused extends IOException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** A file outside the folders a scenario may read ({@link ReadPolicy}); {@link #folder()} would allow it. */
    static final class Outside extends Refused {
        private final transient Path folder;

        Outside(String reason, Path folder) {
            super(reason);
            this.folder = folder;
        }

        Path folder() {
            return folder;
        }
    }

    /**
     * The UTF-8 text of a scenario-sized file ({@code what}: "a scenario", "a tour"), or a
     * {@link ScenarioException} naming the file and the cause.
     */
    static String text(Path file, String what) throws ScenarioException {
        try {
            return utf8(readRegular(file, MAX_SCENARIO_BYTES, what));
        } catch (Refused e) {
            throw new ScenarioException(file.toString(), 0, 0, e.getMessage());
        }
    }

    /** The bytes of a regular file, at most {@code max} of them ({@code what} names the cap in messages). */
    static byte[] readRegular(Path file, int max, String what) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new Refused(IoReasons.of(e));
        }
        if (a.isDirectory()) {
            throw new Refused("is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new Refused("is not a regular file (a pipe, device or socket cannot be " + what + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) {
                throw new Refused("is larger than " + (max >> 20) + " MiB, the most " + what + " may be");
            }
            return b;
        } catch (Refused r) {
            throw r;
        } catch (IOException e) {
            throw new Refused(IoReasons.of(e));
        }
    }

    /** Strict UTF-8 (a UTF-8 byte-order mark is skipped); the reason names the first offending byte. */
    static String utf8(byte[] b) throws Refused {
        String wide = wideText(b);
        if (wide != null) {
            throw new Refused("is not UTF-8 text: " + wide);
        }
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer out = CharBuffer.allocate(b.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new Refused("is not UTF-8 text: byte 0x" + String.format("%02x", b[at] & 0xff) + " at byte offset "
                    + at + " cannot start or continue a UTF-8 character (save the file as UTF-8)");
        }
        try {
            r = d.flush(out);
            if (r.isError()) {
                r.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new Refused("is not UTF-8 text: it ends inside a character");
        }
        out.flip();
        return out.toString();
    }

    /**
     * Text of an import (ptdump, boot log, meminfo). These are ASCII; other bytes are kept as
     * ISO-8859-1 characters (a log line with a stray byte stays readable), but UTF-16/32 and binary
     * files are refused at once with the offset of what gave them away.
     */
    static String importText(byte[] b) throws Refused {
        String wide = wideText(b);
        if (wide != null) {
            throw new Refused("is not a text file: " + wide);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Why {@code b} is UTF-16, UTF-32 or binary (its byte-order mark, or its first NUL byte), or null. */
    private static String wideText(byte[] b) {
        if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF)
                || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0))) {
            return "it starts with a UTF-32 byte-order mark (save it as UTF-8)";
        }
        if (b.length >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)
                || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE))) {
            return "it starts with a UTF-16 byte-order mark (save it as UTF-8)";
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return "a NUL byte at byte offset " + i + " (UTF-16 or UTF-32 text, or not text at all)";
            }
        }
        return null;
    }
}
