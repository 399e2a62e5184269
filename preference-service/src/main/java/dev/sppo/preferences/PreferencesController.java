package dev.sppo.preferences;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ad-hoc scoring over REST, outside any job: {@code POST /preferences}. */
@RestController
class PreferencesController {

    private final PromptScorer scorer;

    PreferencesController(PromptScorer scorer) {
        this.scorer = scorer;
    }

    @PostMapping("/preferences")
    Preferences preferences(@Valid @RequestBody PreferencesBody body) {
        return scorer.compare(body.preference().toSpec(), body.prompt(), body.responses());
    }
}
