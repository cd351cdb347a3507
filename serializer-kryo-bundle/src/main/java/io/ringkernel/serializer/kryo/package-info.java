/**
 * The {@code "kryo"} message serializer: Kryo 5 with class registration always required, class
 * names in payloads refused, and wire counts checked against the payload before anything is
 * allocated. Private to this bundle; the serializer is found through
 * {@link java.util.ServiceLoader} as an {@link io.ringkernel.spi.MessageSerializer}.
 */
package io.ringkernel.serializer.kryo;
