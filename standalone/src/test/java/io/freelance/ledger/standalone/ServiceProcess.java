package io.freelance.ledger.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone service as a separate JVM, as an operator runs it: its own data directory, a free
 * loopback port, its output in a log file under {@code target/service-logs}. It can be killed with
 * SIGKILL (no shutdown hook, no flush: what a power cut or {@code kill -9} leaves behind) and started
 * again on the same data. A JVM shutdown hook kills it too, so a crashed or interrupted test leaves no
 * JVM behind; callers still close it in a finally block or {@code @AfterAll}.
 */
public final class ServiceProcess implements AutoCloseable {

    /** What {@link Process#exitValue()} reports for a process ended by signal 9: 128 + 9. */
    public static final int KILLED_BY_SIGKILL = 137;

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Path LOG_DIRECTORY = Path.of("target", "service-logs").toAbsolutePath();
    /** Inherited settings that would change what the child runs against; the child gets only the ones passed in. */
    private static final List<String> INHERITED_PREFIXES_DROPPED = List.of("LEDGER_", "SPRING_", "SERVER_", "AXON_", "LOGGING_");

    private final String name;
    private final Path dataDirectory;
    private final Map<String, String> environment;
    private final ChildMain main;
    private final List<String> classpath = ServiceClasspath.resolve();
    private final List<Path> logFiles = new ArrayList<>();
    private final HttpClient probe = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread killOnExit = new Thread(this::killQuietly, "kill-child-service");
    private Process process;
    private int port;
    private String maxHeap = "512m";

    /**
     * @param name        names the log files
     * @param environment extra environment for every start, e.g. shortened escrow timings
     */
    public ServiceProcess(String name, Path dataDirectory, Map<String, String> environment) {
        this(name, dataDirectory, environment, ChildMain.SERVICE);
    }

    /**
     * @param main the class the child JVM runs, and the system properties it gets; {@link ChildMain#SERVICE} is
     *             the service's own main class, as an operator starts it
     */
    public ServiceProcess(String name, Path dataDirectory, Map<String, String> environment, ChildMain main) {
        this.name = name;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.main = main;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * What the child JVM runs. A main class other than the service's (a test's wrapper around
     * {@code StandaloneApplication.main}) must have no nested classes: only its own class file is put on the
     * child's classpath, copied out of the test output, which stays off it (see {@link ServiceClasspath}).
     */
    public record ChildMain(Class<?> mainClass, Map<String, String> systemProperties) {

        public static final ChildMain SERVICE = new ChildMain(StandaloneApplication.class, Map.of());

        public ChildMain {
            systemProperties = Map.copyOf(systemProperties);
        }

        boolean isService() {
            return mainClass == StandaloneApplication.class;
        }
    }

    /** The child's {@code -Xmx} from its next start on (512m, the size the README runs the service at, by default). */
    public ServiceProcess maxHeap(String size) {
        this.maxHeap = size;
        return this;
    }

    /** Starts the JVM on the data directory and returns once the service reports UP. */
    public ServiceProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        port = freeLoopbackPort();
        // The test JVM's pid keeps two test runs at the same time from writing into each other's logs.
        Path logFile = LOG_DIRECTORY.resolve(name + "-" + ProcessHandle.current().pid() + "-" + (logFiles.size() + 1) + ".log");
        logFiles.add(logFile);
        try {
            Files.createDirectories(LOG_DIRECTORY);
            Files.deleteIfExists(logFile);
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> childEnvironment = builder.environment();
            childEnvironment.keySet().removeIf(key -> INHERITED_PREFIXES_DROPPED.stream().anyMatch(key::startsWith));
            childEnvironment.putAll(environment);
            childEnvironment.put("LEDGER_DATA_DIR", dataDirectory.toString());
            childEnvironment.put("SERVER_PORT", Integer.toString(port));
            childEnvironment.put("SERVER_ADDRESS", "127.0.0.1");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        awaitReady();
        return this;
    }

    /** SIGKILL, then waits for the exit; fails unless the JVM really died of signal 9. */
    public void kill() {
        requireRunning();
        process.destroyForcibly();
        int exitCode = awaitExit(process);
        if (exitCode != KILLED_BY_SIGKILL) {
            throw new IllegalStateException(name + " exited with " + exitCode + " instead of dying of SIGKILL; see " + currentLog());
        }
    }

    /** SIGTERM: the service shuts down gracefully (the stores close their files). Returns the exit code. */
    public int stop() {
        requireRunning();
        process.destroy();
        return awaitExit(process);
    }

    public String baseUrl() {
        requireRunning();
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Every log file this service has written, one per start, oldest first. */
    public List<Path> logFiles() {
        return List.copyOf(logFiles);
    }

    public long pid() {
        requireRunning();
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        killQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same.
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        main.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        List<String> entries = new ArrayList<>(classpath);
        if (!main.isService()) {
            entries.add(0, classDirectoryWithOnly(main.mainClass()).toString());
        }
        command.add(ServiceClasspath.asArgument(entries));
        command.add(main.mainClass().getName());
        return command;
    }

    /** A folder under {@code target} holding the one class file, in its package's folders. */
    private static Path classDirectoryWithOnly(Class<?> type) {
        String file = type.getName().replace('.', '/') + ".class";
        Path directory = Path.of("target", "child-main-classes", type.getSimpleName()).toAbsolutePath();
        try (InputStream classFile = type.getClassLoader().getResourceAsStream(file)) {
            if (classFile == null) {
                throw new IllegalStateException("No class file for " + type.getName());
            }
            Path target = directory.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(classFile, target, StandardCopyOption.REPLACE_EXISTING);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the class file of " + type.getName(), e);
        }
    }

    private void awaitReady() {
        long giveUpAt = System.nanoTime() + READINESS_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < giveUpAt) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tailOfLog());
            }
            try {
                HttpResponse<String> response = probe.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            pause(Duration.ofMillis(200));
        }
        killQuietly();
        throw new IllegalStateException(name + " was not UP within " + READINESS_TIMEOUT + ":\n" + tailOfLog());
    }

    private int awaitExit(Process exiting) {
        try {
            if (!exiting.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                exiting.destroyForcibly();
                exiting.waitFor();
                throw new IllegalStateException(name + " did not exit within " + STOP_TIMEOUT + "; killed it");
            }
            return exiting.exitValue();
        } catch (InterruptedException e) {
            exiting.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to exit", e);
        }
    }

    private void killQuietly() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            try {
                running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void requireRunning() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
    }

    private Path currentLog() {
        return logFiles.get(logFiles.size() - 1);
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(currentLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A port free right now on loopback; the child binds it a moment later. */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
