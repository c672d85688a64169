package io.freelance.ledger.command.dispute;

import java.util.ArrayList;
import java.util.List;

/** Stands in for the contract's dispute register: remembers what the dispute told it, in order. */
final class RecordingRegister implements DisputeRegister {

    final List<String> calls = new ArrayList<>();

    @Override
    public void disputeOpened(String contractId, String disputeId, String invoiceId) {
        calls.add("opened " + disputeId);
    }

    @Override
    public void disputeSettled(String contractId, String disputeId) {
        calls.add("settled " + disputeId);
    }
}
