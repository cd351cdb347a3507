package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.RingKernelRuntime;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploying through the local source, where the window is not needed: what a failed copy leaves behind. */
class LocalSourceDeployTest {
    private final RingKernelRuntime runtime = EchoRuntime.start();

    @AfterEach
    void stop() {
        runtime.shutdown();
    }

    @Test
    void shouldLeaveNoStagedCopyInDeployWhenTheJarCannotTakeItsPlace(@TempDir Path home) throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        Path jar = Files.write(home.resolve("kernels.jar"), new byte[] {1, 2, 3});
        Files.createDirectories(deploy.resolve("kernels.jar")).resolve("inside").toFile().createNewFile();
        LocalSource source = new LocalSource(runtime, Optional.of(deploy), List::of);

        assertThatThrownBy(() -> source.deploy(jar)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot copy " + jar + " into " + deploy + ": ");

        try (var left = Files.list(deploy)) {
            assertThat(left).as("deploy/ after the failed copy").containsExactly(deploy.resolve("kernels.jar"));
        }
    }
}
