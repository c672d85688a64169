package io.freelance.ledger.query.messaging.unread;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.messaging.email.*}: when a member away from the service is emailed about messages they have not
 * read (beside {@code EmailProperties}, which says what the emails say and where they go).
 *
 * @param unreadDelay          how long a message stays unread, its recipient offline, before it is emailed
 * @param checkInterval        how often the service looks for such messages
 * @param unreadMaxAge         messages older than this are never emailed: a first start, or a recipient back after
 *                             months, gets no email about old conversations
 * @param maxMessagesPerRoom   the newest unread messages of a room one email lists at most
 * @param maxRoomsPerCheck     rooms one check reads at most, so a check's work stays bounded
 */
@ConfigurationProperties("ledger.messaging.email")
public record UnreadEmailProperties(
        @DefaultValue("PT15M") Duration unreadDelay,
        @DefaultValue("PT1M") Duration checkInterval,
        @DefaultValue("P7D") Duration unreadMaxAge,
        @DefaultValue("50") int maxMessagesPerRoom,
        @DefaultValue("10000") int maxRoomsPerCheck) {

    public UnreadEmailProperties {
        if (unreadDelay.isNegative() || checkInterval.isNegative() || checkInterval.isZero()
                || unreadMaxAge.compareTo(unreadDelay) <= 0) {
            throw new IllegalArgumentException("ledger.messaging.email: unread-delay must be 0 or more, check-interval "
                    + "positive, and unread-max-age longer than unread-delay");
        }
        if (maxMessagesPerRoom < 1 || maxRoomsPerCheck < 1) {
            throw new IllegalArgumentException("ledger.messaging.email: max-messages-per-room and max-rooms-per-check must be at least 1");
        }
    }
}
