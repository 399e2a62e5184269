package dev.sppo.deploy;

import dev.sppo.contracts.Topics;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strimzi's Kafka and topics, and KEDA's scalers, agree with the contracts' topic names and with the services'
 * bindings, partition settings and consumer groups.
 */
class KafkaManifestTest {

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void kafkaRunsInKraftModeOnANodePoolOfControllersAndBrokersLargeEnoughForTheReplicas(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        String cluster = platform.kafka().getMetadata().getName();
        List<KafkaNodePool> pools = platform.all("KafkaNodePool", KafkaNodePool.class);

        assertThat(pools).isNotEmpty().allSatisfy(pool ->
                assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(pools.stream().flatMap(p -> p.getSpec().getRoles().stream()))
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        Map<String, Object> config = platform.kafka().getSpec().getKafka().getConfig();
        assertThat((Integer) config.get("default.replication.factor")).isLessThanOrEqualTo(brokers);
        assertThat((Integer) config.get("min.insync.replicas"))
                .isLessThanOrEqualTo((Integer) config.get("default.replication.factor"));
        assertThat(platform.topics().values()).allSatisfy(topic ->
                assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isLessThanOrEqualTo(brokers));
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void topicsAreTheContractsTopicsAndTheirDeadLetterTopicsWithThePartitionsTheServicesDeclare(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        Map<String, KafkaTopic> topics = platform.topics();
        List<String> expected = Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERED.stream().map(Topics::deadLetter))
                .toList();

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        String cluster = platform.kafka().getMetadata().getName();
        for (String module : List.of("trainer-service", "generator-service", "preference-service")) {
            ServiceConfig config = ServiceConfig.of(module);
            var deployment = platform.deployment(module);
            int partitions = Integer.parseInt(platform.envValue(deployment,
                    config.variableOf("sppo.kafka.topics.partitions")).orElseThrow());
            int replicas = Integer.parseInt(platform.envValue(deployment,
                    config.variableOf("sppo.kafka.topics.replication-factor")).orElseThrow());
            assertThat(topics.values()).allSatisfy(topic -> {
                assertThat(topic.getSpec().getPartitions()).as(topic.getSpec().getTopicName()).isEqualTo(partitions);
                assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isEqualTo(replicas);
                assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            });
            config.consumers().values().forEach(consumer ->
                    assertThat(topics).as(module + " reads").containsKey(consumer.topic()));
        }
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void kedaScalesTheGeneratorAndThePreferenceServiceOnTheLagOfTheGroupsTheyReallyConsumeAs(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        List<OperatorModels.ScaledObject> scalers = platform.all("ScaledObject", OperatorModels.ScaledObject.class);

        assertThat(scalers).extracting(s -> s.spec().scaleTargetRef().name())
                .containsExactlyInAnyOrder("generator-service", "preference-service");
        for (OperatorModels.ScaledObject scaler : scalers) {
            String target = scaler.spec().scaleTargetRef().name();
            platform.deployment(target);
            List<ServiceConfig.Consumer> consumes = List.copyOf(ServiceConfig.of(target).consumers().values());
            for (OperatorModels.Trigger trigger : scaler.spec().triggers()) {
                Map<String, String> metadata = trigger.metadata();
                assertThat(trigger.type()).isEqualTo("kafka");
                assertThat(metadata.get("bootstrapServers")).isEqualTo(platform.kafkaBootstrap());
                assertThat(platform.topics()).as(target + " trigger topic").containsKey(metadata.get("topic"));
                assertThat(consumes).as(target + " consumes the trigger's topic as its group")
                        .contains(new ServiceConfig.Consumer(metadata.get("topic"), metadata.get("consumerGroup")));
                assertThat(Integer.parseInt(metadata.get("lagThreshold"))).isPositive();
                int partitions = platform.topics().get(metadata.get("topic")).getSpec().getPartitions();
                assertThat(scaler.spec().minReplicaCount()).as(target).isBetween(1, scaler.spec().maxReplicaCount());
                assertThat(scaler.spec().maxReplicaCount()).as(target + " replicas beyond the partitions idle")
                        .isLessThanOrEqualTo(partitions);
            }
        }
        assertThat(scalers.stream().map(s -> s.spec().triggers().get(0).metadata().get("topic")))
                .containsExactlyInAnyOrder(Topics.GENERATION_REQUESTS, Topics.RESPONSES);
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void aDrainTakesOneGeneratorAtATime(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        PodDisruptionBudget budget = platform.one("PodDisruptionBudget", "generator-service", PodDisruptionBudget.class);

        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(platform.deployment("generator-service").getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }
}
