package io.freelance.ledger.messaging;

/** The kinds of room, named as Upwork Messages names them. */
public enum RoomType {
    /** Two people; created at most once per pair; no members added or removed, never archived. */
    ONE_ON_ONE,
    /** An ad hoc room whose owner and admins manage the members and the topic. */
    GROUP,
    /** The room of one contract, opened when the contract is accepted, with its client and freelancer. */
    CONTRACT
}
