package io.freelance.ledger.standalone.audit;

import io.freelance.ledger.query.ledger.audit.AuditCsv;
import io.freelance.ledger.query.ledger.audit.AuditProgress;
import io.freelance.ledger.query.ledger.audit.AuditReport;
import io.freelance.ledger.query.ledger.audit.LedgerAudit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code java -jar standalone.jar audit …}: the finance audit on a data directory, with no web server. It
 * opens the service's stores (the service must be stopped: the H2 files admit one process), lets the live
 * projections catch up, replays the whole event store, compares, and writes the report as CSV.
 */
@Command(name = AuditCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        version = "ledger audit of the freelance ledger, standalone 0.1.0",
        description = {
            "Replays the event store into a shadow ledger, compares every balance with the live ledger as of the "
                    + "same event, checks that every currency's trial balance is zero, and writes the report as CSV.",
            "Needs no running service: open the data directory of a stopped one (or a copy of it).",
            "Exit code 0 when consistent, 1 when not (a summary line says why), 2 for bad arguments, 3 when the audit failed."})
public final class AuditCommand implements Callable<Integer> {

    public static final String NAME = "audit";
    static final int INCONSISTENT = 1;
    static final int FAILED = 3;

    @Option(names = "--data-dir", required = true, description = "The service's data directory (LEDGER_DATA_DIR).")
    Path dataDirectory;

    @Option(names = "--as-of", converter = InstantConverter.class, paramLabel = "INSTANT",
            description = "Also report every balance as of this instant, by recorded and by effective time, e.g. 2026-10-31T23:59:59Z.")
    Instant asOf;

    @Option(names = "--out", defaultValue = "audit-report.csv", description = "Where the CSV report goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar (the summary line is still printed).")
    boolean noProgress;

    private final Class<?> application;
    private final PrintStream console;
    private final PrintStream errors;
    private AuditReport report;

    private AuditCommand(Class<?> application, PrintStream console, PrintStream errors) {
        this.application = application;
        this.console = console;
        this.errors = errors;
    }

    /** The exit code, and the report when the audit ran. */
    public record Result(int exitCode, AuditReport report) {
    }

    /**
     * Runs the audit with command-line arguments (those after {@code audit}) on the stores and components
     * of {@code application}, the service's Spring Boot application class.
     */
    public static Result execute(Class<?> application, PrintStream out, PrintStream err, String... args) {
        AuditCommand command = new AuditCommand(application, out, err);
        CommandLine commandLine = new CommandLine(command)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            err.println("Audit failed: " + exception);
            return FAILED;
        });
        return new Result(commandLine.execute(args), command.report);
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--data-dir: no such directory: " + dataDirectory);
        }
        Optional<Path> locked = DataDirectoryInUse.lockedFile(dataDirectory);
        if (locked.isPresent()) {
            errors.println("Audit failed: " + locked.get().getFileName() + " in " + dataDirectory + " is held by another process, most "
                    + "likely the running service (the H2 files admit one process). Stop the service first, or audit a copy of "
                    + "the data directory.");
            return FAILED;
        }
        try (ConfigurableApplicationContext context = startStores()) {
            AuditProgress progress = new AuditProgress();
            LedgerAudit.Request request = new LedgerAudit.Request("cli-" + UUID.randomUUID(), asOf, true);
            report = withProgressBar(progress, () -> context.getBean(LedgerAudit.class).run(request, progress));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            AuditCsv.writeReport(report, writer);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        console.println(report.summary());
        console.println("Report written to " + out);
        return report.consistent() ? 0 : INCONSISTENT;
    }

    /**
     * The service's stores and components without a web server: {@code server.port=-1} keeps the web
     * application context the components are written for (its security configuration needs one) but opens
     * no port. Quiet, so the bar and the summary are what shows.
     */
    private ConfigurableApplicationContext startStores() {
        // As command-line arguments: they outrank application.yml (LEDGER_DATA_DIR and its default).
        return new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--ledger.data-dir=" + dataDirectory.toAbsolutePath(),
                        "--server.port=-1",
                        "--logging.level.root=WARN",
                        "--logging.level.io.freelance.ledger.query.ledger.audit=WARN");
    }

    private AuditReport withProgressBar(AuditProgress progress, Callable<AuditReport> audit) {
        if (noProgress) {
            return call(audit);
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("Audit")
                .setInitialMax(1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" events", 1)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(console));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (ProgressBar bar = builder.build()) {
            ticker.scheduleAtFixedRate(() -> {
                bar.maxHint(Math.max(1, progress.eventsTotal()));
                bar.stepTo(progress.eventsDone());
            }, 0, 200, TimeUnit.MILLISECONDS);
            AuditReport result = call(audit);
            ticker.shutdownNow();
            bar.maxHint(Math.max(1, progress.eventsTotal()));
            bar.stepTo(progress.eventsDone());
            return result;
        } finally {
            ticker.shutdownNow();
        }
    }

    private static AuditReport call(Callable<AuditReport> audit) {
        try {
            return audit.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an instant such as 2026-10-31T23:59:59Z");
            }
        }
    }
}
