package io.freelance.ledger.query.graphql;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.security.Caller;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a command on the caller's behalf: who (actor id and role) and which request, in the
 * metadata, so the event history says who did what. Axon copies {@code traceId} from a command to
 * the events it causes, so the request id ends up on them.
 * <p>
 * At most {@code ledger.api.max-concurrent-commands} commands run at once. In one process each
 * command holds a database connection while it waits for its aggregate's lock; unbounded, a burst on
 * one contract would take every connection and starve the projections the mutations then wait for.
 * A request that finds no room within {@code ledger.api.command-admission-timeout} is answered with a
 * retriable CONFLICT instead of queueing without end.
 */
@Component
public class CommandSender {

    public static final String REQUEST_ID_KEY = "requestId";
    public static final String CORRELATION_ID_KEY = "correlationId";
    public static final String TRACE_ID_KEY = "traceId";

    private final CommandGateway commandGateway;
    private final Duration commandTimeout;
    private final Semaphore admissions;
    private final Duration admissionTimeout;

    public CommandSender(CommandGateway commandGateway,
                         @Value("${ledger.api.command-timeout:PT30S}") Duration commandTimeout,
                         @Value("${ledger.api.max-concurrent-commands:16}") int maxConcurrentCommands,
                         @Value("${ledger.api.command-admission-timeout:PT5S}") Duration admissionTimeout) {
        this.commandGateway = commandGateway;
        this.commandTimeout = commandTimeout;
        this.admissions = new Semaphore(maxConcurrentCommands, true);
        this.admissionTimeout = admissionTimeout;
    }

    /** The command handler's result: the aggregate's new version, or its id for a creation. */
    public Object send(Object command, Caller caller) {
        Map<String, Object> metaData = new HashMap<>(caller.actor().asMetaData());
        metaData.put(REQUEST_ID_KEY, caller.requestId());
        metaData.put(CORRELATION_ID_KEY, caller.requestId());
        metaData.put(TRACE_ID_KEY, caller.requestId());
        admit();
        try {
            return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData),
                    commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            admissions.release();
        }
    }

    private void admit() {
        try {
            if (admissions.tryAcquire(admissionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw RuleViolation.conflict(null, "service.busy",
                "The service is handling too many changes at once; nothing was recorded. Retry the request.");
    }
}
