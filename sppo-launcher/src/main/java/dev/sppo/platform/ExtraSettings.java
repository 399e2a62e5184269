package dev.sppo.platform;

import java.util.List;
import java.util.function.IntFunction;

/**
 * More {@code --key=value} settings for the services of an in-process platform, beyond those it sets itself (each
 * service's own directories and checkpoint store URL, say); each outranks the service's YAML, and none may repeat a
 * key the platform sets.
 *
 * @param generator the settings of generator replica {@code i} (1 for the first)
 * @param preference the preference-service's settings
 * @param gateway the gateway's settings (more users, say: {@code sppo.gateway.users[1].name} and on, as
 *     {@code users[0]} is the platform's admin)
 */
public record ExtraSettings(IntFunction<List<String>> generator, List<String> preference, List<String> gateway) {

    /** Nothing beyond the platform's own settings. */
    public static final ExtraSettings NONE = new ExtraSettings(replica -> List.of(), List.of(), List.of());

    public ExtraSettings {
        preference = List.copyOf(preference);
        gateway = List.copyOf(gateway);
    }
}
