package org.splitscope.export;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF (looping, one delay for every frame) with the JDK's GIF writer, frame by
 * frame so that a long animation never holds all its frames in memory, atomically. A frame of at
 * most 256 colours is written with exactly those colours; otherwise {@link #reduced} keeps its 256
 * most frequent colours exactly (the heat map's colours, which cover most pixels) and maps every
 * other pixel (the anti-aliased edges of text) to the nearest of them, deterministically.
 */
public final class GifWriter {
    private GifWriter() {
    }

    /** Gives frame {@code i} as ARGB pixels of the animation's size. */
    @FunctionalInterface
    public interface Frames {
        int[] frame(int i) throws IOException;
    }

    public static void write(Path out, int width, int height, int frameCount, int delayMs, Frames frames)
            throws IOException {
        if (frameCount < 1) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("no GIF writer available");
        }
        ImageWriter writer = it.next();
        AtomicFiles.write(out, os -> {
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frameCount; i++) {
                    int[] argb = frames.frame(i);
                    if (argb.length != width * height) {
                        throw new IllegalArgumentException("frame " + i + " is not " + width + "x" + height);
                    }
                    BufferedImage img = image(argb, width, height);
                    writer.writeToSequence(new IIOImage(img, null, metadata(writer, img, delayMs, i == 0)), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * The frame as the GIF holds it: unchanged when it has at most 256 colours; else its 256 most
     * frequent colours (ties by colour value) kept and every other pixel mapped to the nearest of them
     * (squared RGB distance, ties to the more frequent).
     */
    public static int[] reduced(int[] argb) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (int p : argb) {
            counts.computeIfAbsent(p | 0xFF000000, k -> new int[1])[0]++;
        }
        if (counts.size() <= 256) {
            return argb;
        }
        List<Map.Entry<Integer, int[]>> byFreq = new ArrayList<>(counts.entrySet());
        byFreq.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : Integer.compare(a.getKey(), b.getKey()));
        int[] keep = new int[256];
        for (int i = 0; i < 256; i++) {
            keep[i] = byFreq.get(i).getKey();
        }
        Map<Integer, Integer> nearest = new HashMap<>();
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i] | 0xFF000000;
            out[i] = nearest.computeIfAbsent(c, k -> closest(k, keep));
        }
        return out;
    }

    private static int closest(int c, int[] palette) {
        int best = palette[0];
        long bestD = Long.MAX_VALUE;
        for (int p : palette) {
            int dr = ((c >>> 16) & 0xFF) - ((p >>> 16) & 0xFF);
            int dg = ((c >>> 8) & 0xFF) - ((p >>> 8) & 0xFF);
            int db = (c & 0xFF) - (p & 0xFF);
            long d = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    /** An indexed image of the frame's colours after {@link #reduced}. */
    static BufferedImage image(int[] frame, int width, int height) {
        int[] argb = reduced(frame);
        Map<Integer, Integer> index = new HashMap<>();
        byte[] idx = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i] & 0xFFFFFF;
            Integer k = index.get(c);
            if (k == null) {
                k = index.size();
                index.put(c, k);
            }
            idx[i] = (byte) (int) k;
        }
        int n = Math.max(2, index.size());
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (Map.Entry<Integer, Integer> e : index.entrySet()) {
            int c = e.getKey();
            r[e.getValue()] = (byte) (c >>> 16);
            g[e.getValue()] = (byte) (c >>> 8);
            b[e.getValue()] = (byte) c;
        }
        int bits = 1;
        while ((1 << bits) < n) {
            bits++;
        }
        IndexColorModel cm = new IndexColorModel(bits, n, r, g, b);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, cm);
        img.getRaster().setDataElements(0, 0, width, height, idx);
        return img;
    }

    private static IIOMetadata metadata(ImageWriter writer, BufferedImage img, int delayMs, boolean first)
            throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, delayMs / 10)));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});          // loop forever
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** Frames and size of a GIF (tests, and checking an export). */
    public static int[] frameCountAndSize(Path in) throws IOException {
        Iterator<javax.imageio.ImageReader> it = ImageIO.getImageReadersByFormatName("gif");
        javax.imageio.ImageReader reader = it.next();
        try (javax.imageio.stream.ImageInputStream iis = ImageIO.createImageInputStream(in.toFile())) {
            reader.setInput(iis, false);
            int n = reader.getNumImages(true);
            return new int[] {n, reader.getWidth(0), reader.getHeight(0)};
        } finally {
            reader.dispose();
        }
    }
}
