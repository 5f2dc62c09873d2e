package org.splitscope.core.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.splitscope.core.cost.CostConstants;
import org.splitscope.core.guest.GuestSpec;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.mem.MachineSpec;
import org.splitscope.core.workload.ProgramItem;

/**
 * Everything a run needs: the machine, the policy, the guests, the step list before expansion, the
 * seed and the cost constants. Immutable; {@link #withPolicy(Policy)} and {@link #withSeed(long)}
 * make the variants the command line and the app switch between.
 */
public record SimSpec(String name, MachineSpec machine, Policy policy, List<GuestSpec> guests,
                      List<ProgramItem> items, long seed, CostConstants costs) {
    public SimSpec {
        guests = List.copyOf(guests);
        items = List.copyOf(items);
        Set<Integer> seen = new HashSet<>();
        for (GuestSpec g : guests) {
            if (!seen.add(g.asid())) {
                throw new IllegalArgumentException("two guests declare asid " + g.asid());
            }
        }
    }

    public SimSpec withPolicy(Policy p) {
        return new SimSpec(name, machine, p, guests, items, seed, costs);
    }

    public SimSpec withSeed(long s) {
        return new SimSpec(name, machine, policy, guests, items, s, costs);
    }

    public SimSpec withItems(List<ProgramItem> newItems) {
        return new SimSpec(name, machine, policy, guests, newItems, seed, costs);
    }

    /** The same run on another kernel profile (R27): what the kernel picker and --kernel switch. */
    public SimSpec withKernel(org.splitscope.core.mem.KernelProfile k) {
        return withMachine(machine.withKernel(k));
    }

    public SimSpec withMachine(MachineSpec m) {
        return new SimSpec(name, m, policy, guests, items, seed, costs);
    }

    public SimSpec withCosts(CostConstants c) {
        return new SimSpec(name, machine, policy, guests, items, seed, c);
    }

    public GuestSpec guest(int asid) {
        for (GuestSpec g : guests) {
            if (g.asid() == asid) {
                return g;
            }
        }
        return null;
    }
}
