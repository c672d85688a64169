package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.common.LedgerError;
import java.util.Optional;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MessageHandler;

/**
 * The command side's local command bus (Axon Server's local segment in distributed mode): a
 * {@link SimpleCommandBus} whose failed results carry a {@link LedgerError} as the details of a
 * {@link CommandExecutionException} wherever {@link CommandFailureTranslation} knows the failure.
 * Axon Server sends a command's failure back as a message and those details only, so this is what
 * lets the caller answer NOT_FOUND or CONFLICT, with field and rule, instead of an internal error.
 * <p>
 * It works on the result rather than in a handler interceptor because some of these failures come
 * after the handler has returned: the event store refuses the events while the unit of work commits
 * (an aggregate id already taken, a concurrent change).
 */
public class FailureTranslatingCommandBus extends SimpleCommandBus {

    public FailureTranslatingCommandBus(SimpleCommandBus.Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.<C, R>handle(command, handler, (message, result) -> callback.onResult(message, translated(result)));
    }

    /** The result as it is, unless it is a failure without details that stands for a known rejection. */
    static <R> CommandResultMessage<? extends R> translated(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        if (failure instanceof HandlerExecutionException handled && handled.getDetails().isPresent()) {
            return result;
        }
        Optional<LedgerError> error = CommandFailureTranslation.translate(failure);
        if (error.isEmpty()) {
            return result;
        }
        CommandExecutionException rejection = new CommandExecutionException(error.get().message(), failure, error.get());
        return new GenericCommandResultMessage<R>(rejection, result.getMetaData());
    }
}
