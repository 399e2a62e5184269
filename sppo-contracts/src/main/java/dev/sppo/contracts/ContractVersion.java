package dev.sppo.contracts;

/**
 * The version every message carries in its {@code version} field. A consumer refuses (dead-letters) a
 * message of another version rather than guessing; additive, optional fields do not bump it.
 */
public final class ContractVersion {

    public static final int CURRENT = 1;

    private ContractVersion() {}
}
