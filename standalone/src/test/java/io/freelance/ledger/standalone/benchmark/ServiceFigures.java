package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** What the benchmarks print beside their figures: the child service's heap and how busy the machine was. */
final class ServiceFigures {

    private ServiceFigures() {
    }

    /** The child's heap in use, from its own metrics (any signed-in user may read them). */
    static String heapInUse(String baseUrl) {
        try {
            TimedGraphQlClient http = new TimedGraphQlClient(baseUrl);
            JsonNode used = http.getJson(DemoUser.ERIN, "/actuator/metrics/jvm.memory.used?tag=area:heap");
            JsonNode max = http.getJson(DemoUser.ERIN, "/actuator/metrics/jvm.memory.max?tag=area:heap");
            return String.format(Locale.ROOT, "%.0f MB of %.0f MB", megabytes(used), megabytes(max));
        } catch (Exception e) {
            return "not available (" + e + ")";
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException notLinux) {
            return "not available";
        }
    }

    private static double megabytes(JsonNode metric) {
        return metric.path("measurements").path(0).path("value").asDouble() / (1024 * 1024);
    }
}
