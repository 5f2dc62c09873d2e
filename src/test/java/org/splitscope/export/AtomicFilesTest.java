package org.splitscope.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @Test
    @DisplayName("writes the whole file, readable by others like any saved file")
    void writes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.png");
        AtomicFiles.write(f, out -> out.write(new byte[] {1, 2, 3}));
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    @DisplayName("a writer that fails halfway leaves the old file as it was and no temporary file")
    void failureKeepsOld(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.png");
        Files.write(f, new byte[] {9});
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(new byte[] {1, 2});
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(f)).containsExactly(9);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    @DisplayName("a missing directory is a clear error")
    void missingDir(@TempDir Path dir) {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("nope/a.png"), out -> { }))
                .hasMessageContaining("no such directory");
    }

    @Test
    @DisplayName("issue 14.7: overwriting a 0600 file keeps 0600")
    void keepsPermissions(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("private.png");
        Files.write(f, new byte[] {9});
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(f, out -> out.write(new byte[] {1}));
        assertThat(Files.readAllBytes(f)).containsExactly(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("issue 14.5: a folder as the target is refused before anything is written, with the reason")
    void folderTarget(@TempDir Path dir) throws IOException {
        Path d = Files.createDirectory(dir.resolve("d.png"));
        assertThatThrownBy(() -> AtomicFiles.write(d, out -> out.write(1))).hasMessage("is a directory");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(d);
        }
    }

    @Test
    @DisplayName("issue 14.7: the shutdown hook's work deletes a temporary file while it is being written")
    void shutdownDeletesTemporary(@TempDir Path dir) throws Exception {
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                AtomicFiles.write(dir.resolve("a.gif"), out -> {
                    out.write(new byte[4096]);
                    out.flush();
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("stopped");
                });
            } catch (IOException e) {
                // expected: the writer stops
            }
        });
        t.start();
        writing.await();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().startsWith(".a.gif.").endsWith(".tmp");
        }
        AtomicFiles.deleteInProgress();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        release.countDown();
        t.join();
        assertThat(AtomicFiles.inProgress()).isEmpty();
    }
}
