package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** Recently opened scenario files, most recent first (at most {@link #MAX}). FX thread only. */
public interface RecentFiles {
    int MAX = 8;

    List<String> list();

    void add(String path);

    /** Kept in the user's java.util.prefs (the app). */
    static RecentFiles preferences() {
        Preferences p = Preferences.userRoot().node("org/splitscope/recent");
        return new RecentFiles() {
            @Override
            public List<String> list() {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < MAX; i++) {
                    String v = p.get("file" + i, null);
                    if (v != null) {
                        out.add(v);
                    }
                }
                return out;
            }

            @Override
            public void add(String path) {
                List<String> l = list();
                l.remove(path);
                l.add(0, path);
                for (int i = 0; i < MAX; i++) {
                    if (i < l.size()) {
                        p.put("file" + i, l.get(i));
                    } else {
                        p.remove("file" + i);
                    }
                }
            }
        };
    }

    /** Kept in memory (tests). */
    static RecentFiles inMemory() {
        List<String> l = new ArrayList<>();
        return new RecentFiles() {
            @Override
            public List<String> list() {
                return List.copyOf(l);
            }

            @Override
            public void add(String path) {
                l.remove(path);
                l.add(0, path);
                while (l.size() > MAX) {
                    l.remove(l.size() - 1);
                }
            }
        };
    }
}
