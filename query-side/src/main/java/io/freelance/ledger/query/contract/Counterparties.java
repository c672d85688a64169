package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.security.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The other party of an offer must be a user the service knows, with the role the offer needs: a
 * contract offered to a misspelt id or to a finance user would sit in the history for ever, waiting
 * for someone who can never accept it. Checked before the offer is sent, so nothing is recorded.
 */
@Component
public class Counterparties {

    private final UserDirectory users;

    public Counterparties(UserDirectory users) {
        this.users = users;
    }

    /** The freelancer id, once the directory knows it as a freelancer. */
    public String requireFreelancer(String field, String userId) {
        Role role = users.roleOf(userId).orElseThrow(() -> RuleViolation.badRequest(field, field + ".unknown",
                "There is no user '%s'. Contracts are offered to freelancers who have signed in to the marketplace."
                        .formatted(userId)));
        if (role != Role.FREELANCER) {
            throw RuleViolation.badRequest(field, field + ".not-a-freelancer",
                    "User '%s' is not a freelancer; contracts are offered to freelancers.".formatted(userId));
        }
        return userId;
    }
}
