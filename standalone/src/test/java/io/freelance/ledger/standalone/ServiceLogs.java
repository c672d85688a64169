package io.freelance.ledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads what a child service wrote to its log files. */
final class ServiceLogs {

    /**
     * A logged dead letter, but not a stack frame naming Axon's dead-lettering invoker: the warning Axon logs for a
     * slow unit of work prints the slow thread's stack, which passes through that class on every event.
     */
    static final Pattern DEAD_LETTER = Pattern.compile("(?i)^(?!\\s*(at |app//)).*dead[ -]?letter");
    /** What the API logs for an answer it could not classify (an INTERNAL_ERROR). */
    static final Pattern UNEXPECTED_FAILURE = Pattern.compile("Unexpected failure");
    /** An ERROR-level line (Spring Boot's format: time, level, pid) or a deadline that failed to run. */
    static final Pattern FAILURE = Pattern.compile("^\\S+\\s+ERROR\\s|error occurred while triggering deadline|Unhandled exception");

    private ServiceLogs() {
    }

    static List<String> linesMatching(List<Path> logFiles, Pattern pattern) {
        return logFiles.stream().flatMap(ServiceLogs::lines).filter(line -> pattern.matcher(line).find()).toList();
    }

    private static Stream<String> lines(Path file) {
        try {
            // A killed JVM may leave a half-written last line: read leniently.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
