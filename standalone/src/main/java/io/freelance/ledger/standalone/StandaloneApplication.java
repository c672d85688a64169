package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.audit.AuditCommand;
import io.freelance.ledger.standalone.tracker.TrackerCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Command side and query side in one process on embedded stores: the H2 file event store and an
 * in-process MongoDB wire-protocol server, both under {@code LEDGER_DATA_DIR}. The two sides' own
 * application classes are left out of the scan; only their components are wanted here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.freelance.ledger",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class StandaloneApplication {

    /**
     * Starts the service; {@code tracker …} instead runs the tracker simulator against a running one, without
     * Spring; {@code audit …} runs the finance audit on a stopped service's data directory, without a web server.
     */
    public static void main(String[] args) {
        if (args.length > 0 && AuditCommand.NAME.equals(args[0])) {
            System.exit(AuditCommand.execute(StandaloneApplication.class, System.out, System.err, Arrays.copyOfRange(args, 1, args.length)).exitCode());
        }
        if (args.length > 0 && TrackerCommand.NAME.equals(args[0])) {
            System.exit(TrackerCommand.execute(System.out, System.err, Arrays.copyOfRange(args, 1, args.length)).exitCode());
        }
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
