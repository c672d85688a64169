package io.freelance.ledger.query.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The messaging emails through a real SMTP server (GreenMail, in this JVM) and the read store's outbox. */
class MessageEmailsTest {

    @RegisterExtension
    static final GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant NOW = Instant.parse("2027-03-01T09:30:00Z");
    private static final EmailProperties PROPERTIES =
            new EmailProperties("Freelance ledger <no-reply@example.com>", "https://ledger.example.com", "example.com", 140);

    private InMemoryMongo mongo;
    private EmailOutbox outbox;

    @BeforeEach
    void emptyOutbox() {
        mongo = new InMemoryMongo();
        outbox = new EmailOutbox(mongo.database("emails"));
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void anEmailArrivesAtTheSmtpServerOnceHoweverOftenItsIdIsSent() throws Exception {
        MessageEmails emails = new MessageEmails(outbox, Optional.of(smtpSender()), PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
        OutgoingEmail email = new UnreadMessagesEmail(PROPERTIES).render("unread-alice-1", "alice", List.of(
                new UnreadMessagesEmail.UnreadMessage("room-1", "Landing page", "carol", NOW.minusSeconds(600), "The designs are ready."),
                new UnreadMessagesEmail.UnreadMessage("room-1", "Landing page", "carol", NOW.minusSeconds(300), "Have a look when you can.")));

        assertThat(emails.send(email)).as("first send").isTrue();
        assertThat(emails.send(email)).as("second send of the same id").isFalse();

        MimeMessage[] received = smtpServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("alice@example.com");
        assertThat(received[0].getSubject()).isEqualTo("2 unread messages from carol");
        assertThat(received[0].getHeader("X-Ledger-Email-Id")).containsExactly("unread-alice-1");
        String body = GreenMailUtil.getBody(received[0]).replace("\r\n", "\n");
        assertThat(body).contains("Hello alice,", "In Landing page:", "carol (2027-03-01 09:20 UTC): The designs are ready.",
                "Read and reply: https://ledger.example.com/rooms/room-1");
        assertThat(outbox.newestFirst("alice", null, 10)).singleElement().satisfies(listed -> {
            assertThat(listed.email().status()).isEqualTo(EmailStatus.SENT);
            assertThat(listed.email().sentAt()).isEqualTo(NOW);
        });
    }

    @Test
    void withoutAnSmtpServerTheEmailIsKeptInTheRecipientsOutboxOnly() {
        MessageEmails emails = new MessageEmails(outbox, Optional.empty(), PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

        emails.send(new OutgoingEmail("e-1", "alice", "1 unread message from carol", "Hello alice"));
        emails.send(new OutgoingEmail("e-2", "bob", "1 unread message from dave", "Hello bob"));
        emails.send(new OutgoingEmail("e-3", "alice", "2 unread messages from carol", "Hello again"));
        emails.send(new OutgoingEmail("e-1", "alice", "a repeat", "never stored"));

        assertThat(smtpServer.getReceivedMessages()).isEmpty();
        assertThat(outbox.newestFirst("alice", null, 10)).extracting(listed -> listed.email().id(), listed -> listed.email().subject(),
                        listed -> listed.email().status())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("e-3", "2 unread messages from carol", EmailStatus.OUTBOX_ONLY),
                        org.assertj.core.groups.Tuple.tuple("e-1", "1 unread message from carol", EmailStatus.OUTBOX_ONLY));
    }

    @Test
    void anSmtpServerThatCannotBeReachedLeavesTheEmailFailedAndItIsNotSentAgain() {
        JavaMailSenderImpl unreachable = smtpSender();
        unreachable.setPort(1);
        MessageEmails emails = new MessageEmails(outbox, Optional.of(unreachable), PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
        OutgoingEmail email = new OutgoingEmail("e-9", "alice", "1 unread message from carol", "Hello alice");

        assertThat(emails.send(email)).isTrue();
        assertThat(new MessageEmails(outbox, Optional.of(smtpSender()), PROPERTIES, Clock.systemUTC()).send(email)).isFalse();

        assertThat(smtpServer.getReceivedMessages()).isEmpty();
        assertThat(outbox.newestFirst("alice", null, 10)).singleElement()
                .satisfies(listed -> assertThat(listed.email().status()).isEqualTo(EmailStatus.FAILED));
    }

    @Test
    void aLongMessageIsQuotedAsAShortPreviewOnOneLine() {
        UnreadMessagesEmail template = new UnreadMessagesEmail(new EmailProperties("no-reply@example.com", "http://x", "example.com", 20));

        assertThat(template.preview("  First line\n\n second   line and a lot more text  ")).isEqualTo("First line second…");
        assertThat(UnreadMessagesEmail.subject(List.of(message("carol"), message("alice"), message("carol"))))
                .isEqualTo("3 unread messages from carol and alice");
        assertThat(UnreadMessagesEmail.subject(List.of(message("a"), message("b"), message("c"), message("d"), message("e"))))
                .isEqualTo("5 unread messages from a, b, c and 2 more");
    }

    private static UnreadMessagesEmail.UnreadMessage message(String sender) {
        return new UnreadMessagesEmail.UnreadMessage("room-1", "Room", sender, NOW, "text");
    }

    private static JavaMailSenderImpl smtpSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpServer.getSmtp().getPort());
        return sender;
    }
}
