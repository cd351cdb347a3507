package io.ringkernel.aparapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a field of a {@link MessageBatchKernel} to one component of a request type: before each
 * run the backend fills the field's array with that component of every message of the type in
 * the batch. Slots holding a message of another type keep whatever the array held.
 *
 * <pre>{@code
 * @Request(type = Ping.class, component = "sequence")
 * long[] sequence;          // sequence[i]: the sequence of message i, if it is a Ping
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Request {

    /** @return the request's record type, a fixed-layout message type of the kernel */
    Class<? extends Record> type();

    /** @return the name of the record component */
    String component();

    /** @return which part of the component the field holds; {@link Part#VALUES} by default */
    Part part() default Part.VALUES;
}
