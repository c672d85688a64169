package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.escrow.EscrowAccountId;
import java.util.function.Supplier;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Loads the escrow account in the unit of work that ends its contract and closes it there. The contract
 * holds its own lock and then takes the account's; nothing takes them the other way round, so the two
 * cannot deadlock. Suppliers, because the repository and deadline manager exist only once Axon is configured.
 */
public class EscrowAccountCloser implements EscrowCloser {

    private final Supplier<Repository<EscrowAccount>> accounts;
    private final EscrowPolicy policy;
    private final Supplier<DeadlineManager> deadlines;

    public EscrowAccountCloser(Supplier<Repository<EscrowAccount>> accounts, EscrowPolicy policy,
                               Supplier<DeadlineManager> deadlines) {
        this.accounts = accounts;
        this.policy = policy;
        this.deadlines = deadlines;
    }

    @Override
    public AggregateVersion closeForEndedContract(String contractId, Actor endedBy) {
        String escrowAccountId = EscrowAccountId.forContract(contractId);
        Aggregate<EscrowAccount> account = accounts.get().load(escrowAccountId);
        account.execute(loaded -> loaded.closeForEndedContract(endedBy.userId(), endedBy.role(), policy, deadlines.get()));
        return new AggregateVersion(EscrowAccount.class.getSimpleName(), escrowAccountId, account.version());
    }
}
