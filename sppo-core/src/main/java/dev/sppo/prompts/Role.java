package dev.sppo.prompts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The author of a chat message, spelled in files as the lower-case {@link #wireName()}. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT;

    /** The name a prompt file and a chat template use: {@code system}, {@code user} or {@code assistant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role spelled {@code wireName} exactly (case-sensitive), if there is one. */
    public static Optional<Role> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wireName)).findFirst();
    }

    /** The wire names, for messages: {@code "system, user, assistant"}. */
    public static String wireNames() {
        return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
    }
}
