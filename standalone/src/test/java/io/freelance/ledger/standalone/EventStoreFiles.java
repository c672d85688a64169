package io.freelance.ledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The standalone data directory while no service has it open: the H2 event-store file (events,
 * tracking tokens, dead letters, deadlines) and the read-model file beside it.
 */
final class EventStoreFiles {

    private static final String READ_MODEL_FILE_PREFIX = "read-models.";

    private final Path dataDirectory;

    EventStoreFiles(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /**
     * A copy that will rebuild every projection from the events alone when a service starts on it:
     * without the read-model file and without tracking tokens, each processor starts from the first event.
     */
    EventStoreFiles copyForFullReplay(Path target) {
        copyDirectory(dataDirectory, target);
        try (Stream<Path> files = Files.list(target)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(READ_MODEL_FILE_PREFIX)).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EventStoreFiles copy = new EventStoreFiles(target);
        copy.update("DELETE FROM token_entry");
        return copy;
    }

    long count(String table) {
        if (!tableExists(table)) {
            return 0;
        }
        return queryLong("SELECT COUNT(*) FROM " + table);
    }

    /** Deadlines still in the store, each with how often it failed so far. */
    List<String> scheduledTasks() {
        List<String> tasks = new ArrayList<>();
        try (Connection connection = connect();
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT task_name, task_instance, execution_time, consecutive_failures FROM scheduled_tasks")) {
            while (result.next()) {
                tasks.add(result.getString(1) + " " + result.getString(2) + " due " + result.getString(3)
                        + ", failed " + result.getInt(4) + " time(s)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tasks;
    }

    private boolean tableExists(String table) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = UPPER(?)")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long queryLong(String sql) {
        try (Connection connection = connect(); ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql) {
        try (Connection connection = connect()) {
            connection.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The service's own credentials (application.yml); the file must not be open in a running service. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:retry:file:" + dataDirectory.resolve("event-store"), "ledger", "");
    }

    private static void copyDirectory(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
    }
}
