package io.freelance.ledger.standalone.benchmark;

import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * What the event store can do on its own: rows shaped like the service's own event table (same
 * columns and types, copied from the service's file, with payloads sampled from the events it
 * stored) inserted into a fresh H2 file opened with the service's own datasource URL settings, one
 * commit per row. Service throughput reads as a fraction of this.
 */
final class RawAppendRate {

    record Result(int rows, double seconds, double rowsPerSecond, long serviceEvents, int averagePayloadBytes) {
    }

    private static final String EVENT_TABLE = "DOMAIN_EVENT_ENTRY";
    private static final int SAMPLE_ROWS = 500;

    private RawAppendRate() {
    }

    /** The service's file must be closed (service stopped). Bounded by rows and by time. */
    static Result measure(Path serviceDataDirectory, Path freshDataDirectory, int maximumRows, long maximumNanos) throws Exception {
        List<String> tableDefinition;
        List<Object[]> samples = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        long serviceEvents;
        long payloadBytes = 0;
        try (Connection service = DriverManager.getConnection(serviceUrl(serviceDataDirectory), "ledger", "")) {
            tableDefinition = tableDefinition(service);
            serviceEvents = count(service);
            try (Statement statement = service.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM " + EVENT_TABLE + " ORDER BY GLOBAL_INDEX LIMIT " + SAMPLE_ROWS)) {
                ResultSetMetaData meta = rows.getMetaData();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    columns.add(meta.getColumnName(column));
                }
                while (rows.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int column = 0; column < row.length; column++) {
                        row[column] = detached(rows.getObject(column + 1));
                    }
                    payloadBytes += size(row[columns.indexOf("PAYLOAD")]);
                    samples.add(row);
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("The service stored no events to take shapes from");
        }
        try (Connection fresh = DriverManager.getConnection(serviceUrl(freshDataDirectory), "ledger", "")) {
            try (Statement statement = fresh.createStatement()) {
                for (String definition : tableDefinition) {
                    statement.execute(definition);
                }
            }
            fresh.setAutoCommit(true);
            String insert = "INSERT INTO " + EVENT_TABLE + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
            int rows = 0;
            long started = System.nanoTime();
            try (PreparedStatement statement = fresh.prepareStatement(insert)) {
                while (rows < maximumRows && System.nanoTime() - started < maximumNanos) {
                    Object[] sample = samples.get(rows % samples.size());
                    for (int column = 0; column < columns.size(); column++) {
                        statement.setObject(column + 1, valueFor(columns.get(column), sample[column], rows));
                    }
                    statement.executeUpdate();
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(rows, seconds, rows / seconds, serviceEvents, (int) (payloadBytes / samples.size()));
        }
    }

    /** Unique columns get new values; everything else, payloads included, is the sampled event's own. */
    private static Object valueFor(String column, Object sampled, int row) {
        return switch (column) {
            case "GLOBAL_INDEX" -> (long) row + 1;
            case "EVENT_IDENTIFIER" -> UUID.randomUUID().toString();
            case "AGGREGATE_IDENTIFIER" -> "raw-aggregate-" + row / 8;
            case "SEQUENCE_NUMBER" -> (long) row % 8;
            default -> sampled;
        };
    }

    /** H2's own DDL for the table, constraints and indexes included; unique ids are checked as in the service. */
    private static List<String> tableDefinition(Connection service) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (ResultSet script = service.createStatement().executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + EVENT_TABLE)) {
            while (script.next()) {
                String statement = script.getString(1);
                // The script also holds the user and every sequence of the database; only the table's own statements matter.
                if (statement.contains("\"" + EVENT_TABLE + "\"") && !statement.startsWith("--")) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    private static long count(Connection connection) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + EVENT_TABLE)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long size(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        return value == null ? 0 : value.toString().length();
    }

    /** Large objects are read through their connection: copy them out before it closes. */
    private static Object detached(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value;
    }

    /** The service's datasource URL from its application.yml, with its data directory put in. */
    static String serviceUrl(Path dataDirectory) throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("service", new ClassPathResource("application.yml"));
        String url = String.valueOf(sources.get(0).getProperty("spring.datasource.url"));
        return url.replace("${ledger.data-dir}", dataDirectory.toAbsolutePath().toString());
    }
}
