package dev.sppo.preferences;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ad-hoc scoring over REST, outside any job: {@code POST /preferences}. Learned and exported models load only from
 * inside the {@link ModelRoots}.
 */
@RestController
class PreferencesController {

    private final PromptScorer scorer;
    private final ModelRoots roots;

    PreferencesController(PromptScorer scorer, ModelRoots roots) {
        this.scorer = scorer;
        this.roots = roots;
    }

    @PostMapping("/preferences")
    Preferences preferences(@Valid @RequestBody PreferencesBody body) {
        return scorer.compare(roots.confine(body.preference().toSpec()), body.prompt(), body.responses());
    }
}
