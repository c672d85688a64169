package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.io.IOException;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * What a caller learned from one request. Only an acknowledgement is a promise; a refusal says
 * nothing happened; without an answer (the connection dropped, the process died) the caller cannot
 * know, and must retry with the same idempotency key.
 */
record Answer(Outcome outcome, String classification, Response response, String detail) {

    enum Outcome { ACKNOWLEDGED, REFUSED, UNACKNOWLEDGED }

    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    static Answer of(Supplier<Response> request) {
        Response response;
        try {
            response = request.get();
        } catch (IllegalStateException failed) {
            if (failed.getCause() instanceof IOException dropped) {
                return new Answer(Outcome.UNACKNOWLEDGED, null, null, dropped.getClass().getSimpleName() + ": " + dropped.getMessage());
            }
            throw failed;
        }
        JsonNode errors = response.errors();
        boolean hasErrors = !errors.isMissingNode() && !errors.isNull() && !errors.isEmpty();
        if (response.status() == 200 && !hasErrors && !response.data().isMissingNode() && !response.data().isNull()) {
            return new Answer(Outcome.ACKNOWLEDGED, null, response, null);
        }
        String classification = hasErrors
                ? errors.get(0).path("extensions").path("classification").asString("UNCLASSIFIED")
                : "HTTP " + response.status();
        return new Answer(Outcome.REFUSED, classification, response, response.body().toString());
    }

    boolean acknowledged() {
        return outcome == Outcome.ACKNOWLEDGED;
    }

    /** Any error of the answer, not only the first, classified as an internal error. */
    boolean isInternalError() {
        if (response == null) {
            return false;
        }
        for (JsonNode error : response.errors()) {
            if (INTERNAL_ERROR.equals(error.path("extensions").path("classification").asString(""))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The change was recorded, but the read model could not show it within the service's wait: the
     * answer names the contract but may show it as it was before.
     */
    boolean pending(String mutation) {
        return response.data().path(mutation).path("pending").asBoolean(false);
    }

    /** The id of the contract a mutation changed, also when the answer is pending. */
    String contractId(String mutation) {
        return response.data().path(mutation).path("contractId").asString(null);
    }

    /** The contract a mutation answered with. */
    JsonNode contract(String mutation) {
        return response.data().path(mutation).path("contract");
    }

    @Override
    public String toString() {
        return outcome + (classification == null ? "" : " " + classification) + (detail == null ? "" : " (" + detail + ")");
    }
}
