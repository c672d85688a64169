package io.freelance.ledger.command.diary;

import io.freelance.ledger.command.contract.ContractStanding;

/**
 * How the Work Diary learns, inside the unit of work that records time, where its contract stands: its
 * parties, status and hourly terms. Injected into the diary's command handlers as a parameter, so the
 * fixture tests give a contract as plainly as they give events.
 */
public interface ContractLookup {

    /** Refuses an unknown contract with NOT_FOUND, as for a contract the caller is not a party to. */
    ContractStanding standingOf(String contractId);
}
