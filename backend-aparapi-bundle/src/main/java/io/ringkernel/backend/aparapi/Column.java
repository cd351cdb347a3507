package io.ringkernel.backend.aparapi;

import io.ringkernel.aparapi.Part;
import io.ringkernel.codec.FixedLayout;
import java.lang.reflect.Field;

/**
 * One field of a handler bound to a part of one component of a fixed-layout message type.
 *
 * @param field the handler's field, made accessible
 * @param typeId the message type's wire id
 * @param component the component, with its offset in the payload
 * @param part which part of it the field holds
 * @param primitive the type of the field's elements
 */
record Column(Field field, int typeId, FixedLayout.Field component, Part part, Primitive primitive) {

    /** @return whether the component is an array, whose elements lie after the fixed part */
    boolean arrayComponent() {
        return component.kind() == FixedLayout.Field.Kind.ARRAY;
    }

    /** @return whether the column holds one value per message (not the elements of an array component) */
    boolean perMessage() {
        return part != Part.VALUES || !arrayComponent();
    }
}
