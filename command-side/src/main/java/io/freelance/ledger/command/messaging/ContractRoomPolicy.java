package io.freelance.ledger.command.messaging;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.messaging.OpenContractRoomCommand;
import io.freelance.ledger.messaging.RoomId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Opens a contract's room when the contract is accepted, as the service. A process of its own rather than a
 * step of the acceptance: a contract is accepted whether or not messaging keeps up, and the room follows a
 * moment later. The room's id derives from the contract, so a redelivered event reaches the room it opened
 * and changes nothing; a replay sends nothing at all. A group that starts from the first stored event also
 * opens the rooms of contracts accepted before messages existed.
 */
@Component
@ProcessingGroup(ContractRoomPolicy.PROCESSING_GROUP)
public class ContractRoomPolicy {

    public static final String PROCESSING_GROUP = "contract-rooms";

    private final CommandGateway commands;

    public ContractRoomPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    /** Waits for the room, so a failure leaves the event for a retry instead of a room that never opens. */
    @EventHandler
    @DisallowReplay
    public void on(ContractAcceptedEvent event) {
        OpenContractRoomCommand open = new OpenContractRoomCommand(RoomId.forContract(event.contractId()),
                event.contractId(), event.clientId(), event.freelancerId());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(open).andMetaData(Actor.SYSTEM.asMetaData()));
    }
}
