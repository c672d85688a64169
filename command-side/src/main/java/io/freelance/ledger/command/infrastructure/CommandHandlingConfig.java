package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.escrow.EscrowCloser;
import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowAccountCloser;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What command handlers need besides their aggregate: the escrow policy, the escrow closer and error translation. */
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

    /** Rejections keep their field and rule when they travel back to the caller, also through Axon Server. */
    @Autowired
    public void translateRuleViolations(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RuleViolationTranslatingInterceptor());
    }
}
