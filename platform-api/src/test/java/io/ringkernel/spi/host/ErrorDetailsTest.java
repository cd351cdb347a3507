package io.ringkernel.spi.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error replies name no file of the host. */
class ErrorDetailsTest {

    @Test
    void shouldReplaceAbsolutePathsAndFileUrls() {
        assertThat(ErrorDetails.withoutPaths("FileNotFoundException: /home/alice/.ssh/id_rsa (Permission denied)"))
                .isEqualTo("FileNotFoundException: <path> (Permission denied)");
        assertThat(ErrorDetails.withoutPaths("cannot load jar:file:/opt/ringkernel/deploy/kernels.jar!/a.class"))
                .isEqualTo("cannot load <path>");
        assertThat(ErrorDetails.withoutPaths("no key in C:\\Users\\bob\\secrets\\key.pem, giving up"))
                .isEqualTo("no key in <path>, giving up");
        assertThat(ErrorDetails.withoutPaths("read /etc/ringkernel/a.conf and /var/lib/x/y"))
                .isEqualTo("read <path> and <path>");
    }

    @Test
    void shouldLeaveOrdinaryTextAlone() {
        String[] texts = {"failure 9 requested by the sender", "no handler for message type 3",
            "kernel 'echo' replied with a java.lang.String, not the expected java.lang.Long", "ratio 1/2 at 50%",
            "see http://example.org/docs/errors", "deadline passed before processing", "/tmp"};
        for (String text : texts) {
            assertThat(ErrorDetails.withoutPaths(text)).isEqualTo(text);
        }
        assertThat(ErrorDetails.withoutPaths(null)).isEmpty();
    }
}
