package io.ringkernel.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that the annotated type's bundle needs a backend of any type: bnd writes a
 * {@value RingKernelNamespaces#BACKEND_NAMESPACE} requirement that matches every backend type
 * into the bundle's {@code Require-Capability} header, so the bundle resolves only where some
 * bundle {@link ProvidesBackend provides a backend}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Requirement(namespace = RingKernelNamespaces.BACKEND_NAMESPACE,
        filter = "(" + RingKernelNamespaces.BACKEND_TYPE_ATTRIBUTE + "=*)")
public @interface RequiresBackend {
}
