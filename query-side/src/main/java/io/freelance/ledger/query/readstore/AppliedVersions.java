package io.freelance.ledger.query.readstore;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Publishes what each read model has applied and answers {@link AppliedVersionQuery}. Stores call
 * {@link #applied} after each write; Axon's emitter delivers the update once the projection's unit of
 * work has committed, so whoever it wakes reads the committed document.
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
        updateEmitter.emit(AppliedVersionQuery.class,
                query -> query.aggregateId().equals(aggregateId) && query.aggregateType().equals(aggregateType),
                new AppliedVersion(aggregateType, aggregateId, version));
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
