package io.ringkernel.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import javax.management.remote.JMXConnector;

/**
 * The dashboard on its own, against a platform in another JVM over JMX:
 * <pre>
 * DashboardMain --jmx service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi [--user NAME --password SECRET]
 * </pre>
 * The platform's JVM must accept remote JMX connections (standard {@code com.sun.management.jmxremote.*}
 * settings; see the README).
 */
public final class DashboardMain extends Application {
    static final String USAGE = "usage: ringkernel-dashboard --jmx <service URL> [--user <name> --password <secret>]";

    private DashboardWindow window;
    private DashboardSource source;

    /** @param args the command line */
    public static void main(String... args) {
        launch(DashboardMain.class, args);
    }

    @Override
    public void start(Stage stage) {
        Options options = Options.parse(getParameters().getRaw());
        source = JmxSource.connect(options.address(), options.environment());
        window = DashboardWindow.show(stage, source);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (source != null) {
            source.close();
        }
    }

    /**
     * The command line.
     *
     * @param address the JMX service URL
     * @param user the user name, or null
     * @param password the password, or null
     */
    record Options(String address, String user, String password) {

        static Options parse(List<String> args) {
            String address = null;
            String user = null;
            String password = null;
            for (int i = 0; i < args.size(); i++) {
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (args.get(i)) {
                    case "--jmx" -> address = value;
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "\n" + USAGE);
                }
                if (value == null) {
                    throw new IllegalArgumentException(args.get(i) + " needs a value\n" + USAGE);
                }
                i++;
            }
            if (address == null) {
                throw new IllegalArgumentException("--jmx is missing\n" + USAGE);
            }
            if ((user == null) != (password == null)) {
                throw new IllegalArgumentException("--user and --password go together\n" + USAGE);
            }
            return new Options(address, user, password);
        }

        Map<String, Object> environment() {
            Map<String, Object> environment = new HashMap<>();
            if (user != null) {
                environment.put(JMXConnector.CREDENTIALS, new String[] {user, password});
            }
            return environment;
        }
    }
}
