package io.ringkernel.api;

import static io.ringkernel.api.KernelStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KernelStatusTest {

    @Test
    void shouldFollowTheReferenceLifecycle() {
        assertThat(CREATED.canTransitionTo(LAUNCHED)).isTrue();
        assertThat(LAUNCHED.canTransitionTo(ACTIVE)).isTrue();
        assertThat(ACTIVE.canTransitionTo(DEACTIVATED)).isTrue();
        assertThat(DEACTIVATED.canTransitionTo(ACTIVE)).isTrue();
        assertThat(ACTIVE.canTransitionTo(TERMINATING)).isTrue();
        assertThat(TERMINATING.canTransitionTo(TERMINATED)).isTrue();
    }

    @Test
    void shouldForbidSkippingOrReversingSteps() {
        assertThat(CREATED.canTransitionTo(ACTIVE)).isFalse();
        assertThat(ACTIVE.canTransitionTo(LAUNCHED)).isFalse();
        assertThat(ACTIVE.canTransitionTo(ACTIVE)).isFalse();
        assertThat(TERMINATING.canTransitionTo(ACTIVE)).isFalse();
        assertThat(FAILED.canTransitionTo(ACTIVE)).isFalse();
    }

    @Test
    void shouldMakeTerminatedFinal() {
        assertThat(TERMINATED.successors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = KernelStatus.class, names = {"TERMINATED", "FAILED"}, mode = EnumSource.Mode.EXCLUDE)
    void shouldLetEveryLiveStateFail(KernelStatus status) {
        assertThat(status.canTransitionTo(FAILED)).isTrue();
    }

    @Test
    void shouldAcceptMessagesOnlyWhileLaunchedActiveOrDeactivated() {
        EnumSet<KernelStatus> accepting = EnumSet.noneOf(KernelStatus.class);
        for (KernelStatus status : values()) {
            if (status.acceptsMessages()) {
                accepting.add(status);
            }
        }
        assertThat(accepting).containsExactlyInAnyOrder(LAUNCHED, ACTIVE, DEACTIVATED);
    }

    @Test
    void shouldNameBothStatesInAnIllegalTransition() {
        assertThat(IllegalKernelStateException.transition("k", TERMINATED, ACTIVE))
                .hasMessage("kernel 'k' cannot go from TERMINATED to ACTIVE (allowed from TERMINATED: [])")
                .extracting(IllegalKernelStateException::current).isEqualTo(TERMINATED);
    }
}
