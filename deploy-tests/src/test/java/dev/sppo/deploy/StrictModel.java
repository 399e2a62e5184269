package dev.sppo.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest into model classes strictly: no scalar coercion (a quoted number is not a number), no unknown
 * property. The Kubernetes (fabric8) and Strimzi model classes keep unknown properties in an
 * {@code additionalProperties} map instead of failing, so after reading, every such map in the object tree must be
 * empty; the paths of the offenders are named.
 */
final class StrictModel {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.", "io.strimzi.");

    private StrictModel() {}

    /** @throws IllegalArgumentException naming the resource and the field that is unknown or of the wrong type */
    static <T> T read(JsonNode manifest, Class<T> type) {
        String name = manifest.path("kind").asText() + " " + manifest.path("metadata").path("name").asText();
        T model;
        try {
            model = MAPPER.treeToValue(manifest, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        Set<String> unknown = new LinkedHashSet<>();
        collectUnknown(model, "", unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(name + ": unknown field(s) " + unknown);
        }
        return model;
    }

    private static void collectUnknown(Object value, String path, Set<String> unknown) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknown(item, path + "." + key, unknown));
        } else if (value != null && isModel(value.getClass())) {
            for (Method getter : value.getClass().getMethods()) {
                if (isGetter(getter)) {
                    Object child = invoke(getter, value);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) child).keySet().forEach(key -> unknown.add(path + "." + key));
                    } else {
                        collectUnknown(child, path + "." + property(getter), unknown);
                    }
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        return !type.isEnum() && MODEL_PACKAGES.stream().anyMatch(type.getName()::startsWith);
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && !method.getName().equals("getClass");
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + ": " + e.getMessage(), e);
        }
    }
}
