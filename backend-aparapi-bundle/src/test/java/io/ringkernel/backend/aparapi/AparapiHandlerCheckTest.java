package io.ringkernel.backend.aparapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import io.ringkernel.spi.KernelDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A launch refuses a handler that cannot run, saying why, and the runtime goes on: checked on
 * the Java thread pool, where nothing else would stop a handler that no GPU could run.
 */
class AparapiHandlerCheckTest {
    private RingKernelRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    private void assertRefused(KernelDefinition definition, String... details) {
        runtime = TestKernels.runtime(AparapiDevicesUnderTest.threadPool(), definition);
        assertThatThrownBy(() -> runtime.launch("k", LaunchOptions.defaults().withDefinition(TestKernels.ID)))
                .isInstanceOf(KernelLaunchException.class)
                .hasMessageContaining("the Aparapi handler of kernel definition 'readings' cannot run")
                .hasMessageContainingAll(details);
        assertThat(runtime.listKernels()).isEmpty();
    }

    private void assertRefused(Class<?> handler, String... details) {
        assertRefused(TestKernels.definition(handler.getName()), details);
    }

    @Test
    void shouldRefuseAHandlerAparapiCannotTranslateNamingTheMethodAndTheReason() {
        assertRefused(MisbehavingHandlers.Allocating.class, "Aparapi cannot translate method labelLength() at bytecode "
                + "offset 0 of " + MisbehavingHandlers.Allocating.class.getName() + " to OpenCL: ", "NEW");
    }

    @Test
    void shouldRefuseAColumnOfTheWrongType() {
        assertRefused(MisbehavingHandlers.WrongColumnType.class, "field 'sensor' of "
                + MisbehavingHandlers.WrongColumnType.class.getName(), "must be declared int[], not long[]");
    }

    @Test
    void shouldRefuseAColumnOfAComponentTheRecordLacks() {
        assertRefused(MisbehavingHandlers.UnknownComponent.class, "binds component 'temperature', which Reading does "
                + "not have (it has [sensor, valid, value, samples, flags, grade])");
    }

    @Test
    void shouldRefuseAColumnOfARecordTheKernelDoesNotSpeak() {
        assertRefused(MisbehavingHandlers.UndeclaredColumnType.class, "binds " + MisbehavingHandlers.Stray.class.getName()
                + ", which is not a fixed-layout message type of the kernel");
    }

    @Test
    void shouldRefuseTheStartOfAComponentThatIsNoArray() {
        assertRefused(MisbehavingHandlers.StartOfPrimitive.class, "asks for the START of component 'sensor', which is no array");
    }

    @Test
    void shouldRefuseAClassItCannotLoadOrInstantiate() {
        assertRefused(TestKernels.definition("com.example.MissingHandler"),
                "the Aparapi handler class com.example.MissingHandler cannot be loaded", "ClassNotFoundException");
        runtime.shutdown();
        assertRefused(TestKernels.definition(String.class.getName()),
                "the Aparapi handler class java.lang.String does not extend io.ringkernel.aparapi.MessageBatchKernel");
        runtime.shutdown();
        assertRefused(MisbehavingHandlers.NoDefaultConstructor.class, "has no public no-argument constructor");
    }

    @Test
    void shouldLeaveADefinitionWithoutAnAparapiHandlerToOtherBackends() {
        KernelDefinition javaOnly = KernelDefinition.of("java-only", List.of(), (message, context) -> message, Map.of());
        assertThat(AparapiDevicesUnderTest.BACKEND.cannotRun(javaOnly))
                .isEqualTo("kernel definition 'java-only' has no Aparapi handler (device source \"aparapi\" naming a "
                        + "MessageBatchKernel class)");
        assertThat(AparapiDevicesUnderTest.BACKEND.cannotRun(new ConformanceKernel())).isEmpty();
    }

    @Test
    void shouldKeepTheRuntimeServingAfterARefusal() {
        assertRefused(MisbehavingHandlers.Allocating.class, "Aparapi cannot translate");
        runtime.shutdown();
        runtime = RingKernelRuntime.builder().backend(io.ringkernel.api.BackendType.APARAPI)
                .device(AparapiDevicesUnderTest.threadPool()).addBackend(AparapiDevicesUnderTest.BACKEND)
                .addKernel(new ConformanceKernel()).addKernel(TestKernels.definition(
                        MisbehavingHandlers.Allocating.class.getName())).build();
        assertThatThrownBy(() -> runtime.launch("bad", LaunchOptions.defaults().withDefinition(TestKernels.ID)))
                .isInstanceOf(KernelLaunchException.class);
        KernelHandle good = runtime.launch("good", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
        assertThat(good.call(new Ping(3, 1), Ping.class, Duration.ofSeconds(10))).isEqualTo(new Ping(3, 1));
    }
}
