package io.ringkernel.backend.aparapi;

import com.aparapi.internal.exception.AparapiException;
import com.aparapi.internal.exception.ClassParseException;
import com.aparapi.internal.model.ClassModel;
import com.aparapi.internal.model.Entrypoint;
import com.aparapi.internal.writer.KernelWriter;
import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.spi.KernelDefinition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * A kernel definition's Aparapi handler class: loaded by the definition's own class loader (in
 * OSGi, its bundle's), checked to be a {@link MessageBatchKernel} Aparapi can translate, and
 * instantiated once per launched kernel.
 *
 * @param type the handler class
 * @param constructor its public no-argument constructor
 */
record HandlerClass(Class<? extends MessageBatchKernel> type, Constructor<? extends MessageBatchKernel> constructor) {

    /**
     * @param definition a definition naming its handler class under {@link AparapiBackend#SOURCE_KEY}
     * @return the class, checked
     * @throws IllegalArgumentException saying what is wrong: the class is missing, is no
     *         MessageBatchKernel, has no public no-argument constructor, or cannot be translated
     */
    static HandlerClass of(KernelDefinition definition) {
        String name = definition.deviceSources().get(AparapiBackend.SOURCE_KEY).trim();
        Class<?> loaded;
        try {
            loaded = Class.forName(name, false, definition.getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("the Aparapi handler class " + name + " cannot be loaded by the class loader"
                    + " of " + definition.getClass().getName() + ": " + e, e);
        }
        if (!MessageBatchKernel.class.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException("the Aparapi handler class " + name + " does not extend "
                    + MessageBatchKernel.class.getName());
        }
        Class<? extends MessageBatchKernel> type = loaded.asSubclass(MessageBatchKernel.class);
        try {
            HandlerClass handler = new HandlerClass(type, type.getConstructor());
            handler.checkTranslatable(handler.newInstance());
            return handler;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("the Aparapi handler class " + name
                    + " has no public no-argument constructor", e);
        }
    }

    /** @return a new instance, for one launched kernel */
    MessageBatchKernel newInstance() {
        try {
            return constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException("the Aparapi handler class " + type.getName() + " cannot be instantiated: "
                    + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the constructor of the Aparapi handler class " + type.getName()
                    + " threw " + e.getCause(), e.getCause());
        }
    }

    /**
     * Translates the handler to OpenCL C without running it, so that a handler that would run on
     * the Java thread pool yet not on a GPU is refused everywhere.
     */
    private void checkTranslatable(MessageBatchKernel probe) {
        try {
            Entrypoint entrypoint = ClassModel.createClassModel(type).getEntrypoint("run", probe);
            KernelWriter.writeToString(entrypoint);
        } catch (AparapiException | RuntimeException e) {
            throw new IllegalArgumentException("Aparapi cannot translate " + where(e) + " of " + type.getName()
                    + " to OpenCL: " + e.getMessage(), e);
        }
    }

    private static String where(Exception e) {
        if (e instanceof ClassParseException parse && parse.getInstruction() != null) {
            return "method " + parse.getInstruction().getMethod().getSimpleName() + "() at bytecode offset "
                    + parse.getInstruction().getThisPC();
        }
        return "method run()";
    }
}
