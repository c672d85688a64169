package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.dispute.DisputePolicy;
import io.freelance.ledger.command.dispute.DisputedEscrow;
import io.freelance.ledger.command.dispute.EscrowAccountDisputes;
import io.freelance.ledger.command.escrow.EscrowAccount;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the Dispute aggregate's command and deadline handlers receive as parameters besides the dispute register. */
@Configuration(proxyBeanMethods = false)
public class DisputeDeskConfig {

    @Bean
    public DisputePolicy disputePolicy() {
        return DisputePolicy.defaults();
    }

    /** The escrow account is loaded through its own repository, in the dispute's unit of work. */
    @Bean
    public DisputedEscrow disputedEscrow(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new EscrowAccountDisputes(() -> axon.getObject().repository(EscrowAccount.class));
    }
}
