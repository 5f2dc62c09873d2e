package org.splitscope.core.history;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Snapshots of the simulated state at step boundaries, within a byte budget. Snapshots share the
 * arrays that did not change since the previous one, so a checkpoint costs what changed; the
 * spacing adapts to that cost: at each boundary past the last checkpoint, the next one is due once
 * the remaining budget, spent at the average cost so far, would just cover the remaining steps.
 * Step 0 (the machine as booted) is always kept.
 *
 * <p>Threading: confined to the timeline's thread.
 */
final class Checkpoints {
    static final long MIN_SPACING = 256;

    private final TreeMap<Long, Object[]> byStep = new TreeMap<>();
    private final Set<Object> held = Collections.newSetFromMap(new IdentityHashMap<>());
    private final long totalSteps;
    private final long stateBytes;
    private final long budget;
    private long bytes;
    private long firstBytes;
    private long lastStep = -1;

    Checkpoints(long totalSteps, long stateBytes, long budgetBytes) {
        this.totalSteps = totalSteps;
        this.stateBytes = stateBytes;
        this.budget = budgetBytes;
    }

    /** Steps between checkpoints if the rest of the run were checkpointed at the current average cost. */
    long spacing() {
        long remainingSteps = Math.max(1, totalSteps - Math.max(0, lastStep));
        long avg = byStep.size() > 1 ? Math.max(1, (bytes - firstBytes) / (byStep.size() - 1)) : stateBytes;
        long remainingBudget = budget - bytes;
        if (remainingBudget < avg) {
            return Long.MAX_VALUE;
        }
        long n = remainingBudget / avg;
        return Math.max(MIN_SPACING, (remainingSteps + n - 1) / n);
    }

    boolean due(long step) {
        if (step <= lastStep || byStep.containsKey(step)) {
            return false;
        }
        long s = spacing();
        return s != Long.MAX_VALUE && step - lastStep >= s;
    }

    /** The first step at which {@link #due} holds, as things stand (Long.MAX_VALUE once the budget is spent). */
    long nextDue() {
        long s = spacing();
        return s == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(lastStep, 0) + s;
    }

    void put(long step, Object[] snapshot) {
        long added = 0;
        for (Object a : snapshot) {
            if (held.add(a)) {
                added += sizeOf(a);
            }
        }
        if (byStep.isEmpty()) {
            firstBytes = added;
        }
        bytes += added;
        byStep.put(step, snapshot);
        lastStep = Math.max(lastStep, step);
    }

    private static long sizeOf(Object a) {
        return switch (a) {
            case long[] x -> x.length * 8L;
            case int[] x -> x.length * 4L;
            case short[] x -> x.length * 2L;
            case byte[] x -> x.length;
            default -> 0;
        };
    }

    /** The latest checkpoint at or before {@code step}. */
    Map.Entry<Long, Object[]> floor(long step) {
        return byStep.floorEntry(step);
    }

    int count() {
        return byStep.size();
    }

    long bytes() {
        return bytes;
    }
}
