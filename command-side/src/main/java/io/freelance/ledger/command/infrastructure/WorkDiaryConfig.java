package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.command.diary.ContractLookup;
import io.freelance.ledger.command.diary.ContractRepositoryLookup;
import io.freelance.ledger.command.diary.WorkDiaryPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the Work Diary's command handlers receive as parameters: its policy and the way to its contract. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkDiaryPolicyProperties.class)
public class WorkDiaryConfig {

    @Bean
    public WorkDiaryPolicy workDiaryPolicy(WorkDiaryPolicyProperties properties) {
        return properties.toPolicy();
    }

    /** The contract is read through its own repository, in the diary command's unit of work. */
    @Bean
    public ContractLookup contractLookup(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new ContractRepositoryLookup(() -> axon.getObject().repository(Contract.class));
    }
}
