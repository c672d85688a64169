package io.freelance.ledger.command.testing;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import java.util.Map;

/** The people in every scenario: the two parties, outsiders, and the service itself. */
public final class People {

    public static final Actor CLIENT = new Actor("client-1", Role.CLIENT);
    public static final Actor FREELANCER = new Actor("freelancer-1", Role.FREELANCER);
    /** A client of the marketplace who is not a party to the contract. */
    public static final Actor OTHER_CLIENT = new Actor("client-9", Role.CLIENT);
    /** The client's user id presented with a role the client does not hold on this contract. */
    public static final Actor CLIENT_ID_AS_FREELANCER = new Actor("client-1", Role.FREELANCER);
    public static final Actor SYSTEM = Actor.SYSTEM;

    private People() {
    }

    public static Map<String, String> as(Actor actor) {
        return actor.asMetaData();
    }
}
