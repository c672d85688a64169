package io.freelance.ledger.command.dispute;

import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.dispute.ContractDisputesId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * The {@link DisputeRegister} of the running service: loads the contract's {@link ContractDisputes} (creating
 * it for the first dispute) and the contract through their Axon repositories, in the caller's unit of work.
 * Suppliers, because the repositories exist only once Axon is configured.
 */
public class ContractDisputesRegister implements DisputeRegister {

    private final Supplier<Repository<ContractDisputes>> registers;
    private final Supplier<Repository<Contract>> contracts;

    public ContractDisputesRegister(Supplier<Repository<ContractDisputes>> registers,
                                    Supplier<Repository<Contract>> contracts) {
        this.registers = registers;
        this.contracts = contracts;
    }

    @Override
    public void disputeOpened(String contractId, String disputeId, String invoiceId) {
        withRegister(contractId, register -> register.open(contractId, disputeId, invoiceId, contract(contractId)));
    }

    @Override
    public void disputeSettled(String contractId, String disputeId) {
        withRegister(contractId, register -> register.settle(contractId, disputeId, contract(contractId)));
    }

    private void withRegister(String contractId, Consumer<ContractDisputes> change) {
        Aggregate<ContractDisputes> register;
        try {
            register = registers.get().loadOrCreate(ContractDisputesId.forContract(contractId), ContractDisputes::new);
        } catch (RuntimeException failed) {
            throw failed;
        } catch (Exception failed) {
            throw new IllegalStateException("Cannot load the dispute register of contract " + contractId, failed);
        }
        register.execute(change);
    }

    private Supplier<Aggregate<Contract>> contract(String contractId) {
        return () -> contracts.get().load(contractId);
    }
}
