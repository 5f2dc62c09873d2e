package org.splitscope.render;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What the heat map can show, toggled and combined. */
public enum Layer {
    DIRECT_MAP("directmap", "Direct map"),
    RMP("rmp", "RMP ownership"),
    TLB("tlb", "TLB conflicts"),
    FAULTS("faults", "Faults"),
    ACTIVITY("activity", "Recent activity");

    private final String id;
    private final String label;

    Layer(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static final Set<Layer> DEFAULT = EnumSet.of(DIRECT_MAP, RMP, TLB, FAULTS, ACTIVITY);

    /** "directmap,rmp,tlb,faults" into layers; unknown names are refused with the valid ones. */
    public static Set<Layer> parse(String list) {
        EnumSet<Layer> out = EnumSet.noneOf(Layer.class);
        for (String s : list.split(",")) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            Layer found = null;
            for (Layer l : values()) {
                if (l.id.equals(t)) {
                    found = l;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown layer '" + s.trim()
                        + "' (directmap, rmp, tlb, faults, activity)");
            }
            out.add(found);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no layers given");
        }
        return out;
    }
}
