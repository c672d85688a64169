package io.freelance.ledger.standalone.tracker;

/** The run cannot start: the contract cannot be offered, accepted or read. Printed, and the exit code is 1. */
final class TrackerSetupException extends RuntimeException {

    TrackerSetupException(String message) {
        super(message);
    }
}
