package dev.sppo.generator;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ad-hoc sampling over REST, outside any job, from a checkpoint in the store ({@link CheckpointRoot}). */
@RestController
class GenerateController {

    private final GenerationService service;
    private final CheckpointRoot checkpoints;

    GenerateController(GenerationService service, CheckpointRoot checkpoints) {
        this.service = service;
        this.checkpoints = checkpoints;
    }

    @PostMapping("/generate")
    GenerateReply generate(@Valid @RequestBody GenerateBody body) {
        Generation generation = service.generate(checkpoints.confine(body.checkpointUri()),
                PromptInput.text(body.prompt()), body.sampling().toSpec(), "rest");
        return GenerateReply.of(generation);
    }
}
