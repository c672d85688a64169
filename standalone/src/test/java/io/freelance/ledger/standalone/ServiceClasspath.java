package io.freelance.ledger.standalone;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classpath a child service JVM runs on: the one this test JVM was given, without test output
 * directories. Surefire may hand the test JVM only a manifest-only booter jar, or keep the real
 * classpath in {@code surefire.test.class.path}; both are unwrapped here, and the result is checked
 * to hold the service's own classes and its main dependencies before it is used.
 */
public final class ServiceClasspath {

    /** One class from each part the service cannot start without; their jars or folders must be on the classpath. */
    private static final List<String> REQUIRED_CLASSES = List.of(
            "io.freelance.ledger.standalone.StandaloneApplication",
            "io.freelance.ledger.command.escrow.EscrowAccount",
            "io.freelance.ledger.query.contract.ContractCommands",
            "org.springframework.boot.SpringApplication",
            "org.axonframework.eventsourcing.EventSourcingRepository",
            "de.bwaldvogel.mongo.MongoServer",
            "org.h2.Driver");

    private static final Map<String, Boolean> SOURCE_REPORTED = new ConcurrentHashMap<>();

    private ServiceClasspath() {
    }

    /** The entries, checked; fails naming what is missing when no candidate is complete. */
    public static List<String> resolve() {
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        candidates.put("java.class.path", split(System.getProperty("java.class.path", "")));
        candidates.put("surefire.test.class.path", split(System.getProperty("surefire.test.class.path", "")));
        candidates.put("the manifest of java.class.path's only jar", fromManifestOnlyJar(split(System.getProperty("java.class.path", ""))));
        List<Path> required = REQUIRED_CLASSES.stream().map(ServiceClasspath::locationOf).toList();
        for (Map.Entry<String, List<String>> candidate : candidates.entrySet()) {
            if (containsAll(candidate.getValue(), required)) {
                SOURCE_REPORTED.computeIfAbsent(candidate.getKey(), source -> {
                    System.out.printf("Child service classpath: %d entries from %s%n", candidate.getValue().size(), source);
                    return true;
                });
                // Test classes would join the service's component scan (it scans io.freelance.ledger): leave them out.
                return candidate.getValue().stream().filter(entry -> !Path.of(entry).endsWith("test-classes")).toList();
            }
        }
        throw new IllegalStateException("No complete classpath for the child service: java.class.path="
                + System.getProperty("java.class.path") + ", required locations " + required);
    }

    public static String asArgument(List<String> entries) {
        return String.join(File.pathSeparator, entries);
    }

    private static boolean containsAll(List<String> entries, List<Path> required) {
        List<Path> normalized = entries.stream().map(entry -> Path.of(entry).toAbsolutePath().normalize()).toList();
        return normalized.containsAll(required);
    }

    private static Path locationOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, ServiceClasspath.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + className + " on the test classpath", e);
        }
    }

    private static List<String> split(String classpath) {
        return classpath.isBlank() ? List.of() : Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    /** A manifest-only jar lists the real entries as file URLs in its Class-Path attribute. */
    private static List<String> fromManifestOnlyJar(List<String> entries) {
        if (entries.size() != 1 || !entries.get(0).endsWith(".jar") || !Files.isRegularFile(Path.of(entries.get(0)))) {
            return List.of();
        }
        try (JarFile jar = new JarFile(entries.get(0))) {
            String classPath = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            Stream.of(classPath.trim().split("\\s+")).forEach(url -> result.add(fileOf(url)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileOf(String url) {
        try {
            return Path.of(new java.net.URI(url)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url;
        }
    }
}
