package dev.sppo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The overlays patch resources the base has, and put everything in their namespace. */
class OverlayTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "overlays/s3"})
    void everyPatchTargetsAResourceOfTheBaseAndEveryResourceLandsInTheOverlaysNamespace(String overlay)
            throws Exception {
        JsonNode kustomization = Kustomize.YAML.readTree(RenderedPlatform.K8S.resolve(overlay)
                .resolve("kustomization.yaml").toFile());
        List<String> baseKinds = RenderedPlatform.of("base").manifests().stream()
                .map(m -> m.path("kind").asText() + "/" + m.path("metadata").path("name").asText()).toList();

        for (JsonNode patch : kustomization.path("patches")) {
            String kind = patch.at("/target/kind").asText();
            String name = patch.at("/target/name").asText(null);
            assertThat(baseKinds).as("target of a patch in " + overlay)
                    .anyMatch(k -> name == null ? k.startsWith(kind + "/") : k.equals(kind + "/" + name));
        }
        String namespace = kustomization.path("namespace").asText();
        assertThat(namespace).isNotBlank();
        assertThat(RenderedPlatform.of(overlay).manifests())
                .allSatisfy(m -> assertThat(m.at("/metadata/namespace").asText()).isEqualTo(namespace));
    }

    /** The renderer these tests use gives what kubectl's own kustomize gives (where kubectl is installed). */
    @ParameterizedTest
    @FieldSource("dev.sppo.deploy.RenderedPlatform#ENVIRONMENTS")
    void rendersEachEnvironmentAsKubectlKustomizeDoes(String environment, @TempDir Path dir) throws Exception {
        Path output = dir.resolve("rendered.yaml");
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", RenderedPlatform.K8S.resolve(environment).toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "kubectl is not installed: " + e.getMessage());
            return;
        }
        assertThat(kubectl.waitFor()).as("kubectl kustomize exit status").isZero();

        assertThat(Kustomize.documents(output))
                .containsExactlyInAnyOrderElementsOf(RenderedPlatform.of(environment).manifests());
    }

    @Test
    void aPatchOfAResourceTheBaseDoesNotHaveIsRefused(@TempDir Path dir) throws Exception {
        Path overlay = dir.resolve("overlay");
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - target:
                      kind: Deployment
                      name: generator
                    patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 3
                """.formatted(RenderedPlatform.K8S.resolve("base")));

        assertThatThrownBy(() -> Kustomize.render(overlay))
                .hasMessageEndingWith("the patch of Deployment generator targets no resource");
    }

    @Test
    void aKustomizeFeatureTheseTestsDoNotRenderIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels: {tier: x}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageEndingWith("commonLabels is not rendered by these tests");
    }
}
