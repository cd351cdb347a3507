package io.ringkernel.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that the annotated type's bundle needs a backend: bnd writes a
 * {@value RingKernelNamespaces#BACKEND_NAMESPACE} requirement filtered on the backend type into
 * the bundle's {@code Require-Capability} header, so the bundle resolves only where some bundle
 * {@link ProvidesBackend provides such a backend}. The framework wires the requirement to one
 * provider, and refreshing that provider refreshes the kernel bundle too: name the type the
 * kernels run on ({@code "CPU"} for kernels with Java handlers only) rather than any, so that
 * updating a backend bundle such as OpenCL's leaves them alone.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Requirement(namespace = RingKernelNamespaces.BACKEND_NAMESPACE,
        filter = "(" + RingKernelNamespaces.BACKEND_TYPE_ATTRIBUTE + "=${#value})")
public @interface RequiresBackend {

    /** @return the name of the backend type the bundle needs, e.g. "CPU", or "*" for any type */
    String value() default "*";
}
