package dev.sppo.gateway.openapi;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the hand-written OpenAPI 3 document of the public API (resource {@code openapi/sppo-api.yaml}). */
@RestController
public class OpenApiController {

    /** Where the document is served; open without an API key. */
    public static final String PATH = "/api/openapi.yaml";

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Resource document = new ClassPathResource("openapi/sppo-api.yaml");

    @GetMapping(PATH)
    public ResponseEntity<Resource> document() {
        return ResponseEntity.ok().contentType(YAML).body(document);
    }
}
