package org.splitscope.scenario;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in words a user can act on (issue 14 item 5: "read-only file
 * system", "is a directory", not just a path). The JDK puts the operating system's reason in
 * {@link FileSystemException#getReason()} and only the file name in the message of its subclasses.
 */
public final class IoReasons {
    private IoReasons() {
    }

    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lower(f.getReason());
        }
        if (e instanceof FileSystemException) {
            return "the file system refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT)
                : lower(e.getMessage());
    }

    private static String lower(String s) {
        String t = s.strip();
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}
