package org.splitscope.scenario.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where the files of a recording come from: a directory the user names, or a built-in recording
 * packaged in the jar under {@code /assets/recordings/NAME/}. Only regular files are read (a FIFO or
 * a device would block or never end); small files are read whole with a cap, trace.txt is streamed.
 *
 * <p>Immutable; any thread may open files.
 */
abstract class RecordingFiles {
    static final String TRACE = "trace.txt";
    /** Cap of every file but trace.txt (a 1 TiB host's ptdump is a few MiB). */
    static final int MAX_SMALL = 64 * 1024 * 1024;

    /** Opens a file of the recording; NoSuchFileException when it has none. */
    abstract InputStream open(String name) throws IOException;

    abstract boolean exists(String name);

    /** Bytes in the file, or -1 when unknown. */
    abstract long size(String name);

    /** The name errors give for the file (its path). */
    abstract String label(String name);

    /** A small file's bytes, at most {@link #MAX_SMALL}. */
    byte[] readSmall(String name) throws IOException {
        try (InputStream in = open(name)) {
            byte[] b = in.readNBytes(MAX_SMALL + 1);
            if (b.length > MAX_SMALL) {
                throw new IOException("larger than " + (MAX_SMALL >> 20) + " MiB");
            }
            return b;
        }
    }

    static RecordingFiles directory(Path dir) {
        return new Dir(dir);
    }

    static RecordingFiles builtin(String name) {
        return new Builtin(name);
    }

    private static final class Dir extends RecordingFiles {
        private final Path dir;

        Dir(Path dir) {
            this.dir = dir;
        }

        @Override
        InputStream open(String name) throws IOException {
            Path p = dir.resolve(name);
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isDirectory()) {
                throw new IOException("is a directory, not a file");
            }
            if (!a.isRegularFile()) {
                throw new IOException("is not a regular file (a pipe, device or socket cannot be read)");
            }
            return Files.newInputStream(p);                  // a link is followed: the user named this directory
        }

        @Override
        boolean exists(String name) {
            return Files.exists(dir.resolve(name));
        }

        @Override
        long size(String name) {
            try {
                return Files.size(dir.resolve(name));
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        String label(String name) {
            return dir.resolve(name).toString();
        }
    }

    private static final class Builtin extends RecordingFiles {
        private final String base;
        private final String name;

        Builtin(String name) {
            this.name = name;
            this.base = BuiltinRecordings.DIR + name + "/";
        }

        @Override
        InputStream open(String file) throws IOException {
            InputStream in = RecordingFiles.class.getResourceAsStream(base + file);
            if (in == null) {
                throw new NoSuchFileException(label(file));
            }
            return in;
        }

        @Override
        boolean exists(String file) {
            return RecordingFiles.class.getResource(base + file) != null;
        }

        @Override
        long size(String file) {
            return -1;
        }

        @Override
        String label(String file) {
            return "builtin:" + name + "/" + file;
        }
    }
}
