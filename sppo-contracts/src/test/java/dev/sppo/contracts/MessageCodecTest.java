package dev.sppo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

class MessageCodecTest {

    static GenerationRequest request() {
        return new GenerationRequest(1, "job-1", 0, "p-7", "12+30=", "ckpt-0", "file:/store/ckpt-0", 0,
                new SamplingSpec(2, 1.0, 1.0, 0, 8, 42), new PreferenceSpec("gold_judge", "addition", 0.1));
    }

    static GenerationRequest withPreference(PreferenceSpec preference) {
        GenerationRequest r = request();
        return new GenerationRequest(1, r.jobId(), r.iteration(), r.promptId(), r.prompt(), r.checkpointId(),
                r.checkpointUri(), r.policyVersion(), r.sampling(), preference);
    }

    static ScoredPrompt scored() {
        SampledResponses sampled = new SampledResponses(1, request(), List.of(1, 5, 6),
                List.of(new GeneratedResponse("42", List.of(7, 5, 2), -1.25, true),
                        new GeneratedResponse("41", List.of(7, 4, 2), -2.5, true)), "generator-a");
        return new ScoredPrompt(1, sampled, List.of(List.of(0.5, 0.9), List.of(0.1, 0.5)), List.of(0.7, 0.3),
                List.of(10.0, 5.0), 0, 1);
    }

    @Test
    void aCheckpointEventFromBeforeManifestsDecodesWithoutOneAndABadManifestDigestIsRefused() {
        String old = """
                {"version": 1, "jobId": "job-1", "checkpointId": "ckpt-1", "policyVersion": 1,
                 "uri": "file:/store/ckpt-1", "sha256": "ab12", "bytes": 1024, "parentId": "ckpt-0"}""";
        CheckpointPublished decoded = MessageCodec.decode(old.getBytes(StandardCharsets.UTF_8),
                CheckpointPublished.class);
        assertThat(decoded.manifestSha256()).isNull();

        String bad = old.replace("}", ", \"manifestSha256\": \"ABC\"}");
        assertThatThrownBy(() -> MessageCodec.decode(bad.getBytes(StandardCharsets.UTF_8), CheckpointPublished.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("manifestSha256")
                .hasMessageContaining("64 lowercase hex digits");
    }

    @Test
    void anAdapterCheckpointEventNamesItsBaseAndABaseWithoutAUriIsRefusedNamingTheField() {
        String event = """
                {"version": 1, "jobId": "job-1", "checkpointId": "ckpt-2", "policyVersion": 2,
                 "uri": "file:/store/ckpt-2", "sha256": "cd34", "bytes": 1024, "parentId": "ckpt-1",
                 "adapterBase": {"checkpointId": "ckpt-0", "uri": "file:/store/ckpt-0", "sha256": "ef56"}}""";
        CheckpointPublished decoded = MessageCodec.decode(event.getBytes(StandardCharsets.UTF_8),
                CheckpointPublished.class);
        assertThat(decoded.adapterBase()).isEqualTo(new AdapterBase("ckpt-0", "file:/store/ckpt-0", "ef56", null));

        String bad = event.replace("\"uri\": \"file:/store/ckpt-0\", ", "");
        assertThatThrownBy(() -> MessageCodec.decode(bad.getBytes(StandardCharsets.UTF_8), CheckpointPublished.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("AdapterBase.uri");
    }

    @Test
    void everyMessageRoundTripsThroughJson() {
        GenerationRequest forAdapter = new GenerationRequest(1, "job-1", 1, "p-7", "12+30=", "ckpt-1",
                "file:/store/ckpt-1", 1, new SamplingSpec(2, 1.0, 1.0, 0, 8, 42),
                new PreferenceSpec("gold_judge", "addition", 0.1), List.of(1, 2), null,
                new AdapterBase("ckpt-0", "file:/store/ckpt-0", "ef56", null));
        for (Object message : List.of(request(), forAdapter, scored(),
                new CheckpointPublished(1, "job-1", "ckpt-1", 1, "file:/store/ckpt-1", "ab12", 1024, "ckpt-0",
                        "a".repeat(64)),
                new CheckpointPublished(1, "job-1", "ckpt-2", 2, "file:/store/ckpt-2", "cd34", 1024, "ckpt-1",
                        "b".repeat(64), new AdapterBase("ckpt-0", "file:/store/ckpt-0", "ef56", "c".repeat(64))),
                new JobEvent(1, "job-1", "RUNNING", 0, "GENERATE", "started", 1700000000000L),
                new AuditEvent(1, "8c1d0f6e-3b7a-4f0e-9a55-2f1e4c9d7b10", "alice", true,
                        "pinned to version 2 on generator-1", "job", "job-1", 1700000000000L),
                new AuditEvent(1, "0b6f", null, true, "unpinned on generator-2", "job", "job-1", 1L))) {
            Object decoded = MessageCodec.decode(MessageCodec.encode(message), message.getClass());
            assertThat(decoded).isEqualTo(message);
        }
    }

    @Test
    void anAuditEventWithoutItsActionOrTimeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new AuditEvent(1, "e", "alice", false, " ", "job", "job-1", 1L))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("AuditEvent.action");
        assertThatThrownBy(() -> new AuditEvent(1, "e", "alice", false, "unpinned", "job", "job-1", 0L))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("AuditEvent.timestampMillis");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        String json = new String(MessageCodec.encode(request()), StandardCharsets.UTF_8).replace("\"job-1\"", "null");
        assertThatThrownBy(() -> MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), GenerationRequest.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("GenerationRequest.jobId");
    }

    @Test
    void otherVersionsAndGarbageAreRefused() {
        String json = new String(MessageCodec.encode(request()), StandardCharsets.UTF_8)
                .replace("\"version\":1", "\"version\":2");
        assertThatThrownBy(() -> MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), GenerationRequest.class))
                .hasMessageContaining("GenerationRequest.version");
        assertThatThrownBy(() -> MessageCodec.decode("{not json".getBytes(StandardCharsets.UTF_8), JobEvent.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("JobEvent");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[0], JobEvent.class))
                .hasMessageContaining("empty payload");
    }

