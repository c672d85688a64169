package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.messaging.notification.MessageEmails;
import io.freelance.ledger.query.messaging.notification.OutgoingEmail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Standalone mode has no SMTP server: an email lands in its recipient's outbox, which they read over GraphQL
 * ({@code myEmails}, newest first, in cursor pages), and nobody else can; an email id is sent once.
 */
class EmailOutboxTest extends StandaloneTestBase {

    private static final String MY_EMAILS = """
            query($after: String) {
              myEmails(first: 2, after: $after) {
                edges { node { id to subject body sentAt status } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Autowired
    MessageEmails emails;

    @Test
    void eachUserReadsOnlyTheirOwnEmailsNewestFirstAndAnIdIsSentOnce() {
        String run = unique("run");
        emails.send(new OutgoingEmail(run + "-1", ERIN.id(), "1 unread message from alice", "Hello erin, first"));
        emails.send(new OutgoingEmail(run + "-2", FRANK.id(), "1 unread message from bob", "Hello frank"));
        emails.send(new OutgoingEmail(run + "-3", ERIN.id(), "2 unread messages from carol", "Hello erin, second"));
        boolean repeated = emails.send(new OutgoingEmail(run + "-1", ERIN.id(), "sent again?", "never"));

        assertThat(repeated).isFalse();
        List<JsonNode> erins = allEmailsOf(ERIN);
        assertThat(erins).extracting(email -> email.path("id").asString()).containsSubsequence(run + "-3", run + "-1")
                .doesNotContain(run + "-2");
        JsonNode first = erins.stream().filter(email -> email.path("id").asString().equals(run + "-1")).findFirst().orElseThrow();
        assertThat(first.path("to").asString()).isEqualTo("erin@example.com");
        assertThat(first.path("subject").asString()).isEqualTo("1 unread message from alice");
        assertThat(first.path("body").asString()).isEqualTo("Hello erin, first");
        assertThat(first.path("status").asString()).as("accepted by the SMTP server").isEqualTo("SENT");
        assertThat(SmtpCatcher.bodiesTo("erin@example.com", "Hello erin, first")).hasSize(1);
        assertThat(SmtpCatcher.bodiesTo("erin@example.com", "never")).isEmpty();
        assertThat(first.path("sentAt").asString()).isNotBlank();
        assertThat(allEmailsOf(FRANK)).extracting(email -> email.path("id").asString()).contains(run + "-2")
                .doesNotContain(run + "-1", run + "-3");
    }

    /** Every page, following endCursor. */
    private List<JsonNode> allEmailsOf(DemoUser user) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("after", after);
            JsonNode page = api.call(user, MY_EMAILS, variables).dataAt("myEmails");
            page.path("edges").forEach(edge -> all.add(edge.path("node")));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asString() : null;
        } while (after != null);
        return all;
    }
}
