package io.freelance.ledger.standalone.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad arguments are refused before anything is sent, with exit code 2 and a sentence naming the option. */
class TrackerArgumentsTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void aContractOrAClientIsRequiredButNotBoth() {
        assertThat(run("--freelancer", "carol:carol-pass").exitCode()).isEqualTo(2);
        assertThat(run("--freelancer", "carol:carol-pass", "--contract", "c-1", "--client", "alice:alice-pass").exitCode())
                .isEqualTo(2);
        assertThat(printed()).contains("--contract", "--client");
    }

    @Test
    void cellsAndTrackersAreBounded() {
        TrackerCommand.Result result = run("--freelancer", "carol:carol-pass", "--contract", "c-1", "--cells", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.summary()).isNull();
        assertThat(printed()).contains("--cells must be from 1 to 10000; 0 was given.");
        assertThat(run("--freelancer", "carol:carol-pass", "--contract", "c-1", "--clients", "65").exitCode()).isEqualTo(2);
    }

    @Test
    void credentialsAndWorkingHoursMustBeWellFormed() {
        assertThat(run("--freelancer", "carol", "--contract", "c-1").exitCode()).isEqualTo(2);
        assertThat(printed()).contains("Expected user:password");
        assertThat(run("--freelancer", "carol:carol-pass", "--contract", "c-1", "--hours", "18-8").exitCode()).isEqualTo(2);
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("--help").exitCode()).isZero();
        assertThat(printed()).contains("Usage: tracker", "--freelancer=USER:PASSWORD", "--live");
    }

    private TrackerCommand.Result run(String... arguments) {
        return TrackerCommand.execute(out, out, arguments);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
