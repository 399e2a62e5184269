package dev.sppo.generator;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ad-hoc sampling over REST, outside any job: {@code POST /generate}. */
@RestController
class GenerateController {

    private final GenerationService service;

    GenerateController(GenerationService service) {
        this.service = service;
    }

    @PostMapping("/generate")
    GenerateReply generate(@Valid @RequestBody GenerateBody body) {
        Generation generation = service.generate(CheckpointRef.adHoc(body.checkpointUri()), PromptInput.text(body.prompt()),
                body.sampling().toSpec(), "rest");
        return GenerateReply.of(generation);
    }
}
