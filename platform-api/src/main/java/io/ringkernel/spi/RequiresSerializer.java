package io.ringkernel.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that the annotated type's bundle needs the named {@link MessageSerializer}: bnd writes
 * a {@value RingKernelNamespaces#SERIALIZER_NAMESPACE} requirement filtered on the name into the
 * bundle's {@code Require-Capability} header, so the bundle resolves only where some bundle
 * {@link ProvidesSerializer provides that serializer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Requirement(namespace = RingKernelNamespaces.SERIALIZER_NAMESPACE,
        filter = "(" + RingKernelNamespaces.SERIALIZER_NAME_ATTRIBUTE + "=${#value})")
public @interface RequiresSerializer {

    /** @return the serializer's name, as the bundle's message types name it, e.g. "kryo" */
    String value();
}
