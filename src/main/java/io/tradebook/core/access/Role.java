package io.tradebook.core.access;

/** What a user may administer; names match {@code users.role}. */
public enum Role {
    /** A trader: sees and changes only what is theirs. */
    USER,
    /** An administrator: may also change other users, grant scopes and push market prices. */
    ADMIN
}
