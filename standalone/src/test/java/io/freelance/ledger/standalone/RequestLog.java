package io.freelance.ledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every request a crash test sent and the answer it got, in the order answers arrived. Also lets
 * the test wait for the next acknowledgement: the moment a promise has just been made is the
 * sharpest moment to kill the service.
 */
final class RequestLog {

    enum Attempt { LOAD, RETRY, COMPLETION }

    record Entry(String flow, FlowStep step, Attempt attempt, int phase, Instant sentAt, Instant answeredAt, Answer answer) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private long acknowledgements;

    /** Sends the step for the flow, records it and updates the flow with the outcome. */
    Answer perform(FixedPriceFlow flow, FlowStep step, LedgerApi api, Attempt attempt, int phase) {
        Instant sentAt = Instant.now();
        Answer answer = flow.perform(api, step);
        if (answer.acknowledged()) {
            flow.acknowledged(step);
        } else if (attempt == Attempt.LOAD) {
            flow.interrupted(step, answer);
        }
        record(new Entry(flow.name(), step, attempt, phase, sentAt, Instant.now(), answer));
        return answer;
    }

    synchronized void record(Entry entry) {
        entries.add(entry);
        if (entry.answer().acknowledged()) {
            acknowledgements++;
            notifyAll();
        }
    }

    synchronized long acknowledgements() {
        return acknowledgements;
    }

    /** Returns once another acknowledgement arrived, or when the wait runs out. */
    synchronized void awaitNextAcknowledgement(Duration timeout) throws InterruptedException {
        awaitAcknowledgements(acknowledgements + 1, timeout);
    }

    /** Returns once this many acknowledgements arrived in all, or when the wait runs out. */
    synchronized void awaitAcknowledgements(long total, Duration timeout) throws InterruptedException {
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        while (acknowledgements < total) {
            long remainingMillis = (giveUpAt - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return;
            }
            wait(remainingMillis);
        }
    }

    synchronized List<Entry> entries(Predicate<Entry> filter) {
        return entries.stream().filter(filter).toList();
    }

    synchronized List<Entry> all() {
        return List.copyOf(entries);
    }

    /** Counts by attempt, step and outcome, for the test's printout. */
    synchronized Map<String, Integer> tally() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry entry : entries) {
            String key = entry.attempt() + " " + entry.step() + " " + entry.answer().outcome()
                    + (entry.answer().classification() == null ? "" : " " + entry.answer().classification());
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /** One line per request, for a person reading a failure. */
    synchronized void writeTo(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("sentAt\tansweredAt\tphase\tattempt\tflow\tstep\tanswer");
        for (Entry entry : entries) {
            lines.add(entry.sentAt() + "\t" + entry.answeredAt() + "\t" + entry.phase() + "\t" + entry.attempt() + "\t"
                    + entry.flow() + "\t" + entry.step() + "\t" + entry.answer());
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
