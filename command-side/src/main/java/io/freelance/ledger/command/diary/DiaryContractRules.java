package io.freelance.ledger.command.diary;

import io.freelance.ledger.command.contract.ContractStanding;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.ContractStatus;
import java.util.Locale;

/** What the contract must allow before its diary changes: whose diary it is, and whether time can be recorded now. */
final class DiaryContractRules {

    private DiaryContractRules() {
    }

    /**
     * The contract, when the actor is its freelancer and it is hourly. Outsiders learn nothing; the client
     * is refused; a fixed-price contract has no Work Diary.
     *
     * @param action completing "Only the freelancer can …"
     */
    static ContractStanding freelancersHourlyContract(ContractLookup contracts, String contractId, Actor actor, String action) {
        ContractStanding contract = contracts.standingOf(TextInput.id("contractId", contractId, "A contract id"));
        contract.parties().requireFreelancer(actor, action);
        if (!contract.isHourly()) {
            throw RuleViolation.badRequest("contractId", "contract.hourly-only",
                    "Contract %s is fixed-price; only hourly contracts have a Work Diary.".formatted(contractId));
        }
        return contract;
    }

    /** Time is recorded only on an active contract: not on an offer, nor while paused by a dispute, nor after the end. */
    static void requireActive(ContractStanding contract) {
        if (contract.status() != ContractStatus.ACTIVE) {
            throw RuleViolation.conflict("contractId", "contract.state",
                    "Contract %s is %s; time can be recorded only on an active contract."
                            .formatted(contract.parties().contractId(), contract.status().name().toLowerCase(Locale.ROOT)));
        }
    }

    static void requireTrackerOptedIn(ContractStanding contract) {
        if (!contract.trackerOptedIn()) {
            throw RuleViolation.badRequest("contractId", "contract.tracker-not-opted-in", ("Contract %s does not use the "
                    + "time tracker: its offer did not include it. Add manual time if the contract allows it.")
                    .formatted(contract.parties().contractId()));
        }
    }

    static void requireManualTimeAllowed(ContractStanding contract) {
        if (!contract.manualTimeAllowed()) {
            throw RuleViolation.badRequest("contractId", "contract.manual-time-not-allowed",
                    "Contract %s does not allow manual time.".formatted(contract.parties().contractId()));
        }
    }
}
