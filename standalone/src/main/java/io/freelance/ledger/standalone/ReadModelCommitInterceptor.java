package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes the embedded read-model file before an event processor commits its tracking token.
 * The embedded server otherwise commits its file about once a second; a process killed in that
 * second would keep a token saying events were applied whose read-model writes were lost, and those
 * events would never be applied again. Committing in the prepare phase, ahead of the token's
 * transaction, keeps the read models at least as far as the token.
 */
final class ReadModelCommitInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final H2Backend readModelBackend;

    ReadModelCommitInterceptor(H2Backend readModelBackend) {
        this.readModelBackend = readModelBackend;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.onPrepareCommit(ignored -> readModelBackend.commit());
        return interceptorChain.proceed();
    }
}
