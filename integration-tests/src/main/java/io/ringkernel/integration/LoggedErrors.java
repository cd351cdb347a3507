package io.ringkernel.integration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The errors the platform's bundles log while a test runs. They log through
 * {@link System.Logger}, which writes to {@code java.util.logging} where no other logger finder
 * is installed, as in the frameworks the tests run in; this handler on its root logger keeps the
 * formatted messages of level {@link Level#SEVERE}.
 */
final class LoggedErrors implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                messages.add(formatter.formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LoggedErrors() {
        root.addHandler(handler);
    }

    /** @return a capture that runs until closed */
    static LoggedErrors capture() {
        return new LoggedErrors();
    }

    /** @return the error messages logged so far, oldest first */
    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
