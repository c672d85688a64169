package io.freelance.ledger.standalone.benchmark;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Hands events to the read models' own event handlers as their tracking processors do: one thread per
 * processing group, batches of 100 events, each batch in one unit of work that writes the embedded
 * read-model file before it commits (what the standalone's commit interceptor does). Handlers are found
 * by processing group and invoked through Axon's annotation adapter, so the feeder knows no projection
 * class or handler signature and stays valid when the read models are redesigned.
 */
final class ProjectionFeeder implements AutoCloseable {

    private static final int BATCH_SIZE = 100;

    private final Map<String, List<AnnotationEventHandlerAdapter>> handlersByGroup;
    private final Runnable commitReadModelFile;
    private final ExecutorService groupThreads;

    ProjectionFeeder(ApplicationContext context, Set<String> processingGroups) {
        this.handlersByGroup = handlersOf(context, processingGroups);
        this.commitReadModelFile = () -> context.getBeanProvider(H2Backend.class).ifAvailable(H2Backend::commit);
        this.groupThreads = Executors.newFixedThreadPool(handlersByGroup.size());
    }

    /** Applies the events in every processing group, the groups in parallel; returns when all are applied. */
    void feed(List<SyntheticEvent> events) {
        List<EventMessage<?>> messages = events.stream().<EventMessage<?>>map(SyntheticEvent::toTrackedMessage).toList();
        List<Future<?>> groups = new ArrayList<>();
        for (List<AnnotationEventHandlerAdapter> handlers : handlersByGroup.values()) {
            groups.add(groupThreads.submit(() -> applyInBatches(handlers, messages)));
        }
        for (Future<?> group : groups) {
            await(group);
        }
    }

    Set<String> processingGroups() {
        return handlersByGroup.keySet();
    }

    @Override
    public void close() {
        groupThreads.shutdownNow();
    }

    private void applyInBatches(List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> messages) {
        for (int start = 0; start < messages.size(); start += BATCH_SIZE) {
            applyBatch(handlers, messages.subList(start, Math.min(messages.size(), start + BATCH_SIZE)));
        }
    }

    private void applyBatch(List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.onPrepareCommit(ignored -> commitReadModelFile.run());
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(message)) {
                    handler.handle(message);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("A projection refused a synthetic event", result.exceptionResult());
        }
    }

    private static Map<String, List<AnnotationEventHandlerAdapter>> handlersOf(ApplicationContext context, Set<String> groups) {
        Map<String, List<AnnotationEventHandlerAdapter>> handlers = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class);
            if (group != null && groups.contains(group.value())) {
                handlers.computeIfAbsent(group.value(), name -> new ArrayList<>()).add(new AnnotationEventHandlerAdapter(bean));
            }
        }
        if (!handlers.keySet().equals(groups)) {
            throw new IllegalStateException("Expected event handlers in " + groups + ", found them in " + handlers.keySet());
        }
        return handlers;
    }

    private static void await(Future<?> group) {
        try {
            group.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the projections applied events", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A processing group failed", e.getCause());
        }
    }
}
