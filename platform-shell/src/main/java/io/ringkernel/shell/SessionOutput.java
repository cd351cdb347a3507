package io.ringkernel.shell;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Writes to whatever {@code System.out} is at the moment of the write: Gogo points it at the
 * current session's terminal for the thread running a command.
 */
final class SessionOutput extends OutputStream {

    /** @return a print stream over the calling session's output */
    static PrintStream stream() {
        return new PrintStream(new SessionOutput(), true);
    }

    @Override
    public void write(int b) {
        System.out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        System.out.write(bytes, offset, length);
    }

    @Override
    public void flush() {
        System.out.flush();
    }
}
