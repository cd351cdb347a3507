package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.examples.EchoKernel;
import io.ringkernel.examples.Greeting;
import io.ringkernel.examples.RollingStatisticsKernel;
import io.ringkernel.examples.SensorReading;
import io.ringkernel.examples.SensorStatistics;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runtime as an OSGi service, with kernels and serializers contributed by other bundles. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(60)
class RuntimeServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @InjectBundleContext
    BundleContext context;

    @AfterEach
    void terminateKernels() {
        runtime.listKernels().forEach(runtime::terminate);
    }

    @Test
    void shouldRegisterTheRuntimeWithTheCpuBackend() {
        List<BackendInfo> backends = runtime.backends();
        assertThat(backends).anySatisfy(info -> {
            assertThat(info.type()).isEqualTo(BackendType.CPU);
            assertThat(info.available()).isTrue();
        });
        // AUTO picks the available backend of highest priority: OpenCL over the CPU where an ICD is installed.
        assertThat(runtime.defaultBackend()).isEqualTo(backends.stream().filter(BackendInfo::available)
                .max(Comparator.comparingInt(BackendInfo::priority)).orElseThrow().type());
    }

    @Test
    void shouldPickUpKernelDefinitionsFromAnotherBundle() {
        assertThat(runtime.listDefinitions()).contains(EchoKernel.ID, RollingStatisticsKernel.ID);
    }

    @Test
    void shouldAnswerCallsThroughAKryoSerializerFromAnotherBundle() {
        KernelHandle echo = runtime.launch("osgi-echo", LaunchOptions.defaults().withDefinition(EchoKernel.ID));
        assertThat(echo.call(new Greeting("inside Felix"), Greeting.class, TIMEOUT).text()).isEqualTo("inside Felix");
    }

    @Test
    void shouldAnswerCallsThroughTheFixedLayoutSerializer() {
        KernelHandle stats = runtime.launch("osgi-stats", LaunchOptions.defaults().withDefinition(RollingStatisticsKernel.ID));
        SensorStatistics reply = stats.call(new SensorReading(3, 20.0), SensorStatistics.class, TIMEOUT);
        assertThat(reply.count()).isEqualTo(1);
        assertThat(reply.mean()).isEqualTo(20.0);
    }

    @Test
    void shouldParkARunningKernelWhileItsBundleIsStoppedAndResumeItWhenStarted() throws Exception {
        Bundle kernels = Bundles.named(context, "io.ringkernel.examples");
        KernelHandle parked = runtime.launch("parked", LaunchOptions.defaults().withDefinition(RollingStatisticsKernel.ID));
        CompletableFuture<Object> queued;
        kernels.stop();
        try {
            assertThat(runtime.listDefinitions()).doesNotContain(EchoKernel.ID, RollingStatisticsKernel.ID);
            queued = parked.callAsync(new SensorReading(1, 5.0), TIMEOUT);
            Thread.sleep(100);
            assertThat(queued).isNotDone();
            assertThat(parked.metrics().inputDepth()).isEqualTo(1);
        } finally {
            kernels.start();
        }
        assertThat(((SensorStatistics) queued.get(10, TimeUnit.SECONDS)).count()).isEqualTo(1);
        assertThat(runtime.listDefinitions()).contains(EchoKernel.ID, RollingStatisticsKernel.ID);
    }
}
