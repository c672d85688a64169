package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.readstore.AppliedVersionQuery;
import io.freelance.ledger.query.readstore.LiveReadModels;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * {@code contractChanged}: a contract as it stands, then again each time its read model or its escrow
 * account's moves forward. Who may watch is who may read: checked when subscribing (a refusal is an
 * error, never a stream) and again for every view sent.
 */
@Controller
public class ContractSubscriptionController {

    /** The escrow account's aggregate type as the command side names it; its read model lives in the escrow package. */
    private static final String ESCROW_ACCOUNT = "EscrowAccount";

    private final ContractAccess access;
    private final LiveReadModels live;

    public ContractSubscriptionController(ContractAccess access, LiveReadModels live) {
        this.access = access;
        this.live = live;
    }

    @SubscriptionMapping
    public Flux<ContractView> contractChanged(@Argument String contractId, Caller caller) {
        String id = Inputs.id("contractId", contractId);
        Actor actor = caller.actor();
        access.requireReadable(actor, "contractId", id);
        List<AppliedVersionQuery> sources = List.of(new AppliedVersionQuery(ContractStore.AGGREGATE_TYPE, id),
                new AppliedVersionQuery(ESCROW_ACCOUNT, EscrowAccountId.forContract(id)));
        return live.watch(sources, () -> access.requireReadable(actor, "contractId", id));
    }
}
