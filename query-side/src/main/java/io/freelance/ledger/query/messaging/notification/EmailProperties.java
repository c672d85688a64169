package io.freelance.ledger.query.messaging.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.messaging.email.*}: what the emails to members say and where they go. The SMTP server itself
 * is Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}); without one, emails land in the outbox
 * and the log only.
 *
 * @param from            the sender address of every email
 * @param linkBaseUrl     where the links in an email lead: the web application's address, without a trailing slash
 * @param recipientDomain users are known by id only, so an email goes to {@code <user id>@<this domain>}; an
 *                        identity provider's email claim would replace this
 * @param previewLength   characters of a message quoted in an email at most
 */
@ConfigurationProperties("ledger.messaging.email")
public record EmailProperties(
        @DefaultValue("Freelance ledger <no-reply@example.com>") String from,
        @DefaultValue("http://localhost:8080") String linkBaseUrl,
        @DefaultValue("example.com") String recipientDomain,
        @DefaultValue("140") int previewLength) {

    public EmailProperties {
        if (previewLength < 10) {
            throw new IllegalArgumentException("ledger.messaging.email.preview-length must be at least 10");
        }
        linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
    }

    public String addressOf(String userId) {
        return userId + "@" + recipientDomain;
    }
}
