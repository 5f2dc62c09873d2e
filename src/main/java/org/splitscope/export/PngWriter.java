package org.splitscope.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes ARGB pixels as a PNG, atomically: to a temporary file beside the target, then moved into
 * place, so a crash or a full disk never leaves a half-written picture (and an existing file is
 * only replaced by a complete one).
 */
public final class PngWriter {
    private PngWriter() {
    }

    public static void write(int[] argb, int width, int height, Path out) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFiles.write(out, os -> {
            if (!ImageIO.write(img, "png", os)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Reads a PNG back into ARGB pixels (tests, and checking an export). */
    public static int[] read(Path in, int[] size) throws IOException {
        BufferedImage img = ImageIO.read(in.toFile());
        if (img == null) {
            throw new IOException(in + " is not a readable image");
        }
        size[0] = img.getWidth();
        size[1] = img.getHeight();
        return img.getRGB(0, 0, size[0], size[1], null, 0, size[0]);
    }
}
