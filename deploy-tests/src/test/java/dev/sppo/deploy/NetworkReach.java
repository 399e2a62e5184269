package dev.sppo.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may open a connection to a set of pods under the rendered NetworkPolicies, as Kubernetes decides it: a pod
 * that no Ingress policy selects accepts everything; a selected pod accepts what any rule of the policies selecting
 * it allows. A rule without {@code from}, an {@code ipBlock} or a {@code namespaceSelector} lets in pods outside the
 * platform; so does a pod selector that does not require the platform's {@value #PLATFORM_KEY} label.
 */
final class NetworkReach {

    static final String PLATFORM_KEY = "app.kubernetes.io/part-of";
    static final String PLATFORM_VALUE = "sppo";

    private final RenderedPlatform platform;

    NetworkReach(RenderedPlatform platform) {
        this.platform = platform;
    }

    /** Whether something outside the platform may reach pods with these labels. */
    boolean exposed(Map<String, String> podLabels) {
        var policies = selecting(podLabels);
        if (policies.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : policies) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(NetworkReach::admitsOutsiders)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The Deployments whose pods may reach pods with these labels. */
    Set<String> reachableFrom(Map<String, String> podLabels) {
        Set<String> sources = new TreeSet<>();
        for (NetworkPolicy policy : selecting(podLabels)) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                for (var deployment : platform.all("Deployment", Deployment.class)) {
                    Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
                    if (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peer.getPodSelector() != null
                            && peer.getNamespaceSelector() == null && matches(peer.getPodSelector(), labels))) {
                        sources.add(deployment.getMetadata().getName());
                    }
                }
            }
        }
        return sources;
    }

    private List<NetworkPolicy> selecting(Map<String, String> podLabels) {
        return platform.all("NetworkPolicy", NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                .filter(p -> matches(p.getSpec().getPodSelector(), podLabels)).toList();
    }

    private static boolean admitsOutsiders(NetworkPolicyPeer peer) {
        return peer.getIpBlock() != null || peer.getNamespaceSelector() != null || peer.getPodSelector() == null
                || !PLATFORM_VALUE.equals(peer.getPodSelector().getMatchLabels().get(PLATFORM_KEY));
    }

    /** matchLabels only: a selector with expressions is refused rather than guessed at. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (!selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not evaluated here: " + selector);
        }
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }
}
