package io.ticketchat.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenLoopScheduleTest {

    @Test
    void sendsAreEvenlySpacedFromTheStart() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 4, Duration.ofSeconds(1));

        assertThat(schedule.sends()).isEqualTo(4);
        assertThat(schedule.dueAt(0)).isEqualTo(1_000);
        assertThat(schedule.dueAt(1)).isEqualTo(1_000 + 250_000_000);
        assertThat(schedule.dueAt(3)).isEqualTo(1_000 + 750_000_000);
    }

    @Test
    void dueTimesDoNotDriftAtRatesThatDoNotDivideASecond() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3_000, Duration.ofSeconds(10));

        assertThat(schedule.sends()).isEqualTo(30_000);
        // 29,999 / 3,000 s: rounded once, not accumulated step by step.
        assertThat(schedule.dueAt(29_999)).isEqualTo(9_999_666_667L);
    }

    @Test
    void aSendOutsideTheRunHasNoDueTime() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 10, Duration.ofSeconds(1));

        assertThatThrownBy(() -> schedule.dueAt(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> schedule.dueAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rateAndDurationMustBePositive() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(0, Double.NaN, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
