package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Pixel arrays for snapshots, reused once the view has applied a later snapshot (the heat map copies
 * the pixels it shows when it applies them), so play does not allocate a new map per frame.
 *
 * <p>Threading: {@link #take} on the simulation thread; {@link #consumed} from the FX thread.
 */
final class BufferPool {
    private final List<int[]> buffers = new ArrayList<>();
    private final List<Long> serials = new ArrayList<>();
    private volatile long consumed = -1;

    void consumed(long serial) {
        consumed = Math.max(consumed, serial);
    }

    int[] take(long serial, int size) {
        for (int i = 0; i < buffers.size(); i++) {
            if (serials.get(i) < consumed && buffers.get(i).length == size) {
                serials.set(i, serial);
                return buffers.get(i);
            }
        }
        int[] b = new int[size];
        if (buffers.size() < 4) {
            buffers.add(b);
            serials.add(serial);
        } else {
            buffers.set(0, b);
            serials.set(0, serial);
        }
        return b;
    }
}
