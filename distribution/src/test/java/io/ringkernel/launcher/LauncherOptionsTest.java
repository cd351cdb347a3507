package io.ringkernel.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The launcher's options: the dashboard follows --dashboard and --headless, whichever comes last. */
class LauncherOptionsTest {

    @Test
    void shouldOpenTheDashboardWhenAskedAndKeepItClosedWhenHeadless() {
        assertThat(LauncherOptions.parse("--home", "/opt/rk", "--dashboard").headless()).isFalse();
        assertThat(LauncherOptions.parse("--home", "/opt/rk", "--headless").headless()).isTrue();
        assertThat(LauncherOptions.parse("--home", "/opt/rk", "--headless", "--dashboard").headless()).isFalse();
    }

    @Test
    void shouldNameAnUnknownOptionWithTheUsage() {
        assertThatThrownBy(() -> LauncherOptions.parse("--home", "/opt/rk", "--window"))
                .hasMessageContaining("unknown option --window").hasMessageContaining("--headless | --dashboard");
    }
}
