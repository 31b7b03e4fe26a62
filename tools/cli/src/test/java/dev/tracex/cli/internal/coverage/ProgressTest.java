package dev.tracex.cli.internal.coverage;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    private final StringWriter printed = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void update_onATerminal_saysNothingForTwoSeconds_thenAtMostFiveTimesASecond_andFinishWipesTheLine() {
        Progress p = new Progress(new PrintWriter(printed), true, now::get);

        p.update(10, 9);
        now.addAndGet(Progress.QUIET_NANOS - 1);
        p.update(20, 18);
        assertThat(printed.toString()).isEmpty();

        now.addAndGet(1);
        p.update(12_345, 12_001);
        now.addAndGet(Progress.EVERY_NANOS - 1);
        p.update(12_346, 12_002);
        assertThat(printed.toString()).isEqualTo("\r12,345 events, 12,001 with a context");

        now.addAndGet(1);
        p.update(99_999, 5);
        p.finish();
        assertThat(printed.toString()).isEqualTo("\r12,345 events, 12,001 with a context\r99,999 events, 5 with a context" + " ".repeat(5)
                + "\r" + " ".repeat(31) + "\r");
    }

    @Test
    void update_notOnATerminal_printsNothing() {
        Progress p = new Progress(new PrintWriter(printed), false, now::get);

        now.addAndGet(10 * Progress.QUIET_NANOS);
        p.update(1, 1);
        p.finish();

        assertThat(printed.toString()).isEmpty();
    }

    @Test
    void finish_afterAShortRun_printsNothing() {
        Progress p = new Progress(new PrintWriter(printed), true, now::get);

        p.update(1, 1);
        p.finish();

        assertThat(printed.toString()).isEmpty();
    }
}
