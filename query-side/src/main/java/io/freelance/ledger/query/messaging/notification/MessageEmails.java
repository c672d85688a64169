package io.freelance.ledger.query.messaging.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the emails of the messaging feature, exactly once per email id. Each email is first recorded in
 * the {@link EmailOutbox} (where its recipient can read it over GraphQL) and logged in one line; then, when
 * an SMTP server is configured ({@code spring.mail.host}), handed to it. A second send of the same id does
 * nothing at all.
 * <p>
 * Recording comes first, so the choice on a failure is "at most once": should the process stop between the
 * record and the SMTP hand-over, that email stays {@code SENDING} and is not retried, and an SMTP refusal is
 * recorded as {@code FAILED}. Members are promised never to be emailed twice; a lost notice still leaves
 * the messages unread in the room, and the email in the outbox.
 */
public class MessageEmails {

    private static final Logger log = LoggerFactory.getLogger(MessageEmails.class);

    private final EmailOutbox outbox;
    private final Optional<JavaMailSender> smtp;
    private final EmailProperties properties;
    private final Clock clock;

    public MessageEmails(EmailOutbox outbox, Optional<JavaMailSender> smtp, EmailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
    }

    /** True when this call sent the email; false when its id was sent before, and nothing happened. */
    public boolean send(OutgoingEmail email) {
        String to = properties.addressOf(email.recipientUserId());
        Instant now = clock.instant();
        if (!outbox.record(email, to, now, smtp.isPresent() ? EmailStatus.SENDING : EmailStatus.OUTBOX_ONLY)) {
            log.debug("Email {} was sent before; not sent again", email.emailId());
            return false;
        }
        log.info("Email {} to {}: \"{}\" ({})", email.emailId(), to, email.subject(),
                smtp.isPresent() ? "by SMTP" : "outbox only, no spring.mail.host");
        smtp.ifPresent(sender -> deliver(sender, email, to));
        return true;
    }

    private void deliver(JavaMailSender sender, OutgoingEmail email, String to) {
        try {
            sender.send(message(sender, email, to));
            outbox.settle(email.emailId(), EmailStatus.SENT, null);
        } catch (MailException | MessagingException e) {
            log.warn("Email {} to {} could not be sent by SMTP: {}", email.emailId(), to, e.getMessage());
            outbox.settle(email.emailId(), EmailStatus.FAILED, e.getMessage());
        }
    }

    private MimeMessage message(JavaMailSender sender, OutgoingEmail email, String to) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(email.subject());
        helper.setText(email.body(), false);
        // The outbox id in the message too, so a mail log or a catcher can be matched with the outbox.
        message.setHeader("X-Ledger-Email-Id", email.emailId());
        return message;
    }
}
