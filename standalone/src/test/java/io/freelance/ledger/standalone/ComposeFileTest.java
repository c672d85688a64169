package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.freelance.ledger.query.security.LedgerSecurityProperties;
import io.freelance.ledger.query.security.LedgerSecurityProperties.Mode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker compose up} must work out of the box, with no Docker engine needed to check it: the
 * file is read here as YAML. Docker compose itself validates it where its command is installed.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = repositoryRoot().resolve("docker-compose.yml");
    private static final String AXON_SERVER_IMAGE = "axoniq/axonserver";
    /** Programs the distroless Axon Server image does not have. */
    private static final Set<String> ABSENT_FROM_DISTROLESS = Set.of("sh", "bash", "ash", "dash", "curl", "wget");
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}, {@code ${NAME?error}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    @Test
    void axonServerHasNoHealthcheckThatNeedsAShellOrAToolItsImageLacks() {
        Map<String, Map<String, Object>> axonServers = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith(AXON_SERVER_IMAGE)) {
                axonServers.put(name, service);
            }
        });

        assertThat(axonServers).as("services running the Axon Server image").isNotEmpty();
        axonServers.forEach((name, service) -> healthcheckTest(service).ifPresent(test -> {
            assertThat(needsAShell(test)).as("healthcheck of %s runs through a shell: %s", name, test).isFalse();
            assertThat(test).as("healthcheck of %s", name).noneMatch(ABSENT_FROM_DISTROLESS::contains);
        }));
    }

    @Test
    void everyServiceWaitedForAsHealthyHasAHealthcheck() {
        Map<String, Map<String, Object>> services = services();
        List<String> waits = new ArrayList<>();
        services.forEach((name, service) -> dependencies(service).forEach((dependency, condition) -> {
            assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency);
            if ("service_healthy".equals(condition)) {
                waits.add(name + " -> " + dependency);
                assertThat(healthcheckTest(services.get(dependency)))
                        .as("%s waits for %s to be healthy, which needs a healthcheck", name, dependency).isPresent();
            }
        }));
        assertThat(waits).as("services waited for as healthy").contains("query-side -> command-side");
    }

    @Test
    void startsWithoutAnyVariableSet() {
        List<String> required = new ArrayList<>();
        Matcher variables = VARIABLE.matcher(composeText());
        while (variables.find()) {
            if (variables.group(2) != null && variables.group(2).endsWith("?")) {
                required.add(variables.group());
            }
        }
        assertThat(required).as("variables docker compose refuses to start without").isEmpty();
    }

    @Test
    void querySideSignsInTheStandaloneDemoUsersByDefault() {
        LedgerSecurityProperties compose = securityOfQuerySide(Map.of());
        LedgerSecurityProperties standalone = standaloneSecurity();

        assertThat(compose.mode()).isEqualTo(Mode.BASIC);
        assertThat(standalone.users()).extracting(LedgerSecurityProperties.BasicUser::username)
                .containsExactly("alice", "bob", "carol", "dave", "erin", "frank");
        assertThat(compose.users()).isEqualTo(standalone.users());
        assertThat(querySideEnvironment(Map.of()).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                .as("no issuer: Spring Boot builds no JWT decoder").isEqualTo("");
    }

    @Test
    void querySideTakesTokensFromAnIdentityProviderWhenAskedTo() {
        Map<String, String> shell = Map.of("LEDGER_SECURITY_MODE", "jwt",
                "LEDGER_JWT_ISSUER_URI", "https://idp.example/realms/ledger");

        assertThat(securityOfQuerySide(shell).mode()).isEqualTo(Mode.JWT);
        assertThat(binder(querySideEnvironment(shell)).bind("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                String.class).get()).isEqualTo("https://idp.example/realms/ledger");
    }

    @Test
    void querySideSendsItsEmailsToTheMailCatcherWhoseWebPageIsPublished() {
        Map<String, Object> environment = querySideEnvironment(Map.of());
        String mailHost = String.valueOf(environment.get("SPRING_MAIL_HOST"));
        Map<String, Map<String, Object>> services = services();

        assertThat(services).as("the service SPRING_MAIL_HOST names").containsKey(mailHost);
        assertThat(String.valueOf(services.get(mailHost).get("image"))).startsWith("axllent/mailpit:");
        assertThat(environment.get("SPRING_MAIL_PORT")).as("Mailpit's SMTP port").isEqualTo("1025");
        assertThat(String.valueOf(services.get(mailHost).get("ports"))).as("Mailpit's web page").contains("8025:8025");
        assertThat(dependencies(services.get("query-side"))).containsEntry(mailHost, "service_started");
    }

    /** Skipped where the {@code docker compose} command is missing; it needs no Docker engine. */
    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        assumeTrue(dockerComposeWorks(), "the docker compose command is not installed here");

        ProcessBuilder config = new ProcessBuilder("docker", "compose", "--file", COMPOSE_FILE.toString(), "config", "--quiet")
                .redirectErrorStream(true);
        // As a fresh shell runs it: none of the file's variables set.
        config.environment().keySet().removeIf(name -> name.startsWith("LEDGER_"));
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker compose config finished").isTrue();
        assertThat(process.exitValue()).as("docker compose config: %s", output).isZero();
    }

    private static boolean dockerComposeWorks() {
        try {
            Process version = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Compose runs a string test, and a {@code CMD-SHELL} one, through {@code /bin/sh -c}. */
    private static boolean needsAShell(List<String> test) {
        if (test.isEmpty()) {
            return false;
        }
        return switch (test.get(0)) {
            case "CMD-SHELL" -> true;
            case "CMD" -> test.size() > 1 && ABSENT_FROM_DISTROLESS.contains(Path.of(test.get(1)).getFileName().toString());
            case "NONE" -> false;
            default -> true;
        };
    }

    /** The healthcheck's test as a list ({@code ["CMD-SHELL", "..."]} for the string form); empty if there is none. */
    private static Optional<List<String>> healthcheckTest(Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck) || Boolean.TRUE.equals(healthcheck.get("disable"))) {
            return Optional.empty();
        }
        Object test = healthcheck.get("test");
        if (test instanceof String command) {
            return Optional.of(List.of("CMD-SHELL", command));
        }
        if (test instanceof List<?> parts && !parts.isEmpty() && !"NONE".equals(parts.get(0))) {
            return Optional.of(parts.stream().map(String::valueOf).toList());
        }
        return Optional.empty();
    }

    /** depends_on in either form: a list of names (condition service_started) or a map of name to condition. */
    private static Map<String, String> dependencies(Map<String, Object> service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> conditions.put(String.valueOf(name), "service_started"));
        } else if (dependsOn instanceof Map<?, ?> byName) {
            byName.forEach((name, settings) -> conditions.put(String.valueOf(name),
                    settings instanceof Map<?, ?> map && map.get("condition") != null
                            ? String.valueOf(map.get("condition")) : "service_started"));
        }
        return conditions;
    }

    private static LedgerSecurityProperties securityOfQuerySide(Map<String, String> shell) {
        return binder(querySideEnvironment(shell)).bindOrCreate("ledger.security", LedgerSecurityProperties.class);
    }

    private static LedgerSecurityProperties standaloneSecurity() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("standalone", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bindOrCreate("ledger.security", Bindable.of(LedgerSecurityProperties.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Environment variables bind to settings as they do in the container (LEDGER_SECURITY_USERS_0_USERNAME
     * to ledger.security.users[0].username): Spring Boot maps names so only for a source named as the
     * system environment.
     */
    private static Binder binder(Map<String, Object> environment) {
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                "compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
    }

    /** The query side's environment as docker compose hands it over when the shell has {@code shell} set. */
    private static Map<String, Object> querySideEnvironment(Map<String, String> shell) {
        Map<String, Object> environment = new LinkedHashMap<>();
        Object declared = services().get("query-side").get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(String.valueOf(name), interpolate(String.valueOf(value), shell)));
        } else if (declared instanceof List<?> list) {
            list.stream().map(String::valueOf).map(entry -> entry.split("=", 2))
                    .forEach(entry -> environment.put(entry[0], entry.length > 1 ? interpolate(entry[1], shell) : ""));
        }
        return environment;
    }

    private static String interpolate(String value, Map<String, String> shell) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String set = shell.get(variable.group(1));
            String operator = variable.group(2);
            boolean emptyCounts = operator != null && operator.startsWith(":");
            boolean missing = set == null || (emptyCounts && set.isEmpty());
            String replacement = !missing ? set : operator != null && operator.endsWith("-") ? variable.group(3) : "";
            variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(result);
        return result.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
            Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String composeText() {
        try {
            return Files.readString(COMPOSE_FILE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tests run in the module's folder; the compose file is at the top of the repository. */
    private static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("docker-compose.yml")) && Files.isRegularFile(folder.resolve("mvnw"))) {
                return folder;
            }
        }
        throw new IllegalStateException("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
    }
}
