package org.splitscope.ui.service;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.splitscope.core.history.Position;
import org.splitscope.core.mem.PageSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands of one kind that wait together coalesce; others keep their order. */
class MailboxTest {
    static final ViewSettings V = ViewSettings.DEFAULT;

    static Mailbox.Issued issued(Command c) {
        return new Mailbox.Issued(c);
    }

    @Test
    @DisplayName("the latest seek wins while dragging; a step in between keeps both sides")
    void seeksCoalesce() {
        Mailbox m = new Mailbox();
        for (int i = 0; i < 50; i++) {
            m.offer(issued(new Command.Seek(Position.at(i), V)));
        }
        assertThat(m.takeAll()).containsExactly(issued(new Command.Seek(Position.at(49), V)));
        m.offer(issued(new Command.Seek(Position.at(3), V)));
        m.offer(issued(new Command.Step(Command.Motion.FORWARD, V)));
        m.offer(issued(new Command.Seek(Position.at(9), V)));
        assertThat(m.takeAll()).hasSize(3);
        assertThat(m.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("pans add up, hovers and settings keep the latest, steps never merge, ticks keep the latest generation")
    void kinds() {
        Mailbox m = new Mailbox();
        m.offer(issued(new Command.Pan(512, V)));
        m.offer(issued(new Command.Pan(-1024, V)));
        m.offer(issued(new Command.Hover(1, PageSize.K4, V)));
        m.offer(issued(new Command.Hover(2, PageSize.K4, V)));
        m.offer(issued(new Command.Step(Command.Motion.FORWARD, V)));
        m.offer(issued(new Command.Step(Command.Motion.FORWARD, V)));
        m.offer(issued(new Command.ApplySettings(V.withDark(true))));
        m.offer(issued(new Command.ApplySettings(V.withDark(false))));
        m.offer(new Mailbox.Tick(3));
        m.offer(new Mailbox.Tick(4));
        m.offer(new Mailbox.Tick(2));                                  // a stale tick never displaces the live one
        List<Mailbox.Work> all = m.takeAll();
        assertThat(all).containsExactly(issued(new Command.Pan(-512, V)), issued(new Command.Hover(2, PageSize.K4, V)),
                issued(new Command.Step(Command.Motion.FORWARD, V)), issued(new Command.Step(Command.Motion.FORWARD, V)),
                issued(new Command.ApplySettings(V.withDark(false))), new Mailbox.Tick(4));
    }
}
