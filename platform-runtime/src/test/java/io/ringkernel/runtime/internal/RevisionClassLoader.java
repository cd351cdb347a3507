package io.ringkernel.runtime.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines one class again, as a new bundle revision would: same name and bytes, another
 * {@link Class}. Every other class comes from the parent.
 */
final class RevisionClassLoader extends ClassLoader {
    private final Class<?> original;

    RevisionClassLoader(Class<?> original) {
        super(original.getClassLoader());
        this.original = original;
    }

    /** @return the class defined again by this loader */
    Class<?> revised() throws ClassNotFoundException {
        return loadClass(original.getName());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(original.getName())) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            String resource = name.replace('.', '/') + ".class";
            try (InputStream bytes = original.getClassLoader().getResourceAsStream(resource)) {
                if (bytes == null) {
                    throw new ClassNotFoundException(name + ": no " + resource);
                }
                byte[] code = bytes.readAllBytes();
                return defineClass(name, code, 0, code.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
