package io.freelance.ledger.query.api;

import io.freelance.ledger.common.Actor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a command on the caller's behalf: who (actor id and role) and which request, in the
 * metadata, so the event history says who did what. Axon copies {@code traceId} from a command to
 * the events it causes, so the request id ends up on them.
 */
@Component
public class CommandSender {

    public static final String REQUEST_ID_KEY = "requestId";
    public static final String CORRELATION_ID_KEY = "correlationId";
    public static final String TRACE_ID_KEY = "traceId";

    private final CommandGateway commandGateway;
    private final Duration commandTimeout;

    public CommandSender(CommandGateway commandGateway,
                         @Value("${ledger.api.command-timeout:PT30S}") Duration commandTimeout) {
        this.commandGateway = commandGateway;
        this.commandTimeout = commandTimeout;
    }

    /** The command handler's result: the aggregate's new version, or its id for a creation. */
    public Object send(Object command, Actor actor, String requestId) {
        String id = requestId == null ? UUID.randomUUID().toString() : requestId;
        Map<String, Object> metaData = new HashMap<>(actor.asMetaData());
        metaData.put(REQUEST_ID_KEY, id);
        metaData.put(CORRELATION_ID_KEY, id);
        metaData.put(TRACE_ID_KEY, id);
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData),
                commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
