package io.freelance.ledger.query.dispute;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.dispute.DisputeQueue.QueuedDispute;
import io.freelance.ledger.query.dispute.DisputeReadModel.ListedView;
import io.freelance.ledger.query.dispute.DisputeReadModel.QueuedView;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.security.Caller;
import io.freelance.ledger.query.security.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** Disputes as the caller may see them: one, the desk's queue of open disputes, or the caller's own. */
@Controller
public class DisputeQueryController {

    private static final String OPENED_AT_KEY = "openedAtMillis";
    private static final String DISPUTE_ID_KEY = "disputeId";
    private static final String LIST_POSITION_KEY = "listPosition";

    private final DisputeAccess access;
    private final DisputeReadModel disputes;

    public DisputeQueryController(DisputeAccess access, DisputeReadModel disputes) {
        this.access = access;
        this.disputes = disputes;
    }

    @QueryMapping
    public DisputeView dispute(@Argument String id, Caller caller) {
        return access.requireReadable(caller.actor(), "id", Inputs.id("id", id));
    }

    /** The dispute handler's queue: open disputes of every kind, oldest first, each with its next deadline. */
    @QueryMapping
    public Window<DisputeView> disputeQueue(ScrollSubrange page, Caller caller) {
        DisputeAccess.requireHandler(caller.actor(), "disputeQueue", "work the dispute queue");
        int size = Pages.size(page);
        QueuedDispute after = Pages.after(page)
                .map(keys -> new QueuedDispute(Instant.ofEpochMilli(Pages.number(keys, OPENED_AT_KEY)),
                        Pages.text(keys, DISPUTE_ID_KEY)))
                .orElse(null);
        List<QueuedView> fetched = disputes.queuePage(after, size);
        return Pages.window(fetched, size, queued -> Map.of(OPENED_AT_KEY, queued.place().openedAt().toEpochMilli(),
                DISPUTE_ID_KEY, queued.place().disputeId()), QueuedView::dispute);
    }

    /** The caller's disputes as client or freelancer, newest first; handlers and finance have none of their own. */
    @QueryMapping
    public Window<DisputeView> myDisputes(ScrollSubrange page, Caller caller) {
        DisputeAccess.requirePartyRole(caller.actor(), "myDisputes", "list their own disputes");
        int size = Pages.size(page);
        Long after = Pages.after(page).map(keys -> Pages.number(keys, LIST_POSITION_KEY)).orElse(null);
        List<ListedView> fetched = disputes.pageOfParty(caller.userId(), after, size);
        return Pages.window(fetched, size, listed -> Map.of(LIST_POSITION_KEY, listed.position()), ListedView::dispute);
    }

    @SchemaMapping(typeName = "Dispute")
    public UserView client(DisputeView dispute) {
        return new UserView(dispute.clientId(), Role.CLIENT);
    }

    @SchemaMapping(typeName = "Dispute")
    public UserView freelancer(DisputeView dispute) {
        return new UserView(dispute.freelancerId(), Role.FREELANCER);
    }

    @SchemaMapping(typeName = "Dispute")
    public UserView openedBy(DisputeView dispute) {
        return new UserView(dispute.openedBy(), dispute.openedByRole());
    }

    @SchemaMapping(typeName = "DisputeSettlement")
    public UserView decidedBy(DisputeSettlementView settlement, Caller reader) {
        return UserView.actingAs(settlement.decidedBy(), settlement.decidedByRole(), reader);
    }
}
