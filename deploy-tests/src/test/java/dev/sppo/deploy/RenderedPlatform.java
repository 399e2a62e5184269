package dev.sppo.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/** One environment of deploy/k8s as {@code kubectl kustomize} renders it, with typed access to its resources. */
record RenderedPlatform(String environment, List<ObjectNode> manifests) {

    static final Path K8S = ServiceConfig.ROOT.resolve("deploy/k8s");
    /** The base and every overlay. */
    static final List<String> ENVIRONMENTS = List.of("base", "overlays/dev", "overlays/prod", "overlays/s3");

    static RenderedPlatform of(String environment) {
        try {
            return new RenderedPlatform(environment, Kustomize.render(K8S.resolve(environment)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ObjectNode> ofKind(String kind) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    <T> List<T> all(String kind, Class<T> type) {
        return ofKind(kind).stream().map(m -> StrictModel.read(m, type)).toList();
    }

    <T> T one(String kind, String name, Class<T> type) {
        return ofKind(kind).stream().filter(m -> m.path("metadata").path("name").asText().equals(name)).findFirst()
                .map(m -> StrictModel.read(m, type))
                .orElseThrow(() -> new NoSuchElementException(environment + ": no " + kind + " " + name));
    }

    Deployment deployment(String name) {
        return one("Deployment", name, Deployment.class);
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new IllegalStateException(deployment.getMetadata().getName() + ": one container expected");
        }
        return containers.get(0);
    }

    static Map<String, EnvVar> env(Deployment deployment) {
        return container(deployment).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    /** The literal value of an environment variable, or the value of the ConfigMap key it is taken from. */
    Optional<String> envValue(Deployment deployment, String name) {
        EnvVar variable = env(deployment).get(name);
        if (variable == null) {
            return Optional.empty();
        }
        if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
            var ref = variable.getValueFrom().getConfigMapKeyRef();
            return Optional.ofNullable(one("ConfigMap", ref.getName(), ConfigMap.class).getData().get(ref.getKey()));
        }
        return Optional.ofNullable(variable.getValue());
    }

    Kafka kafka() {
        List<Kafka> clusters = all("Kafka", Kafka.class);
        if (clusters.size() != 1) {
            throw new IllegalStateException(environment + ": one Kafka cluster expected, found " + clusters.size());
        }
        return clusters.get(0);
    }

    /** host:port of the Kafka cluster's plain internal listener, as Strimzi names its bootstrap Service. */
    String kafkaBootstrap() {
        GenericKafkaListener plain = kafka().getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls() && l.getType().toValue().equals("internal")).findFirst()
                .orElseThrow(() -> new IllegalStateException(environment + ": no plain internal listener"));
        return kafka().getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
    }

    /** Topic name to its KafkaTopic. */
    Map<String, KafkaTopic> topics() {
        return all("KafkaTopic", KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
    }

    @Override
    public String toString() {
        return environment;
    }
}
