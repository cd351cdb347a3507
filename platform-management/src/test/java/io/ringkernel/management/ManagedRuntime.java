package io.ringkernel.management;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** A CPU runtime with the conformance kernel, registered in a private MBean server. */
final class ManagedRuntime implements AutoCloseable {
    static final String DOMAIN = "test.ringkernel";
    static final Duration NO_BACKGROUND_REFRESH = Duration.ofHours(1);

    final RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build();
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final RingKernelMBeans mbeans;

    ManagedRuntime(Duration refreshInterval) {
        mbeans = RingKernelMBeans.register(runtime, server, DOMAIN, refreshInterval);
    }

    ManagedRuntime() {
        this(NO_BACKGROUND_REFRESH);
    }

    KernelHandle launch(String kernelId) {
        return runtime.launch(kernelId, LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
    }

    static void ping(KernelHandle kernel, int times) {
        for (int i = 0; i < times; i++) {
            kernel.call(new Ping(i, 0), Ping.class, Duration.ofSeconds(5));
        }
    }

    static ObjectName runtimeName() {
        return name(DOMAIN + ":type=Runtime");
    }

    static ObjectName kernelName(String kernelId) {
        return name(DOMAIN + ":type=Kernel,name=" + ObjectName.quote(kernelId));
    }

    static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Polls for up to 5 s: telemetry is published once per batch, and refresh runs on its own thread. */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    Object attribute(ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counters are read as the kernel and the reply path publish them, so they may trail a call briefly. */
    boolean attributeBecomes(ObjectName name, String attribute, Object expected) {
        return eventually(() -> expected.equals(attribute(name, attribute)));
    }

    Object invoke(ObjectName name, String operation, Object... arguments) throws JMException {
        String[] signature = new String[arguments.length];
        Arrays.fill(signature, String.class.getName());
        return server.invoke(name, operation, arguments, signature);
    }

    @Override
    public void close() {
        mbeans.close();
        runtime.close();
    }
}
