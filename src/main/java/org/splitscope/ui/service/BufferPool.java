package org.splitscope.ui.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Pixel arrays for snapshots, reused once the view has applied a later snapshot (the heat map copies
 * the pixels it shows when it applies them), so play does not allocate a new map per frame.
 *
 * <p>Threading: simulation thread only; the serial the view applied last comes from {@code consumed},
 * which the service keeps in an atomic the FX thread writes.
 */
final class BufferPool {
    private final List<int[]> buffers = new ArrayList<>();
    private final List<Long> serials = new ArrayList<>();
    private final LongSupplier consumed;

    BufferPool(LongSupplier consumed) {
        this.consumed = consumed;
    }

    int[] take(long serial, int size) {
        long applied = consumed.getAsLong();
        for (int i = 0; i < buffers.size(); i++) {
            if (serials.get(i) < applied && buffers.get(i).length == size) {
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
