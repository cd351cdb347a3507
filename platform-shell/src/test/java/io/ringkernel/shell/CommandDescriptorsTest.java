package io.ringkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.api.Test;

class CommandDescriptorsTest {

    private static List<Method> commandMethods() {
        return Arrays.stream(RingKernelCommands.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .toList();
    }

    @Test
    void shouldOfferExactlyTheDeclaredFunctionsAsPublicMethods() {
        assertThat(commandMethods()).extracting(Method::getName)
                .containsOnly(RingKernelCommands.FUNCTIONS)
                .contains(RingKernelCommands.FUNCTIONS);
        assertThat(RingKernelCommands.SCOPE).isEqualTo("rk");
    }

    @Test
    void shouldDescribeEveryCommandAndEveryParameterForHelp() {
        for (Method method : commandMethods()) {
            assertThat(method.getAnnotation(Descriptor.class)).as(method.toString()).isNotNull();
            assertThat(method.getAnnotation(Descriptor.class).value()).as(method.toString()).isNotBlank();
            for (var parameter : method.getParameters()) {
                assertThat(parameter.getAnnotation(Descriptor.class)).as(parameter + " of " + method).isNotNull();
            }
        }
    }
}
