package io.freelance.ledger.query.contract;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wakes requests waiting for a contract's read model to catch up with their command, so they
 * need not poll MongoDB at a fixed rate when the projection runs in this process. Waiters still
 * re-read MongoDB after a bounded wait: the projection may run in another instance.
 */
@Component
public class ContractChangeSignal {

    private final Object monitor = new Object();

    public void contractChanged() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    public void awaitChange(Duration maximum) throws InterruptedException {
        synchronized (monitor) {
            monitor.wait(Math.max(1, maximum.toMillis()));
        }
    }
}
