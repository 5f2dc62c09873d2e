package org.splitscope.ui.service;

import java.util.List;

/**
 * What the message bar says when a run is installed: opened or re-run, under which policy and kernel,
 * for a host recording what its replay found, and the load's warnings (Scenario.warnings(): where an
 * imported direct map was taken to end, what a recording could live with), as the command line prints
 * them on stderr. Simulation thread only.
 */
final class RunMessages {
    private RunMessages() {
    }

    /** {@code opened} is "Opened " for a new run, null for a re-run at the same step. */
    static String installed(Session next, String opened) {
        String text = opened != null ? opened + next.scenario.id() + " under " + next.policy() + ", kernel "
                + next.kernel().id() : "Re-ran under " + next.policy() + ", kernel " + next.kernel().id() + " at step "
                + next.timeline.position().step();
        ReplayState r = next.replay;
        if (r != null) {
            int n = r.mismatches.size();
            text += (r.whatIf ? "; what-if against the host's trace: " : "; as the traced host: ") + n
                    + (n == 1 ? " mismatch" : " mismatches");
        }
        List<String> warnings = next.scenario.warnings();
        if (!warnings.isEmpty()) {
            text += ". Warning" + (warnings.size() == 1 ? ": " : "s: ") + String.join(" | ", warnings);
        }
        return text;
    }
}
