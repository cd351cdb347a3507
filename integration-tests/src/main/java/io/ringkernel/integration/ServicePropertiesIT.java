package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.examples.EchoKernel;
import io.ringkernel.examples.RollingStatisticsKernel;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** Plug-in services carry the service properties named in the API, so they can be picked by filter. */
@ExtendWith(ServiceExtension.class)
@Timeout(60)
class ServicePropertiesIT {

    @InjectService(filter = "(" + KernelDefinition.PROPERTY_ID + "=" + EchoKernel.ID + ")", timeout = 10_000)
    KernelDefinition echo;

    @InjectService(filter = "(" + KernelDefinition.PROPERTY_ID + "=" + RollingStatisticsKernel.ID + ")", timeout = 10_000)
    KernelDefinition rollingStatistics;

    @InjectService(filter = "(" + MessageSerializer.PROPERTY_NAME + "=" + EchoKernel.SERIALIZER + ")", timeout = 10_000)
    MessageSerializer kryo;

    @Test
    void shouldFindEachKernelDefinitionByItsId() {
        assertThat(echo.id()).isEqualTo(EchoKernel.ID);
        assertThat(rollingStatistics.id()).isEqualTo(RollingStatisticsKernel.ID);
    }

    @Test
    void shouldFindTheKryoSerializerByItsName() {
        assertThat(kryo.name()).isEqualTo(EchoKernel.SERIALIZER);
    }
}
