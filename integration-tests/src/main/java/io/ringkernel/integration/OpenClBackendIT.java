package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.chaos.CallLoad;
import io.ringkernel.spi.KernelDefinition;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The OpenCL backend bundle in a real framework, on whatever ICD is installed (PoCL in CI): the
 * runtime lists it, kernels with an OpenCL handler run on it, it survives being updated (JOCL's
 * JNI library stays loaded in the long-lived wrapper bundle, so a new revision of the backend
 * links against it again), and while it is stopped OpenCL launches fail with a typed error.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(120)
class OpenClBackendIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(OpenClBackendIT.class.getName());
    private static final String BACKEND_BUNDLE = "io.ringkernel.backend-opencl-bundle";
    private static final String WRAPPER_BUNDLE = "io.ringkernel.native-jocl";
    private static final String DEFINITION_ID = "opencl-tick";
    /** A call with a tick numbered after its caller and sequence, expecting it back one hop further. */
    private static final CallLoad.Exchange TICK = (kernel, caller, sequence, timeout) -> {
        Tick request = new Tick(((long) caller << 32) | sequence, caller);
        Tick reply = kernel.call(request, Tick.class, timeout);
        if (!reply.equals(new Tick(request.sequence(), request.hops() + 1))) {
            throw new AssertionError("call " + request + " was answered with " + reply);
        }
    };

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @InjectBundleContext
    BundleContext context;

    private ServiceRegistration<KernelDefinition> definition;

    @BeforeEach
    void registerDefinition() throws Exception {
        OpenClIcd.require();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(KernelDefinition.PROPERTY_ID, DEFINITION_ID);
        definition = context.registerService(KernelDefinition.class, Tick.definition(DEFINITION_ID, 1), properties);
        awaitOpenClAvailable();
    }

    @AfterEach
    void unregisterDefinition() {
        runtime.listKernels().forEach(runtime::terminate);
        if (definition != null) {
            definition.unregister();
        }
    }

    @Test
    void shouldListOpenClAsAvailableWithAtLeastOneDevice() {
        BackendInfo openCl = openCl().orElseThrow();
        assertThat(openCl.available()).as(openCl.unavailableReason()).isTrue();
        assertThat(openCl.devices()).isNotEmpty().allSatisfy(device -> assertThat(device.name()).isNotBlank());
    }

    @Test
    void shouldAnswerCallsOnAKernelLaunchedOnOpenCl() {
        KernelHandle kernel = launchOnOpenCl("opencl-tick-1");
        assertThat(kernel.metrics().backend()).isEqualTo(BackendType.OPENCL);
        for (long sequence = 0; sequence < 10; sequence++) {
            assertThat(kernel.call(new Tick(sequence, 7), Tick.class, TIMEOUT)).isEqualTo(new Tick(sequence, 8));
        }
    }

    @Test
    void shouldServeFromEachNewRevisionAfterTheBackendBundleIsUpdatedTwice() throws Exception {
        Bundle backend = Bundles.named(context, BACKEND_BUNDLE);
        Bundle wrapper = Bundles.named(context, WRAPPER_BUNDLE);
        for (int update = 1; update <= 2; update++) {
            BundleRevision oldRevision = backend.adapt(BundleRevision.class);
            KernelHandle before = launchOnOpenCl("before-update-" + update);
            CallLoad load = CallLoad.start(before, TICK, 2, TIMEOUT);
            try {
                load.awaitAnswered(50);
                backend.update();
                Bundles.refresh(context, backend, TIMEOUT);
                Await.status(before, KernelStatus.TERMINATED, TIMEOUT);
            } finally {
                load.stop();
            }
            LOG.log(System.Logger.Level.INFO, "OpenCL backend bundle update {0} under load: {1}", update, load);
            assertThat(before.metrics().lastError()).contains("its backend OPENCL").contains("was removed");
            assertThat(load.answered() + load.typedErrors()).isEqualTo(load.sent());
            assertThat(load.errors().keySet())
                    .isSubsetOf(ErrorCode.KERNEL_TERMINATED.name(), "IllegalKernelStateException");

            assertThat(backend.adapt(BundleRevision.class)).isNotSameAs(oldRevision);
            assertThat(backend.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(Bundles.packageProviders(backend)).containsEntry("org.jocl", wrapper);
            awaitOpenClAvailable();
            KernelHandle after = launchOnOpenCl("after-update-" + update);
            assertThat(after.metrics().backend()).isEqualTo(BackendType.OPENCL);
            assertThat(after.call(new Tick(update, 0), Tick.class, TIMEOUT)).isEqualTo(new Tick(update, 1));
        }
    }

    @Test
    void shouldRefuseOpenClLaunchesWhileTheBackendBundleIsStopped() throws Exception {
        Bundle backend = Bundles.named(context, BACKEND_BUNDLE);
        backend.stop();
        try {
            assertThat(openCl()).map(BackendInfo::available).isNotEqualTo(Optional.of(true));
            assertThatThrownBy(() -> launchOnOpenCl("while-stopped"))
                    .isInstanceOf(BackendUnavailableException.class);
        } finally {
            backend.start();
        }
        awaitOpenClAvailable();
        assertThat(launchOnOpenCl("after-restart").call(new Tick(1, 1), Tick.class, TIMEOUT))
                .isEqualTo(new Tick(1, 2));
    }

    private KernelHandle launchOnOpenCl(String kernelId) {
        return runtime.launch(kernelId,
                LaunchOptions.defaults().withDefinition(DEFINITION_ID).withBackend(BackendType.OPENCL));
    }

    private Optional<BackendInfo> openCl() {
        return Await.listed(runtime, BackendType.OPENCL);
    }

    private void awaitOpenClAvailable() throws InterruptedException {
        Await.available(runtime, BackendType.OPENCL, TIMEOUT);
    }
}
