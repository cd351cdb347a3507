package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceHandler;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Fail;
import io.ringkernel.conformance.Ping;
import io.ringkernel.conformance.chaos.CallLoad;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.KernelDefinition;
import java.time.Duration;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The Aparapi backend bundle in a real framework: its Aparapi imports are wired to the long-lived
 * wrapper bundle, the runtime lists it as available with the Java thread pool as its last device
 * (after the OpenCL devices, where an ICD is installed: PoCL in CI), and the conformance kernel
 * runs on it — its handler class lives in this bundle, so the backend loads it through the
 * definition's class loader and Aparapi reads its bytecode from there. The runtime service runs
 * kernels on the backend's first device, or on the one its property
 * {@code ringkernel.device.APARAPI} chooses: the Java thread pool; a value that names no device
 * makes the backend unavailable, with an error logged, and launches pass it by. Updating the
 * backend bundle under load answers every call or fails it with a typed error, and the wrapper
 * stays the same bundle, never refreshed: a JVM loads Aparapi's JNI library once.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(120)
class AparapiBackendIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(AparapiBackendIT.class.getName());
    private static final String BACKEND_BUNDLE = "io.ringkernel.backend-aparapi-bundle";
    private static final String WRAPPER_BUNDLE = "io.ringkernel.native-aparapi";
    private static final String API_PACKAGE = "io.ringkernel.aparapi";
    private static final String APARAPI_PACKAGE = "com.aparapi";
    /** How the backend names an OpenCL device: the device's own name, then this. */
    private static final String OPENCL_DEVICE = " (Aparapi, OpenCL)";
    private static final String THREAD_POOL = "Java thread pool (Aparapi)";

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @InjectBundleContext
    BundleContext context;

    private ServiceRegistration<KernelDefinition> definition;

    @BeforeEach
    void registerDefinition() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(KernelDefinition.PROPERTY_ID, ConformanceKernel.ID);
        definition = context.registerService(KernelDefinition.class, new ConformanceKernel(), properties);
        Await.available(runtime, BackendType.APARAPI, TIMEOUT);
    }

    @AfterEach
    void unregisterDefinition() {
        runtime.listKernels().forEach(runtime::terminate);
        if (definition != null) {
            definition.unregister();
        }
    }

    @Test
    void shouldWireTheBackendsAparapiImportsToTheWrapperBundle() {
        Bundle backend = Bundles.named(context, BACKEND_BUNDLE);
        Bundle wrapper = Bundles.named(context, WRAPPER_BUNDLE);
        assertThat(backend.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(wrapper.getState()).isIn(Bundle.RESOLVED, Bundle.ACTIVE);

        Map<String, Bundle> providers = Bundles.packageProviders(backend);
        assertThat(providers).containsKeys(APARAPI_PACKAGE, APARAPI_PACKAGE + ".device", API_PACKAGE);
        assertThat(providers.entrySet())
                .filteredOn(imported -> imported.getKey().equals(API_PACKAGE)
                        || imported.getKey().equals(APARAPI_PACKAGE) || imported.getKey().startsWith(APARAPI_PACKAGE + "."))
                .allSatisfy(imported -> assertThat(imported.getValue()).as("provider of " + imported.getKey())
                        .isEqualTo(wrapper));
    }

    @Test
    void shouldRegisterTheBackendAndListItAvailableWithTheJavaThreadPoolLast() throws Exception {
        Collection<ServiceReference<Backend>> references = context.getServiceReferences(Backend.class,
                "(" + Backend.PROPERTY_TYPE + "=APARAPI)");
        assertThat(references).hasSize(1);

        BackendInfo aparapi = Await.available(runtime, BackendType.APARAPI, TIMEOUT);
        List<DeviceInfo> devices = aparapi.devices();
        assertThat(devices).extracting(DeviceInfo::index).containsExactlyElementsOf(
                IntStream.range(0, devices.size()).boxed().toList());
        assertThat(devices.get(devices.size() - 1).name()).isEqualTo(THREAD_POOL);
        assertThat(devices.subList(0, devices.size() - 1))
                .allSatisfy(device -> assertThat(device.name()).endsWith(OPENCL_DEVICE));
    }

    @Test
    void shouldListAnOpenClDeviceFirstWhereAnIcdIsInstalled() throws Exception {
        OpenClIcd.require();
        List<DeviceInfo> devices = Await.available(runtime, BackendType.APARAPI, TIMEOUT).devices();
        assertThat(devices).as("Aparapi's devices with an OpenCL ICD installed").hasSizeGreaterThanOrEqualTo(2);
        assertThat(devices.get(0).name()).endsWith(OPENCL_DEVICE);
    }

    @Test
    void shouldAnswerCallsOnTheRuntimesDeviceWithAHandlerFromAnotherBundle() throws Exception {
        Bundle handlerBundle = FrameworkUtil.getBundle(ConformanceHandler.class);
        assertThat(handlerBundle).isNotEqualTo(Bundles.named(context, BACKEND_BUNDLE));
        assertThat(Bundles.packageProviders(handlerBundle))
                .containsEntry(API_PACKAGE, Bundles.named(context, WRAPPER_BUNDLE));

        DeviceInfo first = Await.available(runtime, BackendType.APARAPI, TIMEOUT).devices().get(0);
        if (OpenClIcd.installed()) {
            assertThat(first.name()).endsWith(OPENCL_DEVICE);
        } else {
            assertThat(first.name()).isEqualTo(THREAD_POOL);
        }
        assertAnswersPingsAndFailures(launchOnAparapi("aparapi-first-device"), first.name());
    }

    @Test
    void shouldAnswerCallsOnAparapisJavaThreadPoolWhenItsDevicePropertyChoosesIt() throws Exception {
        List<DeviceInfo> devices = Await.available(runtime, BackendType.APARAPI, TIMEOUT).devices();
        DeviceInfo threadPool = devices.get(devices.size() - 1);
        assertThat(threadPool.name()).isEqualTo(THREAD_POOL);
        try (ChosenDevice chosen = ChosenDevice.choose(context, BackendType.APARAPI,
                Integer.toString(threadPool.index()), TIMEOUT)) {
            RingKernelRuntime restarted = chosen.runtime();
            assertThat(Await.available(restarted, BackendType.APARAPI, TIMEOUT).devices())
                    .as("the devices listed with one chosen").isEqualTo(devices);
            KernelHandle kernel = launchOnAparapi(restarted, "aparapi-thread-pool");
            assertThat(kernel.metrics().device().index()).isEqualTo(threadPool.index());
            assertAnswersPingsAndFailures(kernel, THREAD_POOL);
        }
    }

    @Test
    void shouldListAparapiUnavailableAndLogWhyWhenItsDevicePropertyNamesNoDevice() throws Exception {
        List<DeviceInfo> devices = Await.available(runtime, BackendType.APARAPI, TIMEOUT).devices();
        for (String value : List.of("two", "-1", Integer.toString(devices.size()))) {
            try (LoggedErrors errors = LoggedErrors.capture();
                 ChosenDevice chosen = ChosenDevice.choose(context, BackendType.APARAPI, value, TIMEOUT)) {
                RingKernelRuntime restarted = chosen.runtime();
                Await.until(() -> Await.listed(restarted, BackendType.APARAPI).isPresent(), TIMEOUT);
                BackendInfo aparapi = Await.listed(restarted, BackendType.APARAPI).orElseThrow();
                String reason = aparapi.unavailableReason();
                assertThat(aparapi.available()).as("APARAPI with ringkernel.device.APARAPI=" + value).isFalse();
                assertThat(reason).startsWith("ringkernel.device.APARAPI=" + value
                        + " does not name a device of the APARAPI backend: give an index from 0 to "
                        + (devices.size() - 1));
                devices.forEach(device -> assertThat(reason).contains(device.index() + ": " + device.name()));
                assertThat(errors.messages()).as("errors logged").anySatisfy(message ->
                        assertThat(message).startsWith("backend APARAPI").endsWith(reason));

                assertThatThrownBy(() -> launchOnAparapi(restarted, "aparapi-no-device"))
                        .isInstanceOf(BackendUnavailableException.class).hasMessageContaining(reason);
                KernelHandle elsewhere = restarted.launch("aparapi-passed-by",
                        LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
                assertThat(elsewhere.metrics().backend()).as("where AUTO runs it").isNotEqualTo(BackendType.APARAPI);
                assertThat(elsewhere.call(new Ping(1, 1), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 1));
            }
        }
    }

    @Test
    void shouldServeFromEachNewRevisionAfterTheBackendBundleIsUpdatedUnderLoad() throws Exception {
        Bundle backend = Bundles.named(context, BACKEND_BUNDLE);
        Bundle wrapper = Bundles.named(context, WRAPPER_BUNDLE);
        long wrapperId = wrapper.getBundleId();
        int wrapperState = wrapper.getState();
        BundleRevision wrapperRevision = wrapper.adapt(BundleRevision.class);
        BundleWiring wrapperWiring = wrapper.adapt(BundleWiring.class);
        for (int update = 1; update <= 2; update++) {
            BundleRevision oldRevision = backend.adapt(BundleRevision.class);
            KernelHandle before = launchOnAparapi("aparapi-before-update-" + update);
            CallLoad load = CallLoad.start(before, CallLoad.PING, 2, TIMEOUT);
            try {
                load.awaitAnswered(50);
                backend.update();
                Bundles.refresh(context, backend, TIMEOUT);
                Await.status(before, KernelStatus.TERMINATED, TIMEOUT);
            } finally {
                load.stop();
            }
            LOG.log(System.Logger.Level.INFO, "Aparapi backend bundle update {0} under load: {1}", update, load);
            assertThat(before.metrics().lastError()).contains("its backend APARAPI").contains("was removed");
            assertThat(load.answered()).isGreaterThanOrEqualTo(50);
            assertThat(load.answered() + load.typedErrors()).isEqualTo(load.sent());
            assertThat(load.errors().keySet())
                    .isSubsetOf(ErrorCode.KERNEL_TERMINATED.name(), "IllegalKernelStateException");

            assertThat(backend.adapt(BundleRevision.class)).isNotSameAs(oldRevision);
            assertThat(backend.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(Bundles.packageProviders(backend)).containsEntry(APARAPI_PACKAGE, wrapper)
                    .containsEntry(API_PACKAGE, wrapper);
            Bundle wrapperNow = Bundles.named(context, WRAPPER_BUNDLE);
            assertThat(wrapperNow.getBundleId()).as("the wrapper's bundle id").isEqualTo(wrapperId);
            assertThat(wrapperNow.getState()).isEqualTo(wrapperState);
            assertThat(wrapperNow.adapt(BundleRevision.class)).as("the wrapper's revision").isSameAs(wrapperRevision);
            assertThat(wrapperNow.adapt(BundleWiring.class)).as("the wrapper's wiring, never refreshed")
                    .isSameAs(wrapperWiring).satisfies(wiring -> assertThat(wiring.isCurrent()).isTrue());

            DeviceInfo first = Await.available(runtime, BackendType.APARAPI, TIMEOUT).devices().get(0);
            KernelHandle after = launchOnAparapi("aparapi-after-update-" + update);
            assertThat(after.metrics().device().name()).isEqualTo(first.name());
            assertThat(after.call(new Ping(update, 7), Ping.class, TIMEOUT)).isEqualTo(new Ping(update, 7));
        }
    }

    private KernelHandle launchOnAparapi(String kernelId) {
        return launchOnAparapi(runtime, kernelId);
    }

    private static KernelHandle launchOnAparapi(RingKernelRuntime runtime, String kernelId) {
        return runtime.launch(kernelId,
                LaunchOptions.defaults().withDefinition(ConformanceKernel.ID).withBackend(BackendType.APARAPI));
    }

    /** Pings come back unchanged and a failure comes back as the handler's error, from the named device. */
    private static void assertAnswersPingsAndFailures(KernelHandle kernel, String deviceName) {
        assertThat(kernel.metrics().backend()).isEqualTo(BackendType.APARAPI);
        assertThat(kernel.metrics().device().name()).isEqualTo(deviceName);
        assertThat(kernel.call(new Ping(7, 1), Ping.class, TIMEOUT)).isEqualTo(new Ping(7, 1));
        for (long sequence = 0; sequence < 10; sequence++) {
            assertThat(kernel.call(new Ping(sequence, 2), Ping.class, TIMEOUT)).isEqualTo(new Ping(sequence, 2));
        }
        assertThatThrownBy(() -> kernel.call(new Fail(3), Ping.class, TIMEOUT))
                .isInstanceOfSatisfying(KernelErrorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_FAILED))
                .hasMessageContaining("failure 3 requested by the sender");
        assertThat(kernel.metrics().processed()).isGreaterThanOrEqualTo(11);
    }
}
