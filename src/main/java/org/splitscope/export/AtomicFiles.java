package org.splitscope.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writing a file so that readers see either the old one or the complete new one: the content goes
 * to a temporary file beside the target, which is then moved over it.
 *
 * <p>What issue 14 item 7 asks of it: a temporary file never outlives the JVM (those being written
 * are deleted by a shutdown hook, so Ctrl-C or SIGTERM during a long GIF leaves nothing behind);
 * replacing a file keeps its permissions (a 0600 file stays 0600; a new file is 0644); and a target
 * that cannot be written is refused before any work with the reason ("is a directory", "read-only
 * file system").
 *
 * <p>Threading: any thread; the set of files in progress is concurrent.
 */
public final class AtomicFiles {
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static volatile boolean hooked;

    private AtomicFiles() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Checks that {@code target} can be written (its folder exists and takes files, it is not a
     * folder), without creating anything; the IOException says why not.
     */
    public static void checkWritable(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IOException("is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("no such directory: " + dir);
        }
        FileStore store = Files.getFileStore(dir);
        if (store.isReadOnly()) {
            throw new IOException("read-only file system");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("permission denied: cannot create files in " + dir);
        }
    }

    public static void write(Path target, Content content) throws IOException {
        checkWritable(target);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        hook();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the file system of " + dir + " does not take new files", e);  // /proc, /sys
        }
        IN_PROGRESS.add(tmp);
        try {
            try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.write(os);
            }
            setPermissions(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            IN_PROGRESS.remove(tmp);
        }
    }

    /** The target's own permissions when it exists, else 0644 (createTempFile makes the file 0600). */
    private static void setPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = NEW_FILE;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            perms = Files.getPosixFilePermissions(target);
        }
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** Temporary files being written now (a test reads it). */
    static Set<Path> inProgress() {
        return Set.copyOf(IN_PROGRESS);
    }

    /** Deletes the temporary files being written: what the shutdown hook runs. */
    static void deleteInProgress() {
        for (Path p : IN_PROGRESS) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the JVM is exiting: nothing better to do than try the next one
            }
        }
    }

    private static void hook() {
        if (!hooked) {
            synchronized (AtomicFiles.class) {
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInProgress, "splitscope-tmp-cleanup"));
                    hooked = true;
                }
            }
        }
    }
}
