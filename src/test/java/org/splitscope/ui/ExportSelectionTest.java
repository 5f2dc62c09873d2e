package org.splitscope.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's picture export (issue 13 item 5): the user's selection is not drawn unless asked. The same
 * state exported with a cell selected and nothing selected gives the same pixels; asking for the
 * selection outlines it.
 */
class ExportSelectionTest extends AppWindowTest {
    @Start
    void start(Stage stage) {
        open(stage, 1280, 780);
    }

    static int[] pixels(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    @DisplayName("export with a selection, not asked, equals export without one; asked, the selection is drawn")
    void selectionOnlyWhenAsked(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> nav().seek(5));
        robot.interact(() -> model.map().zoomTo(0x20000, 0x20200));
        robot.interact(() -> model.map().selectFrames(0x20100, 0x20101));
        assertThat(model.map().inspectorProperty().get()).isNotNull();
        Path notAsked = dir.resolve("not-asked.png");
        Path asked = dir.resolve("asked.png");
        Path none = dir.resolve("none.png");
        robot.interact(() -> model.export().heatMap(notAsked, 1200, 800, false));
        robot.interact(() -> model.export().heatMap(asked, 1200, 800, true));
        robot.interact(() -> model.map().selectFrames(-1, -1));
        robot.interact(() -> model.export().heatMap(none, 1200, 800, false));
        int[] a = pixels(notAsked);
        int[] b = pixels(none);
        int[] c = pixels(asked);
        assertThat(a).as("a selection not asked for is not drawn").isEqualTo(b);
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != c[i]) {
                differ++;
            }
        }
        assertThat(differ).as("asked for, the selection is outlined").isGreaterThan(20);
    }
}
