package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.chaos.CallLoad;
import io.ringkernel.examples.EchoKernel;
import io.ringkernel.examples.Greeting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The bundle that defines a running kernel is updated while several threads call the kernel:
 * the kernel keeps its queues and runs the new revision's code, and the ledger of calls sent
 * against replies and typed errors balances with nothing unexplained. Logs the pause: from the
 * start of each update to a probe call answered by the new revision.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(120)
class HotDeploymentIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(HotDeploymentIT.class.getName());

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @InjectBundleContext
    BundleContext context;

    @Test
    void shouldKeepAnsweringEveryCallWhileTheKernelBundleIsUpdatedTenTimes() throws Exception {
        Bundle kernels = Bundles.named(context, "io.ringkernel.examples");
        KernelHandle echo = runtime.launch("hot-echo", LaunchOptions.defaults().withDefinition(EchoKernel.ID));
        List<Long> pauses = new ArrayList<>();
        CallLoad load = CallLoad.start(echo, GreetingExchange.ECHO, 4, TIMEOUT);
        try {
            for (int update = 0; update < 10; update++) {
                Thread.sleep(100);
                long start = System.nanoTime();
                kernels.update();
                assertThat(echo.call(new Greeting("probe " + update), Greeting.class, TIMEOUT).text())
                        .isEqualTo("probe " + update);
                pauses.add((System.nanoTime() - start) / 1_000);
            }
            Thread.sleep(100);
        } finally {
            load.stop();
        }
        Collections.sort(pauses);
        LOG.log(System.Logger.Level.INFO, "10 bundle updates under load: {0}; update to new code answering: "
                + "p50 {1} us, max {2} us", load, pauses.get(pauses.size() / 2), pauses.get(pauses.size() - 1));
        assertThat(load.answered() + load.typedErrors()).isEqualTo(load.sent());
        assertThat(load.typedErrors()).isZero();
        assertThat(echo.status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(echo.metrics().processed()).isEqualTo(load.answered() + pauses.size());
        echo.terminate();
    }
}
