package io.freelance.ledger.standalone;

import io.freelance.ledger.command.CommandSideApplication;
import io.freelance.ledger.query.QuerySideApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two applications of the distributed mode, each started from its own application class and
 * settings file as its container starts it, here side by side in the test JVM. Settings are passed
 * as command-line arguments, which outrank the settings file as docker compose's environment
 * variables do.
 */
final class DistributedApplications {

    /**
     * This JVM carries the query side's classpath too, which the command side's own jar does not:
     * its GraphQL schema would be found, and fail to start without the query side's scalars. The
     * command side has no GraphQL, so its auto-configuration is left out as its jar leaves it out.
     */
    private static final String NOT_ON_THE_COMMAND_SIDES_CLASSPATH = String.join(",",
            "org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration");

    private DistributedApplications() {
    }

    static ConfigurableApplicationContext startCommandSide(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(commonSettings());
        all.put("spring.autoconfigure.exclude", NOT_ON_THE_COMMAND_SIDES_CLASSPATH);
        all.putAll(settings);
        return start(CommandSideApplication.class, "command-side", all);
    }

    static ConfigurableApplicationContext startQuerySide(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(commonSettings());
        all.putAll(settings);
        return start(QuerySideApplication.class, "query-side", all);
    }

    /** The HTTP port the application listens on. */
    static int port(ConfigurableApplicationContext application) {
        return Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static void stop(ConfigurableApplicationContext application) {
        if (application != null) {
            application.close();
        }
    }

    private static Map<String, String> commonSettings() {
        return Map.of("server.port", "0", "spring.main.banner-mode", "off");
    }

    /** As the application's {@code main} does: its settings file is {@code <configName>.yml}, not application.yml. */
    private static ConfigurableApplicationContext start(Class<?> applicationClass, String configName, Map<String, String> settings) {
        List<String> arguments = new ArrayList<>();
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(applicationClass)
                .properties("spring.config.name=" + configName)
                .run(arguments.toArray(String[]::new));
    }
}
