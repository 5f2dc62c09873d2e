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
}
