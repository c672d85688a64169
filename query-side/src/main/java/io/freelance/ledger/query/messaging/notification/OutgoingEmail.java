package io.freelance.ledger.query.messaging.notification;

import java.util.Objects;

/**
 * An email to one user. {@code emailId} names it for good: whoever decides to send it derives the id from
 * what it is about (a recipient and a batch of messages), so deciding twice cannot send it twice.
 */
public record OutgoingEmail(String emailId, String recipientUserId, String subject, String body) {

    public OutgoingEmail {
        Objects.requireNonNull(emailId, "emailId");
        Objects.requireNonNull(recipientUserId, "recipientUserId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
