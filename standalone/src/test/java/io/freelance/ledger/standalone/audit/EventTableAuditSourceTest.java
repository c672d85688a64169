package io.freelance.ledger.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.query.ledger.audit.EventBatch;
import io.freelance.ledger.query.ledger.audit.RecordedMovement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit's parallel read of the event table hands batches on in index order, whatever the gaps and readers. */
class EventTableAuditSourceTest {

    private static final Instant FIRST = Instant.parse("2026-10-01T00:00:00Z");

    private final Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new LedgerSerializerCustomizer())
            .build();
    private final JdbcDataSource dataSource = new JdbcDataSource();

    @BeforeEach
    void createEventTable() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE DOMAIN_EVENT_ENTRY (GLOBAL_INDEX BIGINT PRIMARY KEY, "
                    + "TIME_STAMP VARCHAR(255), PAYLOAD_TYPE VARCHAR(255), PAYLOAD_REVISION VARCHAR(255), PAYLOAD VARBINARY(10000))");
        }
    }

    @Test
    void batchesArriveInIndexOrderAcrossGapsWithEveryMovementOnce() throws SQLException {
        // Indexes 1-40 with a gap of a whole batch and more (9-22), every fifth event not a money movement.
        List<Long> stored = LongStream.rangeClosed(1, 40).filter(index -> index < 9 || index > 22).boxed().toList();
        for (long index : stored) {
            if (index % 5 == 0) {
                insert(index, "io.freelance.ledger.contract.ContractEndedEvent", "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                insert(index, MilestoneFundedEvent.class.getName(), serializer.serialize(funding(index), byte[].class).getData());
            }
        }
        List<EventBatch> batches = new ArrayList<>();

        new EventTableAuditSource(dataSource, serializer, 3).read(-1, 40, 4, batches::add);

        assertThat(batches).extracting(EventBatch::lastIndex).isSorted();
        assertThat(batches.stream().mapToInt(EventBatch::eventsRead).sum()).isEqualTo(stored.size());
        List<RecordedMovement> movements = batches.stream().flatMap(batch -> batch.movements().stream()).toList();
        assertThat(movements).extracting(RecordedMovement::globalIndex)
                .containsExactlyElementsOf(stored.stream().filter(index -> index % 5 != 0).toList());
        assertThat(movements.get(0).recordedAt()).isEqualTo(FIRST.plusSeconds(1));
        assertThat(movements.get(0).entry()).isEqualTo(funding(1).journalEntry());
    }

    @Test
    void readingStopsAtTheIndexAskedFor() throws SQLException {
        storeFundings(12);
        List<EventBatch> batches = new ArrayList<>();

        new EventTableAuditSource(dataSource, serializer, 2).read(2, 9, 3, batches::add);

        assertThat(batches.stream().flatMap(batch -> batch.movements().stream()))
                .extracting(RecordedMovement::globalIndex).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aReadSmallerThanABatchPerReaderIsSharedBetweenTheReaders() throws SQLException {
        storeFundings(12);
        List<EventBatch> batches = new ArrayList<>();

        new EventTableAuditSource(dataSource, serializer, 2).read(0, 12, 1_000, batches::add);

        assertThat(batches).extracting(EventBatch::lastIndex).containsExactly(6L, 12L);
        assertThat(batches).extracting(EventBatch::eventsRead).containsExactly(6, 6);
    }

    @Test
    void aRowThatCannotBeReadFailsTheReadWithTheSerializersError() throws SQLException {
        insert(1, MilestoneFundedEvent.class.getName(), serializer.serialize(funding(1), byte[].class).getData());
        insert(2, MilestoneFundedEvent.class.getName(), "{\"journalEntry\": [".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new EventTableAuditSource(dataSource, serializer, 2).read(-1, 2, 1, batch -> { }))
                .isInstanceOf(RuntimeException.class)
                .hasStackTraceContaining("MilestoneFundedEvent");
    }

    @Test
    void aReadForOneAccountLeavesOutOnlyMovementsThatDoNotNameIt() throws SQLException {
        for (long index = 1; index <= 20; index++) {
            String contract = index % 3 == 0 ? "c1" : "c2";
            insert(index, MilestoneFundedEvent.class.getName(), serializer.serialize(funding(index, contract), byte[].class).getData());
        }
        EventTableAuditSource source = new EventTableAuditSource(dataSource, serializer, 2);
        List<EventBatch> batches = new ArrayList<>();

        source.readMentioning(LedgerAccounts.escrow("c1").name(), 0, 20, 4, batches::add);

        assertThat(batches.stream().mapToInt(EventBatch::eventsRead).sum()).as("every event counts").isEqualTo(20);
        assertThat(batches.stream().flatMap(batch -> batch.movements().stream())).extracting(RecordedMovement::globalIndex)
                .containsExactly(3L, 6L, 9L, 12L, 15L, 18L);
        List<EventBatch> clientCharges = new ArrayList<>();
        source.readMentioning(LedgerAccounts.clientCharges("alice").name(), 0, 20, 4, clientCharges::add);
        assertThat(clientCharges.stream().mapToLong(batch -> batch.movements().size()).sum())
                .as("an account on every movement").isEqualTo(20);
    }

    @Test
    void aNameTheSerializerMightEscapeFiltersNothing() throws SQLException {
        storeFundings(6);
        for (String name : new String[] {"escrow:\"quoted\"", "escrow:back\\slash", "escrow:caf\u00e9", "escrow:tab\t"}) {
            List<EventBatch> batches = new ArrayList<>();
            new EventTableAuditSource(dataSource, serializer, 2).readMentioning(name, 0, 6, 10, batches::add);
            assertThat(batches.stream().mapToLong(batch -> batch.movements().size()).sum()).as(name).isEqualTo(6);
        }
    }

    /** Fundings at indexes 1 to {@code last}, with no gap. */
    private void storeFundings(long last) throws SQLException {
        for (long index = 1; index <= last; index++) {
            insert(index, MilestoneFundedEvent.class.getName(), serializer.serialize(funding(index), byte[].class).getData());
        }
    }

    private void insert(long index, String type, byte[] payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DOMAIN_EVENT_ENTRY VALUES (?, ?, ?, NULL, ?)")) {
            insert.setLong(1, index);
            insert.setString(2, DateTimeUtils.formatInstant(FIRST.plusSeconds(index)));
            insert.setString(3, type);
            insert.setBytes(4, payload);
            insert.executeUpdate();
        }
    }

    private static MilestoneFundedEvent funding(long index) {
        return funding(index, "c1");
    }

    private static MilestoneFundedEvent funding(long index, String contract) {
        Money amount = Money.of(index + ".00", "USD");
        JournalEntry entry = new JournalEntry("entry-" + index, FIRST, EntryCause.milestone("milestone-funding", contract, "m-" + index),
                FeeRates.UPWORK_DEFAULT, List.of(
                        new JournalLeg(LedgerAccounts.clientCharges("alice"), amount.negate()),
                        new JournalLeg(LedgerAccounts.escrow(contract), amount)));
        return new MilestoneFundedEvent("escrow-" + contract, contract, "m-" + index, "request-" + index, amount, Money.zero("USD"),
                amount, Money.zero("USD"), entry, FIRST.plusSeconds(index));
    }
}
