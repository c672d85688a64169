package io.freelance.ledger.command.invoice;

import io.freelance.ledger.command.dispute.DisputeRegister;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the contract's dispute register: remembers what the invoice told it, in order. */
final class RecordingDisputeRegister implements DisputeRegister {

    final List<String> calls = new ArrayList<>();

    @Override
    public void disputeOpened(String contractId, String disputeId, String invoiceId) {
        calls.add("opened " + contractId + " " + disputeId + " " + invoiceId);
    }

    @Override
    public void disputeSettled(String contractId, String disputeId) {
        calls.add("settled " + contractId + " " + disputeId);
    }
}
