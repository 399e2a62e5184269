package dev.sppo.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of KEDA's {@code ScaledObject} (keda.sh/v1alpha1) and CloudNativePG's {@code Cluster}
 * (postgresql.cnpg.io/v1) that a manifest may set, with their types, as the operators' CRDs define them; neither
 * project publishes Java model classes on Maven Central. Read through {@link StrictModel}: a field outside these
 * records or of another type is refused, and a required one that is missing is named.
 */
final class OperatorModels {

    private OperatorModels() {}

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
        Metadata {
            required(name, "metadata.name");
        }
    }

    record ScaledObject(String apiVersion, String kind, Metadata metadata, ScaledObjectSpec spec) {
        ScaledObject {
            required(metadata, "metadata");
            required(spec, "spec");
        }
    }

    record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
            Integer initialCooldownPeriod, Integer idleReplicaCount, Integer minReplicaCount, Integer maxReplicaCount,
            List<Trigger> triggers) {
        ScaledObjectSpec {
            required(scaleTargetRef, "spec.scaleTargetRef");
            required(triggers, "spec.triggers");
        }
    }

    record ScaleTarget(String name, String kind, String apiVersion, String envSourceContainerName) {
        ScaleTarget {
            required(name, "spec.scaleTargetRef.name");
        }
    }

    /** A trigger's metadata are strings, whatever they hold. */
    record Trigger(String type, String name, Map<String, String> metadata, String metricType, Boolean useCachedMetrics) {
        Trigger {
            required(type, "spec.triggers[].type");
            required(metadata, "spec.triggers[].metadata");
        }
    }

    record Cluster(String apiVersion, String kind, Metadata metadata, ClusterSpec spec) {
        Cluster {
            required(metadata, "metadata");
            required(spec, "spec");
        }
    }

    record ClusterSpec(int instances, String imageName, Storage storage, Bootstrap bootstrap, Resources resources,
            String primaryUpdateStrategy) {
        ClusterSpec {
            required(storage, "spec.storage");
            if (instances < 1) {
                throw new IllegalArgumentException("spec.instances: at least 1, got " + instances);
            }
        }
    }

    record Storage(String size, String storageClass) {
        Storage {
            required(size, "spec.storage.size");
        }
    }

    record Bootstrap(InitDb initdb) {}

    record InitDb(String database, String owner, SecretRef secret) {
        InitDb {
            required(database, "spec.bootstrap.initdb.database");
            required(owner, "spec.bootstrap.initdb.owner");
        }
    }

    record SecretRef(String name) {}

    record Resources(Map<String, String> requests, Map<String, String> limits) {}

    private static void required(Object value, String field) {
        Objects.requireNonNull(value, () -> field + ": required");
    }
}
