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
