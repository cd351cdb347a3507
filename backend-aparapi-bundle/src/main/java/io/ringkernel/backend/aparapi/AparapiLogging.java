package io.ringkernel.backend.aparapi;

import com.aparapi.Config;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Aparapi's logging to what matters. Aparapi's {@link Config} class initialiser sets every
 * handler of the root logger to Aparapi's log level (system property {@code com.aparapi.logLevel},
 * WARNING by default), which would hide every INFO record the JVM logs from then on; and its class
 * reader warns of every class-file attribute newer than Java 8 (NestHost, MethodParameters, …)
 * that it skips, for each handler it reads. The first is undone, the second filtered out; Aparapi's
 * other messages stay.
 */
final class AparapiLogging {
    /* Held so that the filter outlives garbage collection of the logger. */
    private static final Logger APARAPI_LOG = initialise();

    private AparapiLogging() {
    }

    /** Makes sure Aparapi's logging is set up as described; does the work once per class loader. */
    static void ensure() {
        APARAPI_LOG.getName();
    }

    private static Logger initialise() {
        Handler[] handlers = Logger.getLogger("").getHandlers();
        Level[] levels = new Level[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            levels[i] = handlers[i].getLevel();
        }
        String name;
        try {
            name = Config.getLoggerName();
        } finally {
            for (int i = 0; i < handlers.length; i++) {
                handlers[i].setLevel(levels[i]);
            }
        }
        Logger logger = Logger.getLogger(name);
        logger.setFilter(entry -> entry.getMessage() == null || !entry.getMessage().startsWith("Found unexpected Attribute"));
        return logger;
    }
}
