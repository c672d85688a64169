package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.query.security.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * A user brought into a room must be a client or freelancer the service knows: a misspelt id would sit in the
 * room for ever and count unread messages nobody reads, and finance and dispute handlers take no part in
 * conversations. Checked before a command is sent, so nothing is recorded.
 */
@Component
public class RoomUsers {

    private final UserDirectory users;

    public RoomUsers(UserDirectory users) {
        this.users = users;
    }

    public String requireMarketplaceUser(String field, String userId) {
        String id = TextInput.id(field, userId, field);
        String subject = TextInput.ruleSubject(field);
        Role role = users.roleOf(id).orElseThrow(() -> RuleViolation.badRequest(field, subject + ".unknown",
                "There is no user '%s'. Rooms are for clients and freelancers of the marketplace.".formatted(id)));
        if (role != Role.CLIENT && role != Role.FREELANCER) {
            throw RuleViolation.badRequest(field, subject + ".not-a-marketplace-user",
                    "User '%s' is not a client or freelancer; rooms are for the marketplace's users.".formatted(id));
        }
        return id;
    }
}
