package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.examples.EchoKernel;
import io.ringkernel.management.KernelBundlesMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The shell commands and the MBeans, the kernel bundles' included, appear as soon as the runtime service does. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(60)
class ManagementServicesIT {

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @InjectBundleContext
    BundleContext context;

    @Test
    void shouldRegisterTheRkCommandsForGogo() throws Exception {
        ServiceReference<?>[] commands = context.getServiceReferences((String) null, "(osgi.command.scope=rk)");
        assertThat(commands).hasSize(1);
        assertThat((String[]) commands[0].getProperty("osgi.command.function")).containsExactly(
                "list", "launch", "activate", "deactivate", "terminate", "send", "call", "metrics", "backends");
    }

    @Test
    void shouldShowTheRuntimeAndItsKernelsAsMBeans() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName runtimeName = new ObjectName("io.ringkernel:type=Runtime");
        assertThat(server.isRegistered(runtimeName)).isTrue();
        server.invoke(runtimeName, "launch", new Object[] {"jmx-echo", EchoKernel.ID},
                new String[] {String.class.getName(), String.class.getName()});
        try {
            assertThat((String[]) server.getAttribute(runtimeName, "KernelIds")).contains("jmx-echo");
            ObjectName kernelName = new ObjectName("io.ringkernel:type=Kernel,name=" + ObjectName.quote("jmx-echo"));
            assertThat(server.getAttribute(kernelName, "Status")).isEqualTo("ACTIVE");
        } finally {
            runtime.terminate("jmx-echo");
        }
    }

    @Test
    void shouldListTheKernelBundlesInAnMBean() throws Exception {
        KernelBundlesMXBean bundles = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName("io.ringkernel:" + KernelBundlesMXBean.NAME_PROPERTIES), KernelBundlesMXBean.class);

        assertThat(bundles.getKernelBundles()).anySatisfy(bundle -> {
            assertThat(bundle.getSymbolicName()).isEqualTo(FrameworkUtil.getBundle(EchoKernel.class).getSymbolicName());
            assertThat(bundle.getVersion()).isEqualTo(FrameworkUtil.getBundle(EchoKernel.class).getVersion().toString());
            assertThat(bundle.getState()).isEqualTo("ACTIVE");
            assertThat(bundle.getDefinitionIds()).contains(EchoKernel.ID);
        }).noneSatisfy(bundle -> assertThat(bundle.getDefinitionIds()).isEmpty());
    }
}
