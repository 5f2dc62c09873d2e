package org.splitscope.core.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The RMP overflow map grows instead of failing (issue 14 item 1), and undo across a growth is exact. */
class JLongMapTest {
    private static long hash(Journal j) {
        long h = 17;
        for (JArray a : j.arrays()) {
            h = a.hash(h ^ a.name().hashCode());
        }
        return h;
    }

    @Test
    @DisplayName("issue 14.1: far more entries than the first capacity; undo to before the growth restores the small table")
    void growsAndUndoes() {
        Journal j = new Journal();
        JLongMap m = new JLongMap(j, "m", 16);
        j.setRecording(true);
        long start = j.position();
        long emptyHash = hash(j);
        for (long k = 0; k < 5_000; k++) {
            m.put(k * 7919, k);
        }
        assertThat(m.size()).isEqualTo(5_000);
        assertThat(m.capacity()).isGreaterThanOrEqualTo(5_000 * 4 / 3);
        for (long k = 0; k < 5_000; k++) {
            assertThat(m.get(k * 7919, -1)).isEqualTo(k);
        }
        long fullHash = hash(j);
        long full = j.position();
        for (long k = 0; k < 5_000; k += 2) {
            m.remove(k * 7919);
        }
        assertThat(m.size()).isEqualTo(2_500);
        assertThat(m.get(2 * 7919, -1)).isEqualTo(-1);
        assertThat(m.get(3 * 7919, -1)).isEqualTo(3);
        j.undoTo(full);
        assertThat(hash(j)).isEqualTo(fullHash);
        assertThat(m.get(2 * 7919, -1)).isEqualTo(2);
        j.undoTo(start);
        assertThat(m.capacity()).isEqualTo(16);
        assertThat(m.size()).isZero();
        assertThat(hash(j)).isEqualTo(emptyHash);
    }

    @Test
    @DisplayName("a snapshot taken before a growth restores the small table, one taken after it the large one")
    void snapshotsAcrossGrowth() {
        Journal j = new Journal();
        JLongMap m = new JLongMap(j, "m", 16);
        List<JArray> arrays = j.arrays();
        Object[] before = arrays.stream().map(JArray::snapshot).toArray();
        long hashBefore = hash(j);
        for (long k = 0; k < 100; k++) {
            m.put(k, k + 1);
        }
        Object[] after = arrays.stream().map(JArray::snapshot).toArray();
        long hashAfter = hash(j);
        for (int i = 0; i < arrays.size(); i++) {
            arrays.get(i).restoreSnapshot(before[i]);
        }
        assertThat(hash(j)).isEqualTo(hashBefore);
        assertThat(m.capacity()).isEqualTo(16);
        for (int i = 0; i < arrays.size(); i++) {
            arrays.get(i).restoreSnapshot(after[i]);
        }
        assertThat(hash(j)).isEqualTo(hashAfter);
        assertThat(m.get(99, -1)).isEqualTo(100);
    }

    @Property(tries = 60)
    @Label("any sequence of puts and removes agrees with a HashMap, and undo to any point restores it exactly")
    void agreesWithHashMap(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 300) Integer> ops,
                           @ForAll @IntRange(min = 0, max = 400) int undoAt) {
        Journal j = new Journal();
        JLongMap m = new JLongMap(j, "m", 4);
        j.setRecording(true);
        Map<Long, Long> model = new HashMap<>();
        long mark = j.position();
        long markHash = hash(j);
        Map<Long, Long> markModel = Map.copyOf(model);
        for (int i = 0; i < ops.size(); i++) {
            if (i == undoAt) {
                mark = j.position();
                markHash = hash(j);
                markModel = Map.copyOf(model);
            }
            long k = ops.get(i) / 2;
            if (ops.get(i) % 2 == 0) {
                m.put(k, i);
                model.put(k, (long) i);
            } else {
                m.remove(k);
                model.remove(k);
            }
        }
        check(m, model);
        j.undoTo(mark);
        assertThat(hash(j)).isEqualTo(markHash);
        check(m, markModel);
    }

    private static void check(JLongMap m, Map<Long, Long> model) {
        assertThat(m.size()).isEqualTo(model.size());
        for (long k = 0; k <= 150; k++) {
            assertThat(m.get(k, -1)).isEqualTo(model.getOrDefault(k, -1L));
        }
    }
}
