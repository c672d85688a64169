package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a {@link RuleViolation} thrown by a command handler into a {@link CommandExecutionException}
 * whose details are the {@link io.freelance.ledger.common.LedgerError}. Axon Server carries only a
 * failure's message and details between processes, never the exception class, so without this the
 * caller could not tell a rejected command (with its field and rule) from a crash. Register it as a
 * handler interceptor on the command bus.
 */
public class RuleViolationTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), violation, violation.error());
        }
    }
}
