package dev.sppo.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the gateway is reachable from outside; the services from the gateway and each other; the database from the trainer. */
class NetworkPolicyTest {

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void onlyTheGatewayIsReachableFromOutsideThePlatform(String environment) {
        assertThat(exposed(RenderedPlatform.of(environment))).containsExactly("gateway");
    }

    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void servicesAreReachableFromTheGatewayAndEachOtherAndTheDatabaseOnlyFromTheTrainer(String environment) {
        RenderedPlatform platform = RenderedPlatform.of(environment);
        NetworkReach reach = new NetworkReach(platform);
        for (String module : List.of("trainer-service", "generator-service", "preference-service")) {
            assertThat(reach.reachableFrom(labels(platform.deployment(module)))).as(module)
                    .containsExactlyInAnyOrder("gateway", "trainer-service", "generator-service", "preference-service");
        }
        String cluster = platform.all("Cluster", OperatorModels.Cluster.class).get(0).metadata().name();
        Map<String, String> database = Map.of("cnpg.io/cluster", cluster);
        assertThat(reach.exposed(database)).as("apart from the CloudNativePG operator's namespace").isTrue();
        assertThat(reach.reachableFrom(database)).containsExactly("trainer-service");
    }

    @Test
    void withoutItsSourcesARulePolicyWouldExposeTheServices() {
        RenderedPlatform platform = RenderedPlatform.of("base");
        List<ObjectNode> manifests = new ArrayList<>(platform.manifests());
        manifests.replaceAll(m -> m.deepCopy());
        manifests.stream().filter(m -> m.at("/metadata/name").asText().equals("backends-from-platform"))
                .forEach(m -> ((ObjectNode) m.at("/spec/ingress/0")).remove("from"));

        assertThat(exposed(new RenderedPlatform("toy", manifests)))
                .containsExactly("gateway", "generator-service", "preference-service", "trainer-service");
    }

    @Test
    void withoutTheDenyingPolicyAPodThatNoOtherPolicySelectsIsExposed() {
        RenderedPlatform platform = RenderedPlatform.of("base");
        List<ObjectNode> manifests = new ArrayList<>(platform.manifests());
        manifests.removeIf(m -> Set.of("default-deny-ingress", "backends-from-platform")
                .contains(m.at("/metadata/name").asText()));

        assertThat(exposed(new RenderedPlatform("toy", manifests))).contains("trainer-service", "generator-service");
    }

    private static Set<String> exposed(RenderedPlatform platform) {
        NetworkReach reach = new NetworkReach(platform);
        Set<String> exposed = new TreeSet<>();
        for (Deployment deployment : platform.all("Deployment", Deployment.class)) {
            if (reach.exposed(labels(deployment))) {
                exposed.add(deployment.getMetadata().getName());
            }
        }
        return exposed;
    }

    private static Map<String, String> labels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }
}
