package org.splitscope.core.event;

/**
 * Receives events as the simulation emits them, on the simulation thread. The simulation checks
 * {@link #wants()} before building an event record, so a sink that only counts costs nothing.
 */
public interface EventSink {
    void accept(SimEvent event);

    /** Whether event records should be built at all. */
    default boolean wants() {
        return true;
    }

    /** The kinds whose records should be built, as a mask of {@link EventKind#bit()}; others are only counted. */
    default int kindMask() {
        return -1;
    }

    /** A sink that builds nothing. */
    EventSink NONE = new EventSink() {
        @Override
        public void accept(SimEvent event) {
        }

        @Override
        public boolean wants() {
            return false;
        }
    };
}
