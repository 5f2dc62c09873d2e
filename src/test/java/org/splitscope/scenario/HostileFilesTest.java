package org.splitscope.scenario;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Files a hostile user can name (issue 14 items 3, 5 and 6): only regular files, read within a cap,
 * checked as UTF-8 with the offset, and boot files only from the scenario's folder unless allowed.
 */
class HostileFilesTest {
    static void mkfifo(Path p) throws Exception {
        Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(pr.waitFor()).isZero();
    }

    static ScenarioException loadFails(Path p) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                ScenarioLoader.loadFile(p);
            } catch (ScenarioException e) {
                return e;
            }
            throw new AssertionError("loaded " + p);
        });
    }

    @Test
    @DisplayName("issue 14.3: a FIFO as the scenario or as its ptdump, and /dev/zero, are refused at once")
    void pipesAndDevices(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("s.yaml");
        mkfifo(fifo);
        assertThat(loadFails(fifo).getMessage()).isEqualTo(fifo + ": is not a regular file (a pipe, device or socket"
                + " cannot be a scenario)");
        assertThat(loadFails(Path.of("/dev/zero")).getMessage()).contains("is not a regular file");
        mkfifo(dir.resolve("pipe"));
        Files.writeString(dir.resolve("p.yaml"), "splitscope: 1\nmachine:\n  boot: ptdump:pipe\n");
        assertThat(loadFails(dir.resolve("p.yaml")).getMessage()).startsWith("p.yaml:3:9: cannot read ".replace("p.yaml",
                dir.resolve("p.yaml").toString())).endsWith("is not a regular file (a pipe, device or socket cannot be a"
                + " ptdump or meminfo)");
    }

    @Test
    @DisplayName("issue 14.3: a file over the cap is refused by what was read, not by what Files.size() says")
    void caps(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(5L << 20);                           // sparse: costs no disk
        }
        assertThat(loadFails(big).getMessage()).endsWith("is larger than 4 MiB, the most a scenario may be");
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("big.ptdump").toFile(), "rw")) {
            f.setLength(65L << 20);
        }
        Files.writeString(dir.resolve("b.yaml"), "splitscope: 1\nmachine:\n  boot: ptdump:big.ptdump\n");
        assertThat(loadFails(dir.resolve("b.yaml")).getMessage()).endsWith("is larger than 64 MiB, the most a ptdump or"
                + " meminfo may be");
    }

    @Test
    @DisplayName("issue 14.5: UTF-16, UTF-32 and invalid UTF-8 say 'not UTF-8' with the byte offset")
    void notUtf8(@TempDir Path dir) throws Exception {
        Path u16 = dir.resolve("u16.yaml");
        Files.write(u16, "splitscope: 1\n".getBytes(StandardCharsets.UTF_16));
        assertThat(loadFails(u16).reason()).isEqualTo("is not UTF-8 text: it starts with a UTF-16 byte-order mark (save"
                + " it as UTF-8)");
        Path u16le = dir.resolve("u16le.yaml");
        Files.write(u16le, "splitscope: 1\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(loadFails(u16le).reason()).contains("a NUL byte at byte offset 1");
        Path u32 = dir.resolve("u32.yaml");
        Files.write(u32, new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 's'});
        assertThat(loadFails(u32).reason()).contains("UTF-32 byte-order mark");
        Path latin1 = dir.resolve("l.yaml");
        Files.write(latin1, "splitscope: 1\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(loadFails(latin1).reason()).isEqualTo("is not UTF-8 text: byte 0xe9 at byte offset 23 cannot start or"
                + " continue a UTF-8 character (save the file as UTF-8)");
        Path bom = dir.resolve("bom.yaml");
        Files.write(bom, ("\uFEFFsplitscope: 1\nmachine: { ram: 1GiB }\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ScenarioLoader.loadFile(bom).machine().ramBytes()).isEqualTo(1L << 30);
        // the scenario itself is the file the user named: a symbolic link to it is followed
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), bom);
        assertThat(ScenarioLoader.loadFile(link).machine().ramBytes()).isEqualTo(1L << 30);
    }

    @Test
    @DisplayName("issue 14.6: a boot path may not be absolute, climb out with .., or link out, unless its folder is allowed")
    void bootPathsStayInside(@TempDir Path dir) throws Exception {
        Path scen = Files.createDirectories(dir.resolve("mail"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(ImportTest.DIR.resolve("epyc-64g.meminfo"), elsewhere.resolve("m.meminfo"));
        Files.copy(ImportTest.DIR.resolve("epyc-64g.meminfo"), scen.resolve("own.meminfo"));
        Files.writeString(scen.resolve("abs.yaml"), "splitscope: 1\nmachine:\n  boot: meminfo:" + elsewhere.resolve("m.meminfo") + "\n");
        Files.writeString(scen.resolve("up.yaml"), "splitscope: 1\nmachine:\n  boot: meminfo:../elsewhere/m.meminfo\n");
        Files.createSymbolicLink(scen.resolve("link.meminfo"), elsewhere.resolve("m.meminfo"));
        Files.writeString(scen.resolve("link.yaml"), "splitscope: 1\nmachine:\n  boot: meminfo:link.meminfo\n");
        Files.writeString(scen.resolve("own.yaml"), "splitscope: 1\nmachine:\n  boot: meminfo:./own.meminfo\n");
        for (String name : new String[] {"abs.yaml", "up.yaml", "link.yaml"}) {
            ScenarioException e = loadFails(scen.resolve(name));
            assertThat(e).as(name).isInstanceOf(ImportOutsideFolderException.class);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("outside the scenario's folder").contains("--allow-path");
            assertThat(((ImportOutsideFolderException) e).folder().toRealPath()).isEqualTo(elsewhere.toRealPath());
            // the app's flow: allow the folder the exception names, load again
            ReadPolicy allowed = ReadPolicy.SCENARIO_FOLDER.allow(((ImportOutsideFolderException) e).folder());
            assertThat(ScenarioLoader.loadFile(scen.resolve(name), allowed).machine().ramBytes()).as(name)
                    .isEqualTo(ScenarioLoader.loadFile(scen.resolve("own.yaml")).machine().ramBytes());
        }
        assertThat(ScenarioLoader.loadFile(scen.resolve("own.yaml")).warnings()).isEmpty();
    }

    @Test
    @DisplayName("issue 14.6: the first line of a file that is not a meminfo is never echoed")
    void noEcho(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("secret.meminfo"), "api_key=SECRET-TOKEN-123\nDirectMap4k: 4 kB\n");
        Files.writeString(dir.resolve("s.yaml"), "splitscope: 1\nmachine:\n  boot: meminfo:secret.meminfo\n");
        assertThat(loadFails(dir.resolve("s.yaml")).getMessage()).doesNotContain("SECRET").contains("secret.meminfo:1:1:"
                + " not a /proc/meminfo line");
    }

    @Test
    @DisplayName("issue 14.4/14.5: meminfo: an indented malformed line, a wrapping DirectMap1G, all zeros are one-line errors")
    void meminfo() {
        assertThatThrownBy(() -> MeminfoImporter.parse("m", "MemTotal: 5 kB\n  DirectMap2M: abc kB\n"))
                .hasMessage("m:2:1: not a /proc/meminfo line (Name: number kB): DirectMap2M: abc kB");
        assertThatThrownBy(() -> MeminfoImporter.parse("m", "MemTotal: 5 kB\nDirectMap1G: 18014398513676288 kB\n"))
                .hasMessage("m:2:1: DirectMap1G 18014398513676288 kB is more than the 16 TiB (17179869184 kB) a machine may"
                        + " have (R1)");
        assertThatThrownBy(() -> MeminfoImporter.parse("m", "DirectMap4k: 0 kB\nDirectMap2M: 0 kB\nDirectMap1G: 0 kB\n"))
                .hasMessage("m:3:1: no RAM: DirectMap4k, DirectMap2M and DirectMap1G add up to 0 kB");
    }
}
