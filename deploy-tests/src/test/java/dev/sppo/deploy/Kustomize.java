package dev.sppo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the features deploy/k8s uses and no others:
 * {@code resources} (files, or directories with their own kustomization), {@code namespace}, {@code images}
 * (new name and tag of the containers of pod templates) and {@code patches} (inline JSON 6902 patches on the
 * resources their target's kind and optional name select). Any other key is refused, so an overlay cannot use a
 * feature these tests would silently skip; a patch whose target selects nothing is refused too.
 */
final class Kustomize {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");

    private Kustomize() {}

    static List<ObjectNode> render(Path dir) throws IOException {
        Path file = dir.resolve("kustomization.yaml");
        ObjectNode kustomization = (ObjectNode) YAML.readTree(file.toFile());
        kustomization.fieldNames().forEachRemaining(key -> {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException(file + ": " + key + " is not rendered by these tests");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : documents(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(file, patch, resources);
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(r -> retag(r, image));
        }
        if (kustomization.has("namespace")) {
            resources.forEach(r -> ((ObjectNode) r.get("metadata")).put("namespace", kustomization.get("namespace").asText()));
        }
        return resources;
    }

    /** Every YAML document of a file, as objects. */
    static List<ObjectNode> documents(Path file) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(ObjectNode.class).<ObjectNode>readValues(file.toFile())) {
            values.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static void applyPatch(Path file, JsonNode patch, List<ObjectNode> resources) throws IOException {
        String kind = patch.path("target").path("kind").asText();
        String name = patch.path("target").path("name").asText(null);
        JsonNode operations = YAML.readTree(patch.path("patch").asText());
        int matched = 0;
        for (int i = 0; i < resources.size(); i++) {
            ObjectNode resource = resources.get(i);
            if (resource.path("kind").asText().equals(kind)
                    && (name == null || name.equals(resource.path("metadata").path("name").asText()))) {
                resources.set(i, (ObjectNode) JsonPatch.apply(operations, resource));
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(file + ": the patch of " + kind + (name == null ? "" : " " + name)
                    + " targets no resource");
        }
    }

    private static void retag(ObjectNode resource, JsonNode image) {
        JsonNode containers = resource.path("spec").path("template").path("spec").path("containers");
        for (Iterator<JsonNode> it = containers.elements(); it.hasNext();) {
            ObjectNode container = (ObjectNode) it.next();
            String current = container.path("image").asText();
            int colon = current.lastIndexOf(':');
            String repository = colon < 0 ? current : current.substring(0, colon);
            if (repository.equals(image.path("name").asText())) {
                String tag = image.has("newTag") ? image.get("newTag").asText()
                        : colon < 0 ? "latest" : current.substring(colon + 1);
                container.put("image", image.path("newName").asText(repository) + ":" + tag);
            }
        }
    }
}
