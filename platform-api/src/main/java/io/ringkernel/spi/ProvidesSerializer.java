package io.ringkernel.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares that the annotated type's bundle makes a {@link MessageSerializer} available: bnd
 * writes a {@value RingKernelNamespaces#SERIALIZER_NAMESPACE} capability with the serializer's
 * name into the bundle's {@code Provide-Capability} header.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Capability(namespace = RingKernelNamespaces.SERIALIZER_NAMESPACE,
        attribute = RingKernelNamespaces.SERIALIZER_NAME_ATTRIBUTE + "=${#value}")
public @interface ProvidesSerializer {

    /** @return the serializer's name, as message types refer to it, e.g. "kryo" */
    String value();
}
