package io.ringkernel.spi;

/**
 * Names of the OSGi capability namespaces through which bundles declare what they provide to
 * the platform and what they need from it, so that a kernel bundle does not resolve in a
 * framework that lacks a backend or one of its serializers. The annotations
 * {@link ProvidesBackend}, {@link RequiresBackend}, {@link ProvidesSerializer} and
 * {@link RequiresSerializer} write the matching manifest headers.
 */
public final class RingKernelNamespaces {

    /** Namespace of a backend capability: a bundle that makes a backend available. */
    public static final String BACKEND_NAMESPACE = "io.ringkernel.backend";

    /** Attribute of a backend capability: the {@link io.ringkernel.api.BackendType} name, e.g. "CPU". */
    public static final String BACKEND_TYPE_ATTRIBUTE = "type";

    /** Namespace of a serializer capability: a bundle that makes a message serializer available. */
    public static final String SERIALIZER_NAMESPACE = "io.ringkernel.serializer";

    /** Attribute of a serializer capability: the name message types use, e.g. "kryo". */
    public static final String SERIALIZER_NAME_ATTRIBUTE = "name";

    private RingKernelNamespaces() {
    }
}
