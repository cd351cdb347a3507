package io.ringkernel.spi;

import io.ringkernel.api.BackendType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares that the annotated type's bundle makes a backend available: bnd writes a
 * {@value RingKernelNamespaces#BACKEND_NAMESPACE} capability with the backend's type into the
 * bundle's {@code Provide-Capability} header.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Capability(namespace = RingKernelNamespaces.BACKEND_NAMESPACE,
        attribute = RingKernelNamespaces.BACKEND_TYPE_ATTRIBUTE + "=${#value}")
public @interface ProvidesBackend {

    /** @return the type of the backend the bundle provides */
    BackendType value();
}
