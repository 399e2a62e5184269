package dev.sppo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class OpenApiOperationsTest {

    static final String DOCUMENT = """
            openapi: 3.0.3
            paths:
              /api/things:
                post:
                  parameters:
                    - {name: name, in: query, required: true, schema: {type: string, maxLength: 5}}
                    - {name: limit, in: query, schema: {type: integer}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Thing'}
                get:
                  responses: {'200': {description: all}}
              /api/things/{id}/parts/{part}:
                parameters:
                  - $ref: '#/components/parameters/Id'
                  - {name: part, in: path, required: true, schema: {type: string}}
                delete:
                  responses: {'204': {description: gone}}
            components:
              parameters:
                Id: {name: id, in: path, required: true, schema: {type: string, format: uuid}}
              schemas:
                Thing:
                  type: object
                  required: [size]
                  properties:
                    size: {type: integer, minimum: 2, maximum: 4}
                    child: {$ref: '#/components/schemas/Thing'}
            """;

    @Test
    void everyMethodOfEveryPathIsAnOperationWithItsParametersAndResolvedBody() {
        List<ApiOperation> operations = OpenApiOperations.parse(DOCUMENT);

        assertThat(operations).extracting(ApiOperation::toString)
                .containsExactly("POST /api/things", "GET /api/things", "DELETE /api/things/{id}/parts/{part}");
        ApiOperation post = operations.get(0);
        assertThat(post.requiredQuery()).containsOnlyKeys("name");
        assertThat(post.bodies()).containsOnlyKeys("application/json");
        assertThat(post.bodies().get("application/json")).containsEntry("required", List.of("size"));
        assertThat(operations.get(1).bodies()).isEmpty();
        assertThat(operations.get(2).pathParameters()).containsExactly("id", "part");
        assertThat(operations.get(2).pathWith("x")).isEqualTo("/api/things/x/parts/x");
    }

    @Test
    void aSchemaThatRefersToItselfIsCutInsteadOfRecursingForever() {
        Map<String, Object> thing = OpenApiOperations.parse(DOCUMENT).get(0).bodies().get("application/json");
        int depth = 0;
        for (Map<?, ?> node = thing; node.get("properties") instanceof Map<?, ?> properties;
                node = (Map<?, ?>) properties.get("child")) {
            depth++;
        }
        assertThat(depth).isBetween(2, 20);
    }

    @Test
    void aDocumentWithoutPathsOrWithADanglingReferenceIsRefused() {
        assertThatThrownBy(() -> OpenApiOperations.parse("openapi: 3.0.3\n")).hasMessageContaining("paths");
        String dangling = DOCUMENT.replace("schema: {$ref: '#/components/schemas/Thing'}",
                "schema: {$ref: '#/components/schemas/Nope'}");
        assertThatThrownBy(() -> OpenApiOperations.parse(dangling)).hasMessageContaining("#/components/schemas/Nope");
    }
}