    @Test
    void inconsistentShapesAreRefused() {
        assertThatThrownBy(() -> new ScoredPrompt(1, scored().responses(), List.of(List.of(0.5)), List.of(0.5),
                List.of(0.0), 0, 0)).hasMessageContaining("sized K = 2");
        assertThatThrownBy(() -> new SampledResponses(1, request(), List.of(1), List.of(), "g"))
                .hasMessageContaining("expected K = 2");
    }

    @Test
    void everyPreferenceKindRoundTripsInARequest() {
        PreferenceSpec ensemble = new PreferenceSpec(PreferenceSpec.ENSEMBLE, "addition", null, 0, null, null, List.of(
                new PreferenceMember(new PreferenceSpec("gold_judge", "sorting", Map.of("max_length", 8, "digits", 4),
                        0.1, null, null, null), 0.25),
                new PreferenceMember(new PreferenceSpec("llm_judge", null, null, 0, "local-qwen", null, null), 0.5),
                new PreferenceMember(new PreferenceSpec("ranker", null, null, 0, null, "file:/store/ranker-1", null), 1),
                new PreferenceMember(new PreferenceSpec("reward_model", null, null, 0.5, null, "file:/store/rm", null), 2)));
        GenerationRequest request = withPreference(ensemble);

        assertThat(MessageCodec.decode(MessageCodec.encode(request), GenerationRequest.class)).isEqualTo(request);
    }

    @Test
    void aVersionOneGoldJudgeSpecWithoutTheNewFieldsStillDecodes() {
        String json = "{\"kind\":\"gold_judge\",\"task\":\"addition\",\"tau\":0.1}";

        assertThat(MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), PreferenceSpec.class))
                .isEqualTo(new PreferenceSpec("gold_judge", "addition", 0.1));
    }

    @Test
    void aGoldJudgesTaskSettingsTravelAsConfigKeysAndAreAbsentInOlderMessages() {
        PreferenceSpec configured = new PreferenceSpec("gold_judge", "addition", Map.of("min_digits", 1,
                "max_digits", 3), 0.1, null, null, null);

        String json = new String(MessageCodec.encode(configured), StandardCharsets.UTF_8);

        assertThat(json).contains("\"taskSettings\":{\"max_digits\":3,\"min_digits\":1}");
        assertThat(MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), PreferenceSpec.class))
                .isEqualTo(configured);
        assertThat(new PreferenceSpec("gold_judge", "addition", 0.1).taskSettings()).isEmpty();
        String broken = json.replace("\"max_digits\":3", "\"max_digits\":null");
        assertThatThrownBy(() -> MessageCodec.decode(broken.getBytes(StandardCharsets.UTF_8), PreferenceSpec.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("PreferenceSpec.taskSettings: each setting needs a key and a whole number");
    }

    @Test
    void preferenceSpecsMissingWhatTheirKindNeedsAreRefusedNamingTheField() {
        String llm = new String(MessageCodec.encode(withPreference(new PreferenceSpec("llm_judge", null, null, 0,
                "j", null, null))), StandardCharsets.UTF_8).replace("\"judge\":\"j\"", "\"judge\":\" \"");
        assertThatThrownBy(() -> MessageCodec.decode(llm.getBytes(StandardCharsets.UTF_8), GenerationRequest.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageStartingWith("PreferenceSpec.judge: required");
        assertThatThrownBy(() -> new PreferenceSpec("pairrm", null, null, 0, null, null, null))
                .hasMessage("PreferenceSpec.kind: unknown kind 'pairrm'; known: gold_judge, llm_judge, ranker, "
                        + "reward_model, onnx_reward, onnx_pairwise, encoder_head, vader_sentiment, ensemble")
                .extracting(e -> ((InvalidMessageException) e).field()).isEqualTo("kind");
        assertThatThrownBy(() -> new PreferenceSpec("ensemble", null, null, 0, null, null, List.of()))
                .hasMessageContaining("PreferenceSpec.members: an ensemble needs at least one member");
        assertThatThrownBy(() -> new PreferenceSpec("reward_model", null, null, 0, null, "file:/rm", null))
                .hasMessageContaining("PreferenceSpec.tau: must be a finite number > 0");
        assertThatThrownBy(() -> new PreferenceSpec("ranker", null, null, 0, null, null, null))
                .hasMessageContaining("PreferenceSpec.modelUri: required");
        assertThatThrownBy(() -> new PreferenceMember(new PreferenceSpec("gold_judge", "addition", 0.1), -1))
                .hasMessageContaining("PreferenceMember.weight: must be a finite number > 0, got -1.0");
    }

    @Test
    void deadLetterTopicsAreDerivedFromTheirSource() {
        assertThat(Topics.deadLetter(Topics.PREFERENCES)).isEqualTo("sppo.preferences.dlt");
    }
}
