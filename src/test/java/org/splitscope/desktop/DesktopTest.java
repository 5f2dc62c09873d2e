package org.splitscope.desktop;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line finds the app through ServiceLoader, without naming its class. */
class DesktopTest {
    @Test
    @DisplayName("META-INF/services registers the app's Desktop, and finding it starts no toolkit")
    void found() {
        assertThat(Desktop.find()).get().extracting(d -> d.getClass().getName()).isEqualTo("org.splitscope.ui.DesktopApp");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("JavaFX Application Thread"));
    }
}
