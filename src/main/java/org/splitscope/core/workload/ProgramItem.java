package org.splitscope.core.workload;

/** One entry of a scenario's step list before expansion: a hand-written step or a workload. */
public sealed interface ProgramItem {
    /** Caption shown for the item (a workload's caption applies to all its steps). */
    String caption();

    record Fixed(Step step) implements ProgramItem {
        public String caption() {
            return step.caption();
        }
    }

    record Generated(WorkloadSpec spec, String caption) implements ProgramItem {
    }

    /**
     * Steps given one by one from outside the scenario format (a replayed host recording). Their
     * frames are explicit, so guests need no placement of their own in RAM (see {@code MemoryPlan}).
     */
    record Recorded(RecordedSteps steps) implements ProgramItem {
        public String caption() {
            return null;
        }
    }
}
