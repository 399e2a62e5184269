package dev.sppo.service.topics;

import dev.sppo.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTopicsTest {

    @Test
    void declaresWhatItReadsAndWritesOnceAndTheDeadLetterTopicOfEachReadTopicThatDeadLetters() {
        ServiceTopics trainer = new ServiceTopics(List.of(Topics.PREFERENCES, Topics.PROMPTS),
                List.of(Topics.GENERATION_REQUESTS, Topics.CHECKPOINTS, Topics.JOB_EVENTS, Topics.PREFERENCES));

        assertThat(trainer.declared()).containsExactly("sppo.preferences", "sppo.prompts",
                "sppo.generation.requests", "sppo.checkpoints", "sppo.job-events",
                "sppo.preferences.dlt", "sppo.prompts.dlt");
    }

    @Test
    void aWrittenTopicBringsNoDeadLetterTopicAndNeitherDoesAReadTopicThatDoesNotDeadLetter() {
        ServiceTopics topics = new ServiceTopics(List.of(Topics.CHECKPOINTS), List.of(Topics.RESPONSES));

        assertThat(topics.declared()).containsExactly("sppo.checkpoints", "sppo.responses");
    }
}
