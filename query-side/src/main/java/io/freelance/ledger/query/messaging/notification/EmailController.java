package io.freelance.ledger.query.messaging.notification;

import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.security.Caller;
import java.util.Map;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** {@code myEmails}: the emails the service sent the caller, newest first; nobody reads another's. */
@Controller
public class EmailController {

    private static final String LIST_POSITION_KEY = "listPosition";

    private final EmailOutbox outbox;

    public EmailController(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @QueryMapping
    public Window<SentEmail> myEmails(ScrollSubrange page, Caller caller) {
        int pageSize = Pages.size(page);
        Long after = Pages.after(page).map(keys -> Pages.number(keys, LIST_POSITION_KEY)).orElse(null);
        return Pages.window(outbox.newestFirst(caller.userId(), after, pageSize + 1), pageSize,
                listed -> Map.of(LIST_POSITION_KEY, listed.position()), EmailOutbox.Listed::email);
    }
}
