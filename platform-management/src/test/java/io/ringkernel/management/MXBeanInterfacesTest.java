package io.ringkernel.management;

import static io.ringkernel.management.ManagedRuntime.kernelName;
import static io.ringkernel.management.ManagedRuntime.runtimeName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.management.Descriptor;
import javax.management.JMX;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.openmbean.OpenType;
import org.junit.jupiter.api.Test;

class MXBeanInterfacesTest {

    @Test
    void shouldBeValidMXBeanInterfaces() {
        assertThat(JMX.isMXBeanInterface(RingKernelRuntimeMXBean.class)).isTrue();
        assertThat(JMX.isMXBeanInterface(KernelMXBean.class)).isTrue();
    }

    @Test
    void shouldDescribeEveryAttributeParameterAndReturnWithAnOpenType() throws Exception {
        try (ManagedRuntime managed = new ManagedRuntime()) {
            managed.launch("k");
            managed.mbeans.refresh();

            for (ObjectName name : List.of(runtimeName(), kernelName("k"))) {
                MBeanInfo info = managed.server.getMBeanInfo(name);
                assertThat(info.getDescriptor().getFieldValue("mxbean")).isEqualTo("true");
                assertThat(info.getAttributes()).isNotEmpty();
                assertThat(descriptors(info)).allSatisfy(descriptor ->
                        assertThat(descriptor.getFieldValue("openType")).isInstanceOf(OpenType.class));
            }
        }
    }

    private static List<Descriptor> descriptors(MBeanInfo info) {
        List<Descriptor> descriptors = new ArrayList<>();
        for (var attribute : info.getAttributes()) {
            descriptors.add(attribute.getDescriptor());
        }
        for (MBeanOperationInfo operation : info.getOperations()) {
            descriptors.add(operation.getDescriptor());
            for (MBeanParameterInfo parameter : operation.getSignature()) {
                descriptors.add(parameter.getDescriptor());
            }
        }
        return descriptors;
    }
}
