package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The event store's durability options side by side, on a table shaped like Axon's
 * {@code domain_event_entry}: H2 with its default {@code WRITE_DELAY} (commits reach the file up to
 * 500 ms later: the unsafe baseline), H2 with {@code WRITE_DELAY=0} (each commit written to the
 * file before it returns, no fsync), an embedded PostgreSQL 17 with {@code synchronous_commit=on}
 * (WAL fsynced at commit, group commit across connections) and the same with
 * {@code synchronous_commit=off}.
 *
 * <p>{@link #appendReadAndStartFiguresPerOption()} prints appends/s and commit latency from one
 * thread and from 16, batched appends, sequential reads in pages of 1,000, start-up times and bytes
 * on disk. {@link #acknowledgedCommitsSurviveAKilledProcess()} kills a child JVM that appends and
 * prints each committed global index, reopens the store and looks for every printed index.
 *
 * <p>Figures, not pass/fail on speed: tagged {@code benchmark}, left out of the test suite; run it
 * as the README says. Everything it writes is under {@code target/durability-benchmark}; every
 * PostgreSQL it starts is stopped before the method returns.
 */
@Tag("benchmark")
class DurabilityOptionsBenchmark {

    private static final Path ROOT = Path.of("target", "durability-benchmark").toAbsolutePath();
    private static final Path PG_BINARIES = ROOT.resolve("pg-binaries");
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final Duration MEASURED = Duration.ofSeconds(5);
    private static final int THREADS = 16;
    private static final int BATCH = 100;
    private static final int PAGE = 1_000;
    /** Bounds the rows (and so the disk) of the batched measurement on the fast options. */
    private static final long MAX_BATCHED_EVENTS = 300_000;
    private static final int PAYLOAD_BYTES = 600;
    private static final int EVENTS_PER_AGGREGATE = 10;

    enum Option {
        H2_DEFAULT("H2, default WRITE_DELAY"),
        H2_WRITE_DELAY_0("H2, WRITE_DELAY=0"),
        POSTGRES_SYNC("PostgreSQL, sync commit"),
        POSTGRES_ASYNC("PostgreSQL, async commit");

        final String label;

        Option(String label) {
            this.label = label;
        }

        boolean postgres() {
            return this == POSTGRES_SYNC || this == POSTGRES_ASYNC;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Throughput, latency, start-up, disk
    // ------------------------------------------------------------------------------------------

    @Test
    void appendReadAndStartFiguresPerOption() throws Exception {
        Files.createDirectories(ROOT);
        deleteTree(PG_BINARIES); // the first PostgreSQL start then includes unpacking the binaries
        String loadBefore = loadAverage();
        String fsync = fsyncLatency();
        List<Long> postmasters = new ArrayList<>();
        String firstStarts = firstStarts(postmasters);
        List<Figures> figures = new ArrayList<>();
        for (Option option : Option.values()) {
            figures.add(measure(option, postmasters));
        }

        System.out.println();
        System.out.println("== Event store durability options: one ~" + PAYLOAD_BYTES + "-byte event per transaction unless batched; "
                + Runtime.getRuntime().availableProcessors() + " cores; " + WARM_UP.toSeconds() + " s warm-up, "
                + MEASURED.toSeconds() + " s measured each; " + fsync + "; load average " + loadBefore + " before, " + loadAverage() + " after");
        System.out.printf(Locale.ROOT, "%-24s | %-24s | %-24s | %-9s | %-9s | %-15s | %-16s | %-9s | %s%n",
                "option", "1 thread: /s, p50 p99 ms", "16 threads: /s, p50 p99", "batch 100", "reads", "start fresh/again",
                "disk live/closed", "rows", "B/row closed");
        for (Figures f : figures) {
            System.out.println(f.row());
        }
        System.out.println("-- /s = events appended per second; latency = one append transaction (nextval, insert, commit); reads = every event"
                + " in global_index order, pages of " + PAGE + ", after a restart; start fresh = create the database until a connection works"
                + " (PostgreSQL: initdb + start), again = reopen it full; disk live = the directory before the first close, closed = after"
                + " the run; rows = everything written (warm-ups included)");
        for (Figures f : figures) {
            System.out.println("-- " + f.option.label + ": " + f.notes());
        }
        System.out.println("-- " + firstStarts);
        System.out.println();

        List<Long> stillRunning = postmasters.stream().filter(DurabilityOptionsBenchmark::alive).toList();
        System.out.println("PostgreSQL postmasters started: " + postmasters + ", still running: " + stillRunning);
        assertThat(stillRunning).as("every PostgreSQL this benchmark started is stopped").isEmpty();
        assertThat(figures).hasSize(Option.values().length);
    }

    private static Figures measure(Option option, List<Long> postmasters) throws Exception {
        Path directory = ROOT.resolve(option.name().toLowerCase(Locale.ROOT));
        deleteTree(directory);
        Files.createDirectories(directory);
        Figures f = new Figures(option);
        try {
            long started = System.nanoTime();
            try (Store store = Store.open(option, directory)) {
                store.connect().close();
                f.freshStartMillis = millisSince(started);
                store.postmasterPid().ifPresent(postmasters::add);
                f.settings = store.settings();
                store.createTable();
                f.single = appendFor(store, 1, 1, Long.MAX_VALUE);
                f.concurrent = appendFor(store, THREADS, 1, Long.MAX_VALUE);
                f.batched = appendFor(store, 1, BATCH, MAX_BATCHED_EVENTS);
                f.memory = store.serverMemoryKb();
                f.liveDiskBytes = treeBytes(directory);
            }
            started = System.nanoTime();
            try (Store store = Store.open(option, directory)) {
                store.connect().close();
                f.restartMillis = millisSince(started);
                store.postmasterPid().ifPresent(postmasters::add);
                f.read = readAll(store);
                f.tableBytes = store.tableBytes();
            }
            f.diskBytes = treeBytes(directory);
        } finally {
            deleteTree(directory);
        }
        return f;
    }

    /**
     * What the first start in a process costs before any option is measured, so that the options'
     * own figures do not carry it: loading H2's classes, and PostgreSQL's first start on a machine
     * (unpacking the binaries from the jar, initdb, start).
     */
    private static String firstStarts(List<Long> postmasters) throws Exception {
        Path scratch = ROOT.resolve("first-start");
        deleteTree(scratch);
        Files.createDirectories(scratch);
        try {
            long started = System.nanoTime();
            try (Store store = Store.open(Option.H2_DEFAULT, scratch)) {
                store.connect().close();
            }
            long h2 = millisSince(started);
            started = System.nanoTime();
            try (Store store = Store.open(Option.POSTGRES_SYNC, scratch)) {
                store.connect().close();
                store.postmasterPid().ifPresent(postmasters::add);
            }
            long postgres = millisSince(started);
            return String.format(Locale.ROOT, "first use in this JVM, not in the table: H2 open %d ms (class loading);"
                    + " PostgreSQL first start on this machine %d ms (unpacking %.0f MB of binaries, initdb, start)",
                    h2, postgres, treeBytes(PG_BINARIES) / 1e6);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Appends from {@code threads} connections, {@code eventsPerTx} events per transaction. */
    private static Run appendFor(Store store, int threads, int eventsPerTx, long maxEvents) throws Exception {
        long warmUpEnds = System.nanoTime() + WARM_UP.toNanos();
        long measuredEnds = warmUpEnds + MEASURED.toNanos();
        AtomicLong measuredEvents = new AtomicLong();
        long[][] latencies = new long[threads][];
        long[] lastCommit = new long[threads];
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                try (Appender appender = new Appender(store, "w" + worker)) {
                    LongList own = new LongList();
                    ready.countDown();
                    ready.await();
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= measuredEnds || measuredEvents.get() >= maxEvents) {
                            break;
                        }
                        for (int e = 0; e < eventsPerTx; e++) {
                            appender.append();
                        }
                        appender.commit();
                        long after = System.nanoTime();
                        if (before >= warmUpEnds) {
                            own.add(after - before);
                            measuredEvents.addAndGet(eventsPerTx);
                            lastCommit[worker] = after;
                        }
                    }
                    latencies[worker] = own.toArray();
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "append-" + t);
            workers.add(thread);
            thread.start();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.MINUTES.toMillis(2));
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("an append thread failed", failures.get(0));
        }
        long lastEnd = Arrays.stream(lastCommit).filter(end -> end != 0).max().orElse(measuredEnds);
        double seconds = Math.max(1e-9, (lastEnd - warmUpEnds) / 1e9);
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(measuredEvents.get(), seconds, all);
    }

    private static Reading readAll(Store store) throws SQLException {
        try (Connection connection = store.connect();
                PreparedStatement page = connection.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier,"
                        + " sequence_number, type, meta_data, payload, payload_revision, payload_type, time_stamp"
                        + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT " + PAGE)) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long last = 0;
            long events = 0;
            long payloadBytes = 0;
            while (true) {
                page.setLong(1, last);
                int rows = 0;
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        last = result.getLong(1);
                        result.getString(2);
                        result.getString(3);
                        result.getLong(4);
                        result.getString(5);
                        payloadBytes += result.getBytes(6).length + result.getBytes(7).length;
                        result.getString(8);
                        result.getString(9);
                        result.getString(10);
                        rows++;
                    }
                }
                connection.commit();
                events += rows;
                if (rows < PAGE) {
                    break;
                }
            }
            assertThat(payloadBytes).isGreaterThan(events * PAYLOAD_BYTES - 1);
            return new Reading(events, (System.nanoTime() - started) / 1e9);
        }
    }

    /** How long this disk takes to fsync an 8 KiB write: the floor under a durable commit. */
    private static String fsyncLatency() throws IOException {
        Path file = ROOT.resolve("fsync-probe");
        LongList latencies = new LongList();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer block = ByteBuffer.allocate(8192);
            long ends = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            long position = 0;
            while (System.nanoTime() < ends) {
                long before = System.nanoTime();
                block.rewind();
                channel.write(block, position);
                channel.force(false);
                latencies.add(System.nanoTime() - before);
                position = (position + 8192) % (8192 * 64);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        long[] sorted = latencies.toArray();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "8 KiB write+fsync on this disk: p50 %.2f ms, p99 %.2f ms",
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    // ------------------------------------------------------------------------------------------
    // Durability: kill -9 a process that appends, reopen, look for every acknowledged index
    // ------------------------------------------------------------------------------------------

    private static final String READY = "READY";
    private static final String COMMITTED = "COMMITTED ";
    private static final Duration APPEND_BEFORE_KILL = Duration.ofSeconds(2);
    private static final int MIN_COMMITS_BEFORE_KILL = 200;
    private static final int KILL_ROUNDS = 3;

    @Test
    void acknowledgedCommitsSurviveAKilledProcess() throws Exception {
        Files.createDirectories(ROOT);
        Path warmUp = ROOT.resolve("kill-warm-up");
        try (Store store = Store.open(Option.H2_DEFAULT, warmUp)) {
            store.connect().close(); // loads H2's classes, so that the first reopen below times only the reopen
        } finally {
            deleteTree(warmUp);
        }
        String loadBefore = loadAverage();
        List<KillResult> results = new ArrayList<>();
        List<Long> postmasters = new ArrayList<>();
        for (int round = 1; round <= KILL_ROUNDS; round++) {
            for (Option option : Option.values()) {
                results.add(killAndReopen(option, false, postmasters));
            }
        }
        results.add(killAndReopen(Option.POSTGRES_SYNC, true, postmasters));

        System.out.println();
        System.out.println("== kill -9 while appending (one thread, one event per transaction, killed " + APPEND_BEFORE_KILL.toSeconds()
                + " s in), then reopen; " + KILL_ROUNDS + " rounds; load average " + loadBefore + " before, " + loadAverage() + " after");
        System.out.printf(Locale.ROOT, "%-24s | %-27s | %12s | %6s | %9s | %s%n",
                "option", "what was killed", "acknowledged", "lost", "reopen ms", "notes");
        for (KillResult r : results) {
            System.out.printf(Locale.ROOT, "%-24s | %-27s | %12d | %6d | %9d | %s%n",
                    r.option.label, r.killed, r.acknowledged, r.lost, r.reopenMillis, r.notes);
        }
        System.out.println("-- acknowledged = commits that returned before the kill (printed by the child); lost = of those, not found after"
                + " reopening; PostgreSQL's reopen includes its crash recovery");
        System.out.println();

        List<Long> stillRunning = postmasters.stream().filter(DurabilityOptionsBenchmark::alive).toList();
        System.out.println("PostgreSQL postmasters started: " + postmasters + ", still running: " + stillRunning);
        assertThat(stillRunning).as("every PostgreSQL this check started is stopped").isEmpty();
        for (KillResult r : results) {
            assertThat(r.acknowledged).as(r.option.label + ": commits acknowledged before the kill").isGreaterThan(0);
            if (r.option != Option.H2_DEFAULT && r.option != Option.POSTGRES_ASYNC) {
                assertThat(r.lost).as(r.option.label + " (" + r.killed + "): acknowledged commits lost").isZero();
            }
        }
    }

    /**
     * A child JVM opens the store (and, for PostgreSQL, starts it as the service would), appends
     * and prints each committed index; after {@link #APPEND_BEFORE_KILL} it is SIGKILLed. For
     * PostgreSQL either the whole service goes (JVM, postmaster and backends, as when a container
     * or a process group is killed) or only the JVM, after which the orphaned postmaster is looked
     * at and a restart is attempted beside it.
     */
    private static KillResult killAndReopen(Option option, boolean jvmOnly, List<Long> postmasters) throws Exception {
        Path directory = ROOT.resolve("kill-" + option.name().toLowerCase(Locale.ROOT) + (jvmOnly ? "-jvm-only" : ""));
        deleteTree(directory);
        Files.createDirectories(directory);
        Path log = directory.resolve("child.log");
        KillResult result = new KillResult(option, !option.postgres() ? "JVM"
                : jvmOnly ? "JVM only (postmaster left)" : "JVM, postmaster, backends");
        List<Long> acknowledged = new ArrayList<>();
        List<ProcessHandle> server = new ArrayList<>();
        Process child = startChild(ChildMode.APPEND, option, directory, log);
        try {
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> readChild(child, ready, acknowledged), "child-stdout");
            reader.start();
            assertThat(ready.await(120, TimeUnit.SECONDS)).as("child ready; its log: " + log).isTrue();
            long killAt = System.nanoTime() + APPEND_BEFORE_KILL.toNanos();
            long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < killAt || size(acknowledged) < MIN_COMMITS_BEFORE_KILL) {
                assertThat(child.isAlive()).as("child still appending; its log: " + log).isTrue();
                assertThat(System.nanoTime()).as("child appended " + MIN_COMMITS_BEFORE_KILL + " events").isLessThan(giveUpAt);
                Thread.sleep(10);
            }
            if (option.postgres()) {
                long postmaster = postmasterPid(directory.resolve("pgdata")).orElseThrow();
                postmasters.add(postmaster);
                ProcessHandle.of(postmaster).ifPresent(p -> {
                    server.add(p);
                    p.descendants().forEach(server::add);
                });
            }
            child.destroyForcibly(); // SIGKILL
            if (!jvmOnly) {
                server.forEach(ProcessHandle::destroyForcibly);
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));

            if (jvmOnly) {
                Thread.sleep(1000);
                boolean orphanAlive = server.stream().findFirst().map(ProcessHandle::isAlive).orElse(false);
                String restart = attemptRestartBeside(option, directory);
                result.notes = "postmaster " + (orphanAlive ? "still running 1 s after the JVM died" : "gone with the JVM")
                        + "; a restarted service: " + restart + "; then the orphan is SIGKILLed";
                server.forEach(ProcessHandle::destroyForcibly);
            }
            for (ProcessHandle process : server) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }

            long started = System.nanoTime();
            Set<Long> found = new HashSet<>();
            try (Store store = Store.open(option, directory)) {
                try (Connection connection = store.connect()) {
                    result.reopenMillis = millisSince(started);
                    store.postmasterPid().ifPresent(postmasters::add);
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("SELECT global_index FROM domain_event_entry")) {
                        while (rows.next()) {
                            found.add(rows.getLong(1));
                        }
                    } catch (SQLException e) {
                        result.notes = join(result.notes, "table not found after reopen: " + e.getMessage().lines().findFirst().orElse(""));
                    }
                }
            }
            List<Long> printed;
            synchronized (acknowledged) {
                printed = List.copyOf(acknowledged);
            }
            result.acknowledged = printed.size();
            result.lost = printed.stream().filter(index -> !found.contains(index)).count();
            long beyond = found.size() - (printed.size() - result.lost);
            result.notes = join(result.notes, found.size() + " rows found, " + beyond + " committed but not yet printed");
            return result;
        } finally {
            child.destroyForcibly();
            server.forEach(ProcessHandle::destroyForcibly);
            deleteTree(directory);
        }
    }

    /** What a service restarted next to the orphaned postmaster gets: a second start on the same data directory. */
    private static String attemptRestartBeside(Option option, Path directory) throws Exception {
        Path log = directory.resolve("restart.log");
        Process restart = startChild(ChildMode.START_ONLY, option, directory, log);
        String verdict = "no answer";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(restart.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STARTED") || line.startsWith("FAILED")) {
                    verdict = line.toLowerCase(Locale.ROOT);
                }
            }
        } finally {
            if (!restart.waitFor(90, TimeUnit.SECONDS)) {
                restart.destroyForcibly();
            }
        }
        Path postgresLog = directory.resolve("postgres.log");
        if (Files.exists(postgresLog)) {
            try (Stream<String> lines = Files.lines(postgresLog)) {
                String fatal = lines.filter(line -> line.contains("FATAL")).reduce((first, second) -> second).orElse(null);
                if (fatal != null) {
                    verdict += ", PostgreSQL said: " + fatal.substring(fatal.indexOf("FATAL"));
                }
            }
        }
        return verdict;
    }

    private enum ChildMode { APPEND, START_ONLY }

    private static Process startChild(ChildMode mode, Option option, Path directory, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KillTarget.class.getName(), mode.name(), option.name(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static void readChild(Process child, CountDownLatch ready, List<Long> acknowledged) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(COMMITTED)) {
                    long index = Long.parseLong(line.substring(COMMITTED.length()).trim());
                    synchronized (acknowledged) {
                        acknowledged.add(index);
                    }
                } else if (line.startsWith(READY)) {
                    ready.countDown();
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The child was killed mid-line: everything printed whole before that is kept.
        }
    }

    /**
     * The process that gets killed: opens the store as the service would, appends one event per
     * transaction and prints each global index once its commit has returned. Stops by itself
     * after a minute should nobody kill it.
     */
    public static final class KillTarget {

        public static void main(String[] args) throws Exception {
            ChildMode mode = ChildMode.valueOf(args[0]);
            Option option = Option.valueOf(args[1]);
            Path directory = Path.of(args[2]);
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            if (mode == ChildMode.START_ONLY) {
                try (Store store = Store.open(option, directory)) {
                    store.connect().close();
                    out.println("STARTED beside it");
                } catch (Exception e) {
                    out.println("FAILED to start (" + rootCause(e) + ")");
                }
                out.flush();
                return;
            }
            long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try (Store store = Store.open(option, directory)) {
                store.createTable();
                try (Appender appender = new Appender(store, "k")) {
                    out.println(READY);
                    out.flush();
                    while (System.nanoTime() < stopAt) {
                        long index = appender.append();
                        appender.commit();
                        out.println(COMMITTED + index);
                        out.flush();
                    }
                }
            }
            System.exit(3);
        }
    }

    // ------------------------------------------------------------------------------------------
    // The stores
    // ------------------------------------------------------------------------------------------

    /** One option's database under a directory of its own, with one connection held open. */
    abstract static class Store implements AutoCloseable {

        static Store open(Option option, Path directory) throws Exception {
            return switch (option) {
                case H2_DEFAULT -> new H2Store(directory, false);
                case H2_WRITE_DELAY_0 -> new H2Store(directory, true);
                case POSTGRES_SYNC -> new PostgresStore(directory, true);
                case POSTGRES_ASYNC -> new PostgresStore(directory, false);
            };
        }

        abstract Connection connect() throws SQLException;

        abstract String binaryType();

        abstract String nextGlobalIndexSql();

        abstract String settings() throws SQLException;

        abstract long tableBytes() throws SQLException;

        Optional<Long> postmasterPid() {
            return Optional.empty();
        }

        /** Memory of the database server processes outside this JVM (proportional set size), or -1. */
        long serverMemoryKb() {
            return -1;
        }

        void createTable() throws SQLException {
            String binary = binaryType();
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1");
                statement.execute("CREATE TABLE domain_event_entry ("
                        + " global_index BIGINT NOT NULL PRIMARY KEY,"
                        + " event_identifier VARCHAR(255) NOT NULL,"
                        + " aggregate_identifier VARCHAR(255) NOT NULL,"
                        + " sequence_number BIGINT NOT NULL,"
                        + " type VARCHAR(255),"
                        + " meta_data " + binary + ","
                        + " payload " + binary + " NOT NULL,"
                        + " payload_revision VARCHAR(255),"
                        + " payload_type VARCHAR(255) NOT NULL,"
                        + " time_stamp VARCHAR(255) NOT NULL,"
                        + " CONSTRAINT uk_event_identifier UNIQUE (event_identifier),"
                        + " CONSTRAINT uk_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number))");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        }

        @Override
        public abstract void close() throws Exception;
    }

    static final class H2Store extends Store {
        private final String url;
        private final Connection keeper;

        H2Store(Path directory, boolean writeDelayZero) throws SQLException {
            // As the service's URL, plus the option under test.
            this.url = "jdbc:h2:file:" + directory.resolve("event-store") + ";DB_CLOSE_ON_EXIT=FALSE"
                    + (writeDelayZero ? ";WRITE_DELAY=0" : "");
            this.keeper = connect();
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, "ledger", "");
        }

        @Override
        String binaryType() {
            return "VARBINARY";
        }

        @Override
        String nextGlobalIndexSql() {
            return "SELECT NEXT VALUE FOR domain_event_entry_seq";
        }

        @Override
        String settings() throws SQLException {
            try (Statement statement = keeper.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                return "WRITE_DELAY=" + (row.next() ? row.getString(1) : "?");
            }
        }

        @Override
        long tableBytes() {
            return -1;
        }

        @Override
        public void close() throws SQLException {
            keeper.close();
        }
    }

    static final class PostgresStore extends Store {
        private final EmbeddedPostgres postgres;
        private final Path dataDirectory;
        private final String url;

        PostgresStore(Path directory, boolean synchronousCommit) throws IOException {
            this.dataDirectory = directory.resolve("pgdata");
            Path log = directory.resolve("postgres.log");
            this.postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(PG_BINARIES.toFile())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Zonky's builder defaults to synchronous_commit=off: say what is meant.
                    .setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP on loopback only: no Unix socket, so a killed postmaster leaves nothing behind outside target/.
                    .setServerConfig("unix_socket_directories", "")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            this.url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, "postgres", "");
        }

        @Override
        String binaryType() {
            return "BYTEA";
        }

        @Override
        String nextGlobalIndexSql() {
            return "SELECT nextval('domain_event_entry_seq')";
        }

        @Override
        String settings() throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT current_setting('server_version'),"
                            + " current_setting('synchronous_commit'), current_setting('fsync'), current_setting('wal_sync_method')")) {
                rows.next();
                return "PG " + rows.getString(1) + ", synchronous_commit=" + rows.getString(2) + ", fsync=" + rows.getString(3)
                        + ", " + rows.getString(4);
            }
        }

        @Override
        long tableBytes() throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT pg_total_relation_size('domain_event_entry')")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        @Override
        Optional<Long> postmasterPid() {
            return DurabilityOptionsBenchmark.postmasterPid(dataDirectory);
        }

        @Override
        long serverMemoryKb() {
            return postmasterPid().flatMap(ProcessHandle::of)
                    .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())
                            .mapToLong(process -> proportionalSetKb(process.pid())).sum())
                    .orElse(-1L);
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    /** Appends events shaped like the service's, on its own connection, one transaction at a time. */
    static final class Appender implements AutoCloseable {
        private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(StandardCharsets.US_ASCII);

        private final Connection connection;
        private final PreparedStatement next;
        private final PreparedStatement insert;
        private final String name;
        private final java.util.Random random = new java.util.Random();
        private String aggregate;
        private long sequence = EVENTS_PER_AGGREGATE;

        Appender(Store store, String name) throws SQLException {
            this.connection = store.connect();
            this.connection.setAutoCommit(false);
            this.next = connection.prepareStatement(store.nextGlobalIndexSql());
            this.insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index, event_identifier,"
                    + " aggregate_identifier, sequence_number, type, meta_data, payload, payload_revision, payload_type, time_stamp)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.name = name;
        }

        /** Inserts one event (as Hibernate does with an allocation size of 1: nextval, then insert); returns its global index. */
        long append() throws SQLException {
            if (sequence == EVENTS_PER_AGGREGATE) {
                aggregate = name + "-" + UUID.randomUUID();
                sequence = 0;
            }
            long globalIndex;
            try (ResultSet row = next.executeQuery()) {
                row.next();
                globalIndex = row.getLong(1);
            }
            String eventId = UUID.randomUUID().toString();
            insert.setLong(1, globalIndex);
            insert.setString(2, eventId);
            insert.setString(3, aggregate);
            insert.setLong(4, sequence++);
            insert.setString(5, "EscrowAccount");
            insert.setBytes(6, ("{\"userId\":\"alice\",\"role\":\"CLIENT\",\"correlationId\":\"" + eventId
                    + "\",\"traceId\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(7, payload());
            insert.setString(8, null);
            insert.setString(9, "io.freelance.ledger.escrow.MilestoneFundedEvent");
            insert.setString(10, Instant.now().toString());
            insert.executeUpdate();
            return globalIndex;
        }

        void commit() throws SQLException {
            connection.commit();
        }

        private byte[] payload() {
            byte[] payload = new byte[PAYLOAD_BYTES];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            return payload;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!connection.isClosed()) {
                    connection.rollback();
                }
            } finally {
                connection.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Figures and helpers
    // ------------------------------------------------------------------------------------------

    record Run(long events, double seconds, long[] sortedLatencies) {
        String rate() {
            return perSecond(events, seconds);
        }

        String latency() {
            return String.format(Locale.ROOT, "%.2f %.2f", percentile(sortedLatencies, 0.50) / 1e6, percentile(sortedLatencies, 0.99) / 1e6);
        }
    }

    static String perSecond(long events, double seconds) {
        return String.format(Locale.ROOT, "%,.0f", events / seconds);
    }

    record Reading(long events, double seconds) {
    }

    static final class KillResult {
        final Option option;
        final String killed;
        long acknowledged;
        long lost;
        long reopenMillis;
        String notes = "";

        KillResult(Option option, String killed) {
            this.option = option;
            this.killed = killed;
        }
    }

    static final class Figures {
        final Option option;
        long freshStartMillis;
        long restartMillis;
        String settings;
        Run single;
        Run concurrent;
        Run batched;
        Reading read;
        long liveDiskBytes;
        long diskBytes;
        long tableBytes;
        long memory;

        Figures(Option option) {
            this.option = option;
        }

        String row() {
            return String.format(Locale.ROOT, "%-24s | %7s %11s | %7s %11s | %9s | %9s | %6d / %5d ms | %6.0f / %5.0f MB | %9s | %,8.0f",
                    option.label, single.rate(), single.latency(), concurrent.rate(), concurrent.latency(),
                    perSecond(batched.events(), batched.seconds()), perSecond(read.events(), read.seconds()),
                    freshStartMillis, restartMillis, liveDiskBytes / 1e6, diskBytes / 1e6,
                    String.format(Locale.ROOT, "%,d", read.events()), diskBytes / (double) Math.max(1, read.events()));
        }

        String notes() {
            return settings
                    + (tableBytes >= 0 ? String.format(Locale.ROOT, "; table and indexes %.0f MB (%,.0f B/row)", tableBytes / 1e6,
                            tableBytes / (double) Math.max(1, read.events())) : "")
                    + (memory >= 0 ? String.format(Locale.ROOT, "; server processes' PSS %.0f MB after the appends", memory / 1024.0) : "");
        }
    }

    /** A growable list of longs, so that latencies are not boxed. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)))];
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::valueOf);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static long proportionalSetKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    static long treeBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The machine's 1-minute load average: the figures mean little when other work shares the cores. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    static int size(List<Long> list) {
        synchronized (list) {
            return list.size();
        }
    }

    static String join(String first, String second) {
        return first == null || first.isEmpty() ? second : first + "; " + second;
    }

    static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    }
}
