package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.escrow.EscrowCloser;
import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowAccountCloser;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What command handlers need besides their aggregate: the escrow policy, the escrow closer, the command bus and error translation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscrowPolicyProperties.class)
public class CommandHandlingConfig {

    /** Injected into escrow command and deadline handlers as a parameter. */
    @Bean
    public EscrowPolicy escrowPolicy(EscrowPolicyProperties properties) {
        return properties.toPolicy();
    }

    /** Injected into the contract's end handler: the escrow account closes in the same unit of work. */
    @Bean
    public EscrowCloser escrowCloser(ObjectProvider<org.axonframework.config.Configuration> axon, EscrowPolicy policy) {
        return new EscrowAccountCloser(() -> axon.getObject().repository(EscrowAccount.class), policy,
                () -> axon.getObject().deadlineManager());
    }

    /**
     * The local command bus, built as Axon's auto-configuration builds its own (which steps back once
     * this exists), but translating Axon's failures into rejections the caller can classify. In
     * distributed mode Axon Server's command bus hands the commands it receives to this bus, its
     * local segment.
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(TransactionManager transactionManager,
                                       org.axonframework.config.Configuration axonConfiguration,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = new FailureTranslatingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus")));
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        // Rejections keep their field and rule when they travel back to the caller, also through Axon Server.
        commandBus.registerHandlerInterceptor(new RuleViolationTranslatingInterceptor());
        return commandBus;
    }
}
