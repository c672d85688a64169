package io.freelance.ledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side on its own, for the distributed mode (Axon Server routes commands, events and
 * queries). Its settings are in {@code command-side.yml}, not {@code application.yml}, so the
 * standalone module can carry this module as a library without inheriting them.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "command-side"));
        application.run(args);
    }
}
