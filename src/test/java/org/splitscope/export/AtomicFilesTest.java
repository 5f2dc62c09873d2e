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
}
