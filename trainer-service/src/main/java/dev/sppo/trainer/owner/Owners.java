package dev.sppo.trainer.owner;

/**
 * The SQL condition that keeps what a caller may see of a table with an {@code owner} column: every row for an admin,
 * else the caller's own. Its two parameters are {@code caller.admin()} and {@code caller.name()}, in that order.
 */
public final class Owners {

    /** {@code (admin OR owner = name)}. */
    public static final String VISIBLE = "(? OR owner = ?)";

    private Owners() {}
}
