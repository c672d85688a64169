package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.ledger.MoneyMovement;
import io.freelance.ledger.query.ledger.LedgerProjection;
import io.freelance.ledger.query.ledger.chain.ChainVerification;
import io.freelance.ledger.query.ledger.chain.JournalChainVerifier;
import io.freelance.ledger.standalone.StandaloneApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.ProcessRetriesExhaustedException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the journal's hash chain is verified, beside how fast the same event store is read raw in
 * the same run. The service's event processors are stopped, a synthetic marketplace history is
 * appended to its H2 event store, and the ledger projection (the service's own bean) applies every
 * money movement read back from the store, with its real event id and position, chaining its entry;
 * then, each after a warm-up: every event read through Axon's storage engine without its payload, then with its
 * payload deserialized, then the chain verified (every entry's event read and deserialized, both
 * hashes recomputed, the read store's entries read). Prints figures; checks only that the chain holds.
 * <p>
 * System property {@code chainBenchmark.contracts}: how many synthetic contracts (about 5 events each).
 */
@Tag("benchmark")
class JournalChainBenchmark {

    private static final int CONTRACTS = Integer.getInteger("chainBenchmark.contracts", 10_000);
    private static final int APPEND_BATCH = 1_000;

    @Test
    void chainVerificationBesideTheRawEventStoreReadRate() throws Exception {
        try (ConfigurableApplicationContext service = startService()) {
            EventStorageEngine engine = service.getBean(EventStorageEngine.class);
            JournalChainVerifier verifier = service.getBean(JournalChainVerifier.class);
            stopEventProcessors(service);
            long[] appended = append(new SyntheticMarketplace(), engine, service.getBean(TransactionManager.class));
            long events = appended[0];
            long entries = appended[1];
            chainEveryEntry(engine, service.getBean(LedgerProjection.class));
            assertThat(verifier.head().sequence()).isEqualTo(entries);

            rawRead(engine, false);
            Rate raw = rawRead(engine, false);
            rawRead(engine, true);
            Rate deserialized = rawRead(engine, true);
            verifier.verify();
            ChainVerification verification = verifier.verify();

            assertThat(verification.ok()).as("%s", verification.firstBreak()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(entries);
            System.out.printf(Locale.ROOT, """
                    %n== Journal chain verification, %,d events in the store, %,d journal entries ==
                    raw event-store read (no payloads)          %,12.0f events/s  (%.2f s)
                    raw event-store read (payloads deserialized) %,11.0f events/s  (%.2f s)
                    chain verification                          %,12.0f entries/s (%.2f s; %,.0f store events/s)
                    """, events, entries, raw.perSecond(), raw.seconds(), deserialized.perSecond(), deserialized.seconds(),
                    verification.eventsPerSecond(), verification.seconds(), events / verification.seconds());
        }
    }

    private record Rate(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    /** Appends the marketplace's contracts in batches; answers the events appended and the journal entries among them. */
    private static long[] append(SyntheticMarketplace marketplace, EventStorageEngine engine, TransactionManager transactions) {
        long events = 0;
        long entries = 0;
        for (int done = 0; done < CONTRACTS; done += 200) {
            List<EventMessage<?>> batch = marketplace.nextContracts(Math.min(200, CONTRACTS - done)).stream()
                    .<EventMessage<?>>map(event -> new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(),
                            event.sequenceNumber(), event.payload()))
                    .toList();
            for (int start = 0; start < batch.size(); start += APPEND_BATCH) {
                List<EventMessage<?>> slice = batch.subList(start, Math.min(batch.size(), start + APPEND_BATCH));
                transactions.executeInTransaction(() -> engine.appendEvents(slice));
            }
            events += batch.size();
            entries += batch.stream().filter(event -> event.getPayload() instanceof MoneyMovement movement
                    && movement.journalEntry() != null).count();
        }
        return new long[] {events, entries};
    }

    /** All of them, so the ledger projection has one writer (this test) and nothing else competes for the CPU. */
    private static void stopEventProcessors(ConfigurableApplicationContext service) throws Exception {
        for (EventProcessor processor : service.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
            shutDown(processor).get(5, TimeUnit.MINUTES);
        }
    }

    /** A tracking processor waits only a second for its work launcher to stop; a busy machine needs longer. */
    private static CompletableFuture<Void> shutDown(EventProcessor processor) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return processor.shutdownAsync();
            } catch (ProcessRetriesExhaustedException stillStopping) {
                if (attempt == 60) {
                    throw stillStopping;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** What the ledger's tracking processor does, from one thread, without the other processors competing. */
    private static void chainEveryEntry(EventStorageEngine engine, LedgerProjection ledger) {
        long started = System.nanoTime();
        long entries = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (MoneyMovement.class.isAssignableFrom(event.getPayloadType())) {
                    ledger.on((MoneyMovement) event.getPayload(), event.getIdentifier(), event.trackingToken(), event.getTimestamp());
                    entries++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "the ledger applied and chained %,d entries in %.1f s%n", entries,
                (System.nanoTime() - started) / 1e9);
    }

    private static Rate rawRead(EventStorageEngine engine, boolean deserialize) {
        long started = System.nanoTime();
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (deserialize && event.getPayload() == null) {
                    throw new AssertionError("An event without a payload at " + event.trackingToken());
                }
                count++;
            }
        }
        return new Rate(count, (System.nanoTime() - started) / 1e9);
    }

    private static ConfigurableApplicationContext startService() {
        Path dataDirectory = Path.of("target", "benchmark-data", UUID.randomUUID().toString()).toAbsolutePath();
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory,
                "--server.port=0",
                "--logging.level.root=WARN");
    }
}
