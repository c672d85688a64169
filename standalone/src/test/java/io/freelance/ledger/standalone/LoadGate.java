package io.freelance.ledger.standalone;

import java.util.Optional;

/**
 * Lets load clients send only while the service is up: the test closes the gate just before it kills
 * the service and opens it, with a client for the new process, once it is ready again. Requests
 * already on their way when the service dies are the ones left without an answer.
 */
final class LoadGate {

    record Opening(LedgerApi api, int phase) {
    }

    private Opening opening;
    private int phase;
    private boolean finished;

    synchronized void open(LedgerApi api) {
        phase++;
        opening = new Opening(api, phase);
        notifyAll();
    }

    synchronized void close() {
        opening = null;
    }

    /** No more load: waiting clients return empty. */
    synchronized void finish() {
        finished = true;
        opening = null;
        notifyAll();
    }

    /** The open gate's client, waiting while it is closed; empty once the load is over. */
    synchronized Optional<Opening> awaitOpen() throws InterruptedException {
        while (opening == null && !finished) {
            wait();
        }
        return finished ? Optional.empty() : Optional.of(opening);
    }
}
