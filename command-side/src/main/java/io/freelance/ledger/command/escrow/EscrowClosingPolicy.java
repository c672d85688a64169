package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.escrow.CloseEscrowAccountCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When a fixed-price contract ends, its escrow account closes, acting as the service rather than as
 * whoever ended the contract. Seeing the event twice is harmless: closing a closed account does nothing.
 */
@Component
@ProcessingGroup(EscrowClosingPolicy.PROCESSING_GROUP)
public class EscrowClosingPolicy {

    public static final String PROCESSING_GROUP = "escrow-closing";

    private final CommandGateway commandGateway;

    public EscrowClosingPolicy(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * Waits for the result so a failure reaches the event processor, which retries or dead-letters the
     * event instead of losing the close.
     */
    @EventHandler
    public void on(ContractEndedEvent event) {
        if (event.type() != ContractType.FIXED_PRICE) {
            return;
        }
        CloseEscrowAccountCommand command = new CloseEscrowAccountCommand(
                EscrowAccountId.forContract(event.contractId()), event.endedBy(), event.endedByRole());
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Actor.SYSTEM.asMetaData()));
    }
}
