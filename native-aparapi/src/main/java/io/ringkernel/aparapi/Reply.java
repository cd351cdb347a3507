package io.ringkernel.aparapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a field of a {@link MessageBatchKernel} to one component of a reply type: after each
 * run the backend packs the reply of message {@code i} from index {@code i} of the reply type's
 * columns (from {@code start[i]} on for an array component), if the handler set
 * {@code replyType[i]} to that type. A component without a column is sent as zero (an empty
 * array). Primitive and {@link Part#LENGTH} columns are zeroed before each run.
 *
 * <pre>{@code
 * @Reply(type = Ping.class, component = "sequence")
 * long[] echoedSequence;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Reply {

    /** @return the reply's record type, a fixed-layout message type of the kernel */
    Class<? extends Record> type();

    /** @return the name of the record component */
    String component();

    /** @return which part of the component the field holds; {@link Part#VALUES} by default */
    Part part() default Part.VALUES;
}
