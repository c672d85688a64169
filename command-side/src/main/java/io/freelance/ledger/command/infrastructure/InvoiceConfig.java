package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.command.dispute.ContractDisputes;
import io.freelance.ledger.command.dispute.ContractDisputesRegister;
import io.freelance.ledger.command.dispute.DisputeRegister;
import io.freelance.ledger.command.invoice.InvoicePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the invoice's command and deadline handlers receive as parameters: its policy and the contract's dispute register. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InvoicePolicyProperties.class)
public class InvoiceConfig {

    @Bean
    public InvoicePolicy invoicePolicy(InvoicePolicyProperties properties) {
        return properties.toPolicy();
    }

    /** The register and the contract are loaded through their own repositories, in the invoice's unit of work. */
    @Bean
    public DisputeRegister disputeRegister(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new ContractDisputesRegister(() -> axon.getObject().repository(ContractDisputes.class),
                () -> axon.getObject().repository(Contract.class));
    }
}
