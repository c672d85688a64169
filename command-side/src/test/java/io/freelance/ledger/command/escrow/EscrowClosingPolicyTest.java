package io.freelance.ledger.command.escrow;

import static io.freelance.ledger.command.testing.People.CLIENT;
import static io.freelance.ledger.command.testing.People.FREELANCER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.escrow.CloseEscrowAccountCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The end of a fixed-price contract closes its escrow account, on the service's authority. */
class EscrowClosingPolicyTest {

    private static final Instant ENDED_AT = Instant.parse("2030-02-01T10:00:00Z");

    private CommandGateway commandGateway;
    private EscrowClosingPolicy policy;

    @BeforeEach
    void setUp() {
        commandGateway = mock(CommandGateway.class);
        policy = new EscrowClosingPolicy(commandGateway);
    }

    @Test
    void endOfFixedPriceContractClosesItsEscrowAccountAsTheService() {
        policy.on(new ContractEndedEvent("contract-1", ContractType.FIXED_PRICE, FREELANCER.userId(), Role.FREELANCER,
                "Done", ENDED_AT));

        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commandGateway).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload()).isEqualTo(new CloseEscrowAccountCommand(
                EscrowAccountId.forContract("contract-1"), FREELANCER.userId(), Role.FREELANCER));
        assertThat(Actor.fromMetaData(sent.getValue().getMetaData())).isEqualTo(Actor.SYSTEM);
    }

    @Test
    void endOfHourlyContractHasNoEscrowToClose() {
        policy.on(new ContractEndedEvent("contract-2", ContractType.HOURLY, CLIENT.userId(), Role.CLIENT, null,
                ENDED_AT));

        verify(commandGateway, never()).sendAndWait(any());
    }
}
