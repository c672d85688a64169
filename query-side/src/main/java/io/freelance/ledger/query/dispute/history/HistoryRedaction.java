package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.ledger.AccountKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a party of a contract sees of its history; dispute handlers and finance see every event whole.
 * A party sees every event of the contract, with:
 * <ol>
 *   <li>staff by role only: the user id of anyone acting as finance or dispute handler (or as anyone who is
 *       neither party nor the service) is left out of the actor, and wherever the payload repeats it
 *       ({@code decidedBy}, {@code pausedBy}, ...) it reads as the role's name;</li>
 *   <li>staff-only fields removed: any payload field whose name begins with {@code internal}
 *       ({@code internalNote}), the convention for what only staff may read;</li>
 *   <li>the other side's money removed: journal-entry legs on accounts the reader may not read in the ledger
 *       (the other party's charges, refunds, pending or available balance, the platform's fee accounts);
 *       legs on the reader's own accounts and the contract's escrow stay, so the remaining legs need not
 *       sum to zero;</li>
 *   <li>retry bookkeeping removed: {@code idempotencyId} and {@code idempotencyFingerprint} derive from the
 *       sender's idempotency key, which is the sender's alone.</li>
 * </ol>
 * Everything else the API already shows both parties (terms, amounts, fees, notes, diary cells) stays, and so
 * do correlation and causation ids: they only link events to each other.
 */
final class HistoryRedaction {

    static final String STAFF_ONLY_PREFIX = "internal";
    private static final Set<String> RETRY_BOOKKEEPING = Set.of("idempotencyId", "idempotencyFingerprint");
    private static final String LEGS = "legs";
    private static final String ROLE_SUFFIX = "Role";

    private HistoryRedaction() {
    }

    static HistoryEvent forReader(HistoryEvent event, HistoryReader reader) {
        if (reader.seesEverything()) {
            return event;
        }
        Map<String, Role> hiddenUsers = new HashMap<>();
        HistoryActor actor = event.actor();
        if (actor != null && isHidden(actor.userId(), actor.role(), reader)) {
            hiddenUsers.put(actor.userId(), actor.role());
            actor = actor.withoutUserId();
        }
        collectHiddenUsers(event.payload(), reader, hiddenUsers);
        ObjectNode payload = event.payload().deepCopy();
        redact(payload, reader, hiddenUsers);
        return event.redacted(actor, payload);
    }

    /** Staff, and anyone who is neither party nor the service, appear by role only. */
    private static boolean isHidden(String userId, Role role, HistoryReader reader) {
        return HistoryReader.STAFF.contains(role) || (role != Role.SYSTEM && !reader.isPartyOfContract(userId));
    }

    /** Fields such as {@code decidedBy} beside {@code decidedByRole} say who acted and as what. */
    private static void collectHiddenUsers(JsonNode node, HistoryReader reader, Map<String, Role> hiddenUsers) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonNode role = object.get(name + ROLE_SUFFIX);
                JsonNode userId = object.get(name);
                if (userId.isString() && role != null && role.isString()) {
                    Role named = roleNamed(role.asString());
                    if (named != null && isHidden(userId.asString(), named, reader)) {
                        hiddenUsers.put(userId.asString(), named);
                    }
                }
                collectHiddenUsers(userId, reader, hiddenUsers);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectHiddenUsers(element, reader, hiddenUsers));
        }
    }

    private static void redact(ObjectNode object, HistoryReader reader, Map<String, Role> hiddenUsers) {
        for (String name : new ArrayList<>(object.propertyNames())) {
            JsonNode value = object.get(name);
            if (name.startsWith(STAFF_ONLY_PREFIX) || RETRY_BOOKKEEPING.contains(name)) {
                object.remove(name);
            } else if (name.equals(LEGS) && value.isArray()) {
                object.set(name, readableLegs((ArrayNode) value, reader));
            } else {
                object.set(name, redactValue(value, reader, hiddenUsers));
            }
        }
    }

    private static JsonNode redactValue(JsonNode value, HistoryReader reader, Map<String, Role> hiddenUsers) {
        if (value.isString() && hiddenUsers.containsKey(value.asString())) {
            return JsonNodeFactory.instance.stringNode(hiddenUsers.get(value.asString()).name());
        }
        if (value instanceof ObjectNode object) {
            redact(object, reader, hiddenUsers);
        } else if (value instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                array.set(index, redactValue(array.get(index), reader, hiddenUsers));
            }
        }
        return value;
    }

    /** The legs the reader could read in the ledger: their own accounts and the contract's escrow. */
    private static ArrayNode readableLegs(ArrayNode legs, HistoryReader reader) {
        List<JsonNode> readable = new ArrayList<>();
        legs.forEach(leg -> {
            if (mayRead(leg.path("kind").asString(""), leg.path("ownerId").asString(""), reader)) {
                readable.add(leg);
            }
        });
        return JsonNodeFactory.instance.arrayNode().addAll(readable);
    }

    private static boolean mayRead(String kind, String ownerId, HistoryReader reader) {
        AccountKind accountKind;
        try {
            accountKind = AccountKind.valueOf(kind);
        } catch (IllegalArgumentException unknownKind) {
            return false;
        }
        return switch (accountKind.owner()) {
            case CLIENT, FREELANCER -> ownerId.equals(reader.actor().userId());
            case CONTRACT -> ownerId.equals(reader.contractId());
            case PLATFORM -> false;
        };
    }

    private static Role roleNamed(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException notARole) {
            return null;
        }
    }
}
