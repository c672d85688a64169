package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

class ReadModelCommitInterceptorTest {

    @Test
    void readModelWritesAreCommittedWhenTheProcessorPreparesToCommitItsToken() throws Exception {
        // Automatic commits off, so only the interceptor can have committed what the handler wrote.
        MVStore store = new MVStore.Builder().autoCommitDisabled().open();
        H2Backend backend = new H2Backend(store);
        MVMap<String, String> readModel = store.openMap("contracts");
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("ContractOffered"));

        unitOfWork.executeWithResult(() -> new ReadModelCommitInterceptor(backend).handle(unitOfWork, () -> {
            readModel.put("contract-1", "OFFERED");
            assertThat(store.hasUnsavedChanges()).as("written, not yet committed").isTrue();
            return null;
        }));

        assertThat(store.hasUnsavedChanges()).as("committed with the unit of work").isFalse();
        assertThat(readModel.get("contract-1")).isEqualTo("OFFERED");
        backend.close();
    }
}
