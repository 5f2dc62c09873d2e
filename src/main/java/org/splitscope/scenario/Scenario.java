package org.splitscope.scenario;

import java.util.List;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.mem.KernelProfile;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.policy.Policies;
import org.splitscope.core.sim.SimSpec;
import org.splitscope.core.workload.ProgramItem;

/**
 * A loaded, validated scenario file (format 1, SCENARIO.md).
 *
 * @param id          what users type: the built-in name or the file name without extension
 * @param title       the scenario's {@code name:} (its id when it has none)
 * @param description what it shows, or ""
 * @param source      the file it came from (a path, or "builtin:NAME")
 * @param policyId    the policy the file asks for
 * @param compare     the policies the file asks to compare side by side (extension {@code compare:}),
 *                    its own policy first; empty when it asks for none
 * @param warnings    things the user should know that did not stop the load, one line each (where an
 *                    imported direct map was taken to end): the CLI prints them on stderr, the app in
 *                    its message bar
 */
public record Scenario(String id, String title, String description, String source, MachineSpec machine, String policyId,
                       long seed, List<GuestSpec> guests, List<ProgramItem> items, List<String> compare,
                       List<String> warnings) {
    public Scenario {
        guests = List.copyOf(guests);
        items = List.copyOf(items);
        compare = List.copyOf(compare);
        warnings = List.copyOf(warnings);
    }

    public Scenario(String id, String title, String description, String source, MachineSpec machine, String policyId,
                    long seed, List<GuestSpec> guests, List<ProgramItem> items, List<String> compare) {
        this(id, title, description, source, machine, policyId, seed, guests, items, compare, List.of());
    }

    public Scenario(String id, String title, String description, String source, MachineSpec machine, String policyId,
                    long seed, List<GuestSpec> guests, List<ProgramItem> items) {
        this(id, title, description, source, machine, policyId, seed, guests, items, List.of());
    }

    /** The run spec under the scenario's own policy and seed. */
    public SimSpec toSpec() {
        return toSpec(null, null);
    }

    /** The run spec, with the command line's policy and seed overriding the file's when given. */
    public SimSpec toSpec(String policyOverride, Long seedOverride) {
        return toSpec(policyOverride, seedOverride, null);
    }

    /**
     * The run spec, with the command line's (or the app's picker's) policy, seed and kernel profile
     * (R27) overriding the file's when given.
     */
    public SimSpec toSpec(String policyOverride, Long seedOverride, KernelProfile kernelOverride) {
        Policy p = Policies.byId(policyOverride != null ? policyOverride : policyId);
        MachineSpec m = kernelOverride != null ? machine.withKernel(kernelOverride) : machine;
        return new SimSpec(id, m, p, guests, items, seedOverride != null ? seedOverride : seed, CostConstants.DEFAULT);
    }
}
