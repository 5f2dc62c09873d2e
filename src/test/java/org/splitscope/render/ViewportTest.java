package org.splitscope.render;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewportTest {
    static final long FRAMES = 1L << 20;      // 4 GiB

    @Test
    @DisplayName("zoom keeps the focus frame in place, down to one 2M region, up to all of RAM; pan stays inside")
    void zoomAndPan() {
        Viewport v = Viewport.whole(FRAMES);
        Viewport in = v.zoomIn(0x80000, FRAMES);
        assertThat(in.span()).isEqualTo(FRAMES / 2);
        assertThat(in.contains(0x80000)).isTrue();
        Viewport deep = v;
        for (int i = 0; i < 30; i++) {
            deep = deep.zoomIn(0x80123, FRAMES);
        }
        assertThat(deep.span()).isEqualTo(512);
        assertThat(deep.contains(0x80123)).isTrue();
        assertThat(deep.zoomOut(0x80123, FRAMES).span()).isEqualTo(1024);
        Viewport out = in.zoomOut(0x80000, FRAMES).zoomOut(0, FRAMES);
        assertThat(out).isEqualTo(Viewport.whole(FRAMES));
        assertThat(in.pan(-FRAMES, FRAMES).start()).isZero();
        assertThat(in.pan(FRAMES, FRAMES).end()).isEqualTo(FRAMES);
        assertThat(Viewport.of(0x20005, 0x20010, FRAMES)).isEqualTo(new Viewport(0x20000, 512));
    }
}
