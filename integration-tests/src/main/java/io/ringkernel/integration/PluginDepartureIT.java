package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.SerializationException;
import io.ringkernel.conformance.chaos.CallLoad;
import io.ringkernel.examples.EchoKernel;
import io.ringkernel.examples.Greeting;
import io.ringkernel.examples.RollingStatisticsKernel;
import io.ringkernel.examples.SensorReading;
import io.ringkernel.examples.SensorStatistics;
import io.ringkernel.runtime.internal.cpu.CpuBackend;
import io.ringkernel.spi.Backend;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Plug-ins leave while kernels serve calls from several threads: the kernel bundle, the
 * serializer bundle, a backend. Every call gets its reply or a typed error, and the ledger of
 * sent against answered and failed balances.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(120)
class PluginDepartureIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(PluginDepartureIT.class.getName());

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @InjectBundleContext
    BundleContext context;

    @AfterEach
    void terminateKernels() {
        runtime.listKernels().forEach(runtime::terminate);
    }

    @Test
    void shouldFailWhatTheKernelHeldAsTypedErrorsWhenItsBundleLeavesUnderLoad() throws Exception {
        Bundle kernels = Bundles.named(context, "io.ringkernel.examples");
        KernelHandle echo = runtime.launch("leaving-echo", LaunchOptions.defaults().withDefinition(EchoKernel.ID));
        CallLoad load = CallLoad.start(echo, GreetingExchange.ECHO, 4, TIMEOUT);
        try {
            load.awaitAnswered(500);
            kernels.stop();
            Await.status(echo, KernelStatus.TERMINATED, runtime.config().hotSwapGrace().plus(TIMEOUT));
            load.stop();
        } finally {
            kernels.start();
        }
        LOG.log(System.Logger.Level.INFO, "kernel bundle stopped under load: {0}", load);
        assertThat(load.answered() + load.typedErrors()).isEqualTo(load.sent());
        assertThat(load.errors()).containsKey(ErrorCode.KERNEL_TERMINATED.name())
                .containsOnlyKeys(ErrorCode.KERNEL_TERMINATED.name(), "IllegalKernelStateException");
        assertThat(echo.metrics().inputDepth()).isZero();
    }

    @Test
    void shouldDeactivateKryoKernelsWhileTheKryoBundleIsAwayAndResumeThemWhenItReturns() throws Exception {
        Bundle kryo = Bundles.named(context, "io.ringkernel.serializer-kryo-bundle");
        KernelHandle echo = runtime.launch("kryo-echo", LaunchOptions.defaults().withDefinition(EchoKernel.ID));
        KernelHandle stats = runtime.launch("layout-stats",
                LaunchOptions.defaults().withDefinition(RollingStatisticsKernel.ID));
        CallLoad load = CallLoad.start(echo, GreetingExchange.ECHO, 4, TIMEOUT);
        load.awaitAnswered(500);
        kryo.stop();
        try {
            assertThat(echo.status()).isEqualTo(KernelStatus.DEACTIVATED);
            assertThat(echo.metrics().lastError()).contains("serializer 'kryo' was removed");
            assertThatThrownBy(() -> echo.send(new Greeting("while away"))).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("serializer 'kryo' was removed");
            assertThat(stats.call(new SensorReading(1, 2.0), SensorStatistics.class, TIMEOUT).count()).isEqualTo(1);
        } finally {
            kryo.start();
        }
        long resumedFrom = load.answered();
        load.awaitAnswered(resumedFrom + 500);
        load.stop();
        LOG.log(System.Logger.Level.INFO, "serializer bundle stopped and started under load: {0}", load);
        assertThat(echo.status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(load.answered() + load.typedErrors()).isEqualTo(load.sent());
        assertThat(load.errors().keySet()).isSubsetOf("SerializationException");
    }

    @Test
    void shouldTerminateTheKernelsOfABackendThatLeavesUnderLoad() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Backend.PROPERTY_TYPE, "CPU");
        properties.put(Constants.SERVICE_RANKING, 10);
        ServiceRegistration<Backend> plugged = context.registerService(Backend.class, new CpuBackend(), properties);
        KernelHandle echo = runtime.launch("plugged-echo", LaunchOptions.defaults().withDefinition(EchoKernel.ID));
        CallLoad load = CallLoad.start(echo, GreetingExchange.ECHO, 4, TIMEOUT);
        load.awaitAnswered(500);
        plugged.unregister();
        load.stop();
        LOG.log(System.Logger.Level.INFO, "backend unregistered under load: {0}", load);

        assertThat(echo.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThat(echo.metrics().lastError()).contains("its backend CPU").contains("was removed");
        assertThat(load.answered() + load.typedErrors()).isEqualTo(load.sent());
        assertThat(load.errors().keySet()).isSubsetOf(ErrorCode.KERNEL_TERMINATED.name(), "IllegalKernelStateException");
        KernelHandle relaunched = runtime.launch("plugged-echo", LaunchOptions.defaults().withDefinition(EchoKernel.ID));
        assertThat(relaunched.call(new Greeting("built-in"), Greeting.class, TIMEOUT).text()).isEqualTo("built-in");
    }
}
