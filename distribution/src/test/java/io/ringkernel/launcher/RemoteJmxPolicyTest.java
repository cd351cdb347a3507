package io.ringkernel.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Remote JMX is allowed only with authentication. */
class RemoteJmxPolicyTest {

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void shouldAllowNoRemoteJmxAndAuthenticatedRemoteJmx() {
        assertThatCode(() -> RemoteJmxPolicy.check(properties())).doesNotThrowAnyException();
        assertThatCode(() -> RemoteJmxPolicy.check(properties(RemoteJmxPolicy.PORT, "9010")))
                .doesNotThrowAnyException();
        assertThatCode(() -> RemoteJmxPolicy.check(properties(RemoteJmxPolicy.PORT, "9010",
                RemoteJmxPolicy.AUTHENTICATE, "true"))).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseRemoteJmxWithoutAuthentication() {
        assertThatThrownBy(() -> RemoteJmxPolicy.check(properties(RemoteJmxPolicy.PORT, "9010",
                RemoteJmxPolicy.AUTHENTICATE, " FALSE ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("refusing to run with remote JMX on port 9010 without authentication");
    }
}
