package dev.sppo.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every manifest of every environment reads into its model class with nothing unknown and nothing of the wrong
 * type: the Kubernetes kinds with fabric8's model, Strimzi's with Strimzi's published API classes, KEDA's and
 * CloudNativePG's with {@link OperatorModels}; and a manifest with a typo does not.
 */
class ManifestModelTest {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("Deployment", Deployment.class), Map.entry("Service", Service.class),
            Map.entry("Secret", Secret.class), Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("PersistentVolumeClaim", PersistentVolumeClaim.class), Map.entry("Ingress", Ingress.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class), Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("Kafka", Kafka.class), Map.entry("KafkaNodePool", KafkaNodePool.class),
            Map.entry("KafkaTopic", KafkaTopic.class), Map.entry("ScaledObject", OperatorModels.ScaledObject.class),
            Map.entry("Cluster", OperatorModels.Cluster.class));
    private static final Map<String, String> OPERATOR_API_VERSIONS = Map.of(
            "ScaledObject", "keda.sh/v1alpha1", "Cluster", "postgresql.cnpg.io/v1");

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void everyManifestReadsStrictlyIntoTheModelOfItsKindAndApiVersion(String environment) throws Exception {
        for (ObjectNode manifest : RenderedPlatform.of(environment).manifests()) {
            String kind = manifest.path("kind").asText();
            assertThat(MODELS).as("a model for kind %s", kind).containsKey(kind);
            Class<?> model = StrictModel.read(manifest, MODELS.get(kind)).getClass();
            assertThat(manifest.path("apiVersion").asText()).as(kind + " apiVersion").isIn(apiVersions(kind, model));
        }
    }

    /** The versions the model serves: Strimzi's classes list theirs (v1 among them), fabric8's carry one. */
    @SuppressWarnings("unchecked")
    private static List<String> apiVersions(String kind, Class<?> model) throws ReflectiveOperationException {
        if (!HasMetadata.class.isAssignableFrom(model)) {
            return List.of(OPERATOR_API_VERSIONS.get(kind));
        }
        Class<? extends HasMetadata> resource = model.asSubclass(HasMetadata.class);
        try {
            List<String> served = (List<String>) model.getField("VERSIONS").get(null);
            return served.stream().map(v -> HasMetadata.getGroup(resource) + "/" + v).toList();
        } catch (NoSuchFieldException e) {
            return List.of(HasMetadata.getApiVersion(resource));
        }
    }

    @Test
    void aMisspelledFieldIsRefusedWithItsPath() throws Exception {
        ObjectNode deployment = manifest("Deployment", "generator-service");
        ((ObjectNode) deployment.get("spec")).set("replica", ((ObjectNode) deployment.get("spec")).remove("replicas"));

        assertThatThrownBy(() -> StrictModel.read(deployment, Deployment.class))
                .hasMessageContaining("Deployment generator-service: unknown field(s) [.spec.replica]");
    }

    @Test
    void aMisspelledStrimziFieldIsRefusedWithItsPath() throws Exception {
        ObjectNode topic = manifest("KafkaTopic", "sppo-responses");
        ((ObjectNode) topic.get("spec")).set("partition", ((ObjectNode) topic.get("spec")).remove("partitions"));

        assertThatThrownBy(() -> StrictModel.read(topic, KafkaTopic.class))
                .hasMessageContaining("unknown field(s) [.spec.partition]");
    }

    @Test
    void aQuotedNumberOrAnUnquotedStringValueIsRefused() throws Exception {
        ObjectNode scaled = manifest("ScaledObject", "generator-service");
        ((ObjectNode) scaled.get("spec")).put("maxReplicaCount", "6");
        ObjectNode deployment = manifest("Deployment", "gateway");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/env/0")).put("value", 8080);

        assertThatThrownBy(() -> StrictModel.read(scaled, OperatorModels.ScaledObject.class))
                .hasMessageContaining("ScaledObject generator-service").hasMessageContaining("maxReplicaCount");
        assertThatThrownBy(() -> StrictModel.read(deployment, Deployment.class))
                .hasMessageContaining("Deployment gateway").hasMessageContaining("value");
    }

    @Test
    void aDatabaseWithoutStorageOrAScaledObjectWithAnUnknownFieldIsRefused() throws Exception {
        ObjectNode cluster = manifest("Cluster", "sppo-db");
        ((ObjectNode) cluster.get("spec")).remove("storage");
        ObjectNode scaled = manifest("ScaledObject", "preference-service");
        ((ObjectNode) scaled.get("spec")).put("maxReplicas", 6);

        assertThatThrownBy(() -> StrictModel.read(cluster, OperatorModels.Cluster.class))
                .hasMessageContaining("spec.storage: required");
        assertThatThrownBy(() -> StrictModel.read(scaled, OperatorModels.ScaledObject.class))
                .hasMessageContaining("maxReplicas");
    }

    private static ObjectNode manifest(String kind, String name) {
        return RenderedPlatform.of("base").ofKind(kind).stream()
                .filter(m -> m.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow()
                .deepCopy();
    }
}
