package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.splitscope.core.kernel.Policy;
import org.splitscope.core.policy.Policies;
import org.splitscope.scenario.BuiltinScenarios;
import org.splitscope.scenario.Scenario;
import org.splitscope.scenario.ScenarioException;
import org.splitscope.scenario.TourLoader;
import org.splitscope.scenario.trace.BuiltinRecordings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code list}: the built-in scenarios and the policies, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in scenarios, the built-in recordings and the policies.")
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("scenarios:");
        for (String name : BuiltinScenarios.names()) {
            Scenario s = BuiltinScenarios.load(name);
            out.printf("  %-22s %s%n", name, s.title());
        }
        out.println("recordings (replay --trace NAME):");
        for (String name : BuiltinRecordings.names()) {
            out.printf("  %-22s %s%n", name, BuiltinRecordings.describe(name));
        }
        out.println("tours (export --tour NAME --out DIR; File > Open tour in the app):");
        for (String name : TourLoader.builtins()) {
            out.printf("  %-22s %s%n", name, TourLoader.load(name).title());
        }
        out.println("kernels (--kernel, the scenario's machine kernel:):");
        out.printf("  %-22s %s%n", "6.18", "mainline today: set_memory_4k marks keep-4K and flushes; flush_tlb_all by INVLPGB"
                + " [default]");
        out.printf("  %-22s %s%n", "6.8", "the seed thread's era: set_memory_4k flushes only its splits; flush_tlb_all by IPIs");
        out.println("policies:");
        for (Policy p : Policies.all()) {
            out.printf("  %-22s %s%s%n", p.id(), p.summary(),
                    p.id().equals(Policies.DEFAULT_ID) ? " [default]" : "");
        }
        return 0;
    }
}
