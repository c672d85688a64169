package io.freelance.ledger.command.dispute;

import io.freelance.ledger.dispute.DisputeTerms;
import java.util.HashSet;
import java.util.Set;

/** A handler's proposal and who accepted it so far; each transition returns a new value. */
record Proposal(int number, DisputeTerms terms, Set<String> acceptedBy) {

    Proposal {
        acceptedBy = Set.copyOf(acceptedBy);
    }

    static Proposal proposed(int number, DisputeTerms terms) {
        return new Proposal(number, terms, Set.of());
    }

    Proposal acceptedBy(String userId) {
        Set<String> accepted = new HashSet<>(acceptedBy);
        accepted.add(userId);
        return new Proposal(number, terms, accepted);
    }

    boolean isAcceptedBy(String userId) {
        return acceptedBy.contains(userId);
    }
}
