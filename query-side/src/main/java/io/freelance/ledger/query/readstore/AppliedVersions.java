package io.freelance.ledger.query.readstore;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Publishes what each read model has applied and answers {@link AppliedVersionQuery}. Stores call
 * {@link #applied} after each write. The update goes out when the projection's unit of work prepares to
 * commit: the batch's writes are all made (and, on the embedded read store, written to its file, which
 * {@code ReadModelCommitInterceptor} does earlier in the same phase), but its tracking token is not yet
 * stored. Axon's emitter on its own would wait for that token's commit too, a transaction in the event
 * store that queues behind every other processor's and command's, and a mutation waiting for its answer
 * gains nothing from it: the token only tells a restarted processor where to go on from, and a token
 * lost in a crash means events applied again, which every projection takes as a repeat.
 */
@Component
public class AppliedVersions {

    private final QueryUpdateEmitter updateEmitter;
    private final Map<String, VersionedReadModel> readModels;

    public AppliedVersions(QueryUpdateEmitter updateEmitter, List<VersionedReadModel> readModels) {
        this.updateEmitter = updateEmitter;
        this.readModels = readModels.stream()
                .collect(Collectors.toUnmodifiableMap(VersionedReadModel::aggregateType, Function.identity()));
    }

    public void applied(String aggregateType, String aggregateId, long version) {
        Runnable emit = () -> updateEmitter.emit(AppliedVersionQuery.class,
                query -> query.aggregateId().equals(aggregateId) && query.aggregateType().equals(aggregateType),
                new AppliedVersion(aggregateType, aggregateId, version));
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.STARTED) {
            // In the prepare-commit phase the emitter sends at once instead of after the commit.
            CurrentUnitOfWork.get().onPrepareCommit(ignored -> emit.run());
        } else {
            emit.run();
        }
    }

    @QueryHandler
    public Long handle(AppliedVersionQuery query) {
        VersionedReadModel readModel = readModels.get(query.aggregateType());
        if (readModel == null) {
            throw new IllegalArgumentException("No read model keeps versions of " + query.aggregateType());
        }
        return readModel.appliedVersion(query.aggregateId());
    }
}
