package io.freelance.ledger.command.messaging;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.messaging.OpenContractRoomCommand;
import io.freelance.ledger.messaging.RoomId;
import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** An accepted contract gets its room, opened as the service, and a replay sends nothing. */
class ContractRoomPolicyTest {

    @Test
    void anAcceptedContractsRoomIsOpenedAsTheServiceWithBothParties() {
        CommandGateway gateway = mock(CommandGateway.class);
        new ContractRoomPolicy(gateway).on(new ContractAcceptedEvent("contract-1", ContractType.HOURLY,
                CLIENT.userId(), FREELANCER.userId(), Instant.parse("2026-12-01T10:00:00Z")));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        CommandMessage<?> message = (CommandMessage<?>) sent.getValue();
        assertThat(message.getPayload()).isEqualTo(new OpenContractRoomCommand(RoomId.forContract("contract-1"),
                "contract-1", CLIENT.userId(), FREELANCER.userId()));
        assertThat(Actor.fromMetaData(message.getMetaData())).isEqualTo(Actor.SYSTEM);
    }

    @Test
    void aReplaySendsNothing() throws NoSuchMethodException {
        assertThat(ContractRoomPolicy.class.getMethod("on", ContractAcceptedEvent.class)
                .isAnnotationPresent(DisallowReplay.class)).isTrue();
    }
}
