package org.splitscope.core.event;

/** Which kernel function a change_page_attr call came from (arch/x86/mm/pat/set_memory.c). */
public enum CpaKind {
    SET_MEMORY_4K("set_memory_4k"),
    SPLIT_NO_KEEP("change_page_attr (split, no keep-4K mark)"),
    INVALID_NOFLUSH("set_direct_map_invalid_noflush"),
    DEFAULT_NOFLUSH("set_direct_map_default_noflush"),
    VALID_NOFLUSH_RANGE("set_direct_map_valid_noflush"),
    COLLAPSE("collapse_large_pages");

    private final String function;

    CpaKind(String function) {
        this.function = function;
    }

    public String function() {
        return function;
    }
}
