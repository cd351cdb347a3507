package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.Test;

/** The standalone dashboard's command line. */
class DashboardMainOptionsTest {
    private static final String URL = "service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi";

    @Test
    void shouldTakeTheAddressAndPassCredentialsToTheConnector() {
        DashboardMain.Options options = DashboardMain.Options.parse(List.of("--jmx", URL, "--user", "ops",
                "--password", "s3cret"));

        assertThat(options.address()).isEqualTo(URL);
        assertThat((String[]) options.environment().get(JMXConnector.CREDENTIALS)).containsExactly("ops", "s3cret");
        assertThat(DashboardMain.Options.parse(List.of("--jmx", URL)).environment()).isEmpty();
    }

    @Test
    void shouldSayWhatIsWrongWithTheCommandLine() {
        assertThatThrownBy(() -> DashboardMain.Options.parse(List.of())).hasMessageContaining("--jmx is missing");
        assertThatThrownBy(() -> DashboardMain.Options.parse(List.of("--jmx"))).hasMessageContaining("--jmx needs a value");
        assertThatThrownBy(() -> DashboardMain.Options.parse(List.of("--jmx", URL, "--user", "ops")))
                .hasMessageContaining("--user and --password go together");
        assertThatThrownBy(() -> DashboardMain.Options.parse(List.of("--port", "1")))
                .hasMessageContaining("unknown option --port");
    }
}
