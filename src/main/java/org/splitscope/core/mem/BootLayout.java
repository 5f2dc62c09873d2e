package org.splitscope.core.mem;

import java.util.List;

/**
 * How the direct map looks at boot (DOMAIN.md R5).
 *
 * <ul>
 *   <li>{@link Default}: like a real x86-64 boot (arch/x86/mm/init.c split_mem_range): the first
 *       2M as 4K entries, the rest of the first 1G as 2M entries, each later whole 1G of RAM as a
 *       1G entry when gbpages is on, and anything not a whole 1G (a tail, or a 1G with a hole in
 *       it) as 2M entries; a 2M region only partly RAM is mapped with 4K entries.</li>
 *   <li>{@link All2M}: every whole 2M region of RAM as a 2M entry.</li>
 *   <li>{@link All4K}: every RAM frame as a 4K entry.</li>
 *   <li>{@link Imported}: explicit leaves, from a ptdump or a meminfo (package scenario).</li>
 * </ul>
 */
public sealed interface BootLayout {
    String id();

    record Default() implements BootLayout {
        @Override
        public String id() {
            return "default";
        }
    }

    record All2M() implements BootLayout {
        @Override
        public String id() {
            return "all-2m";
        }
    }

    record All4K() implements BootLayout {
        @Override
        public String id() {
            return "all-4k";
        }
    }

    /**
     * Leaves listed by the importer, lowest address first; frames no leaf covers are holes.
     * A leaf of size S starts on an S-aligned frame.
     */
    record Imported(String source, List<Leaf> leaves) implements BootLayout {
        public Imported {
            leaves = List.copyOf(leaves);
        }

        @Override
        public String id() {
            return source;
        }

        /** One mapped leaf run: {@code count} consecutive leaves of {@code size} from {@code start}. */
        public record Leaf(long start, PageSize size, long count) {
            public long end() {
                return start + size.frames() * count;
            }
        }

        /** One past the last frame any leaf covers. */
        public long endPfn() {
            return leaves.isEmpty() ? 0 : leaves.get(leaves.size() - 1).end();
        }
    }

    static BootLayout parseSimple(String id) {
        return switch (id) {
            case "default" -> new Default();
            case "all-2m" -> new All2M();
            case "all-4k" -> new All4K();
            default -> throw new IllegalArgumentException(
                    "unknown boot layout '" + id + "' (default, all-2m, all-4k, ptdump:<file>, meminfo:<file>)");
        };
    }
}
