package dev.sppo.trainer;

import ai.djl.ndarray.NDManager;
import dev.sppo.checkpoint.ModelDirectory;
import dev.sppo.contracts.ContractVersion;
import dev.sppo.contracts.GeneratedResponse;
import dev.sppo.contracts.GenerationRequest;
import dev.sppo.contracts.MessageCodec;
import dev.sppo.contracts.SampledResponses;
import dev.sppo.contracts.SamplingSpec;
import dev.sppo.contracts.ScoredPrompt;
import dev.sppo.contracts.Topics;
import dev.sppo.model.Policy;
import dev.sppo.preference.JudgePreferenceModel;
import dev.sppo.preference.PreferenceResult;
import dev.sppo.sampling.Sample;
import dev.sppo.sampling.Sampler;
import dev.sppo.sampling.SamplingParams;
import dev.sppo.task.Tasks;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Plays generator-service and preference-service for one test: reads {@code GenerationRequest}s from the broker,
 * samples K responses from the requested checkpoint with sppo-core's {@link Sampler}, scores them with the task's
 * gold judge ({@link JudgePreferenceModel}) and sends the {@link ScoredPrompt} to {@code sppo.preferences}.
 */
final class SelfPlayPeer implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> requests;
    private final KafkaProducer<byte[], byte[]> producer;
    private final NDManager manager = NDManager.newBaseManager();
    private final Map<String, Policy> policies = new HashMap<>();

    SelfPlayPeer() {
        requests = TopicReader.consumer();
        requests.subscribe(List.of(Topics.GENERATION_REQUESTS));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.brokers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(p);
    }

    /** The requests of {@code jobId} that arrive within {@code wait}. */
    List<GenerationRequest> poll(String jobId, Duration wait) {
        List<GenerationRequest> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : requests.poll(wait)) {
            GenerationRequest request = MessageCodec.decode(record.value(), GenerationRequest.class);
            if (request.jobId().equals(jobId)) {
                out.add(request);
            }
        }
        return out;
    }

    /** Polls until {@code count} requests of {@code jobId} have arrived. */
    List<GenerationRequest> await(String jobId, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<GenerationRequest> out = new ArrayList<>();
        while (out.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("got " + out.size() + " of " + count + " generation requests of job " + jobId);
            }
            out.addAll(poll(jobId, Duration.ofMillis(200)));
        }
        return out;
    }

    /** Answers every request of the job until it is finished; sends the first answer twice. */
    int answerUntilFinished(TrainerApp app, String jobId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int answered = 0;
        while (!app.isFinished(jobId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " did not finish: " + app.job(jobId));
            }
            for (GenerationRequest request : poll(jobId, Duration.ofMillis(200))) {
                ScoredPrompt scored = answer(request);
                send(scored);
                if (answered++ == 0) {
                    send(scored);
                }
            }
        }
        return answered;
    }

    ScoredPrompt answer(GenerationRequest request) {
        return answer(request, false);
    }

    /** An answer whose K responses are all the first sample: equally preferred, so it carries no signal. */
    ScoredPrompt answerTied(GenerationRequest request) {
        return answer(request, true);
    }

    private ScoredPrompt answer(GenerationRequest request, boolean tied) {
        Policy policy = policies.computeIfAbsent(request.checkpointUri(), this::load);
        int[] promptIds = policy.tokenizer().encodePrompt(request.prompt());
        SamplingSpec s = request.sampling();
        List<Sample> sampled = new Sampler(policy.model(), policy.stopIds(), policy.padId()).sample(List.of(promptIds),
                new SamplingParams(s.maxNewTokens(), s.temperature(), s.topK(), s.topP(), s.k(), s.seed()));
        List<Sample> samples = sampled.stream().map(x -> tied ? sampled.get(0) : x).toList();
        List<String> texts = samples.stream().map(x -> policy.tokenizer().decode(x.tokenIds())).toList();
        PreferenceResult preference = new JudgePreferenceModel(Tasks.byName(request.preference().task()).judge(),
                request.preference().tau()).compare(request.prompt(), texts);
        return message(request, promptIds, samples, texts, preference);
    }

    /**
     * The {@link ScoredPrompt} that generator-service and preference-service send for {@code request}: the samples
     * (their texts, token ids with the stop token, recorded log-probs) and their preference result.
     */
    static ScoredPrompt message(GenerationRequest request, int[] promptIds, List<Sample> samples, List<String> texts,
            PreferenceResult preference) {
        List<GeneratedResponse> responses = new ArrayList<>(samples.size());
        for (int k = 0; k < samples.size(); k++) {
            Sample x = samples.get(k);
            responses.add(new GeneratedResponse(texts.get(k), boxed(x.responseWithStop()), x.sequenceLogprob(),
                    x.stoppedAtEos()));
        }
        return new ScoredPrompt(ContractVersion.CURRENT, new SampledResponses(ContractVersion.CURRENT, request,
                boxed(promptIds), responses, "test-peer"),
                Arrays.stream(preference.matrix().p()).map(SelfPlayPeer::boxed).toList(),
                boxed(preference.winRates()), boxed(preference.scores()), preference.winner(), preference.loser());
    }

    void send(ScoredPrompt scored) {
        sendRaw(Topics.PREFERENCES, scored.key(), MessageCodec.encode(scored));
    }

    /** Sends {@code payload} as it is to {@code topic} and waits for the broker to take it. */
    void sendRaw(String topic, String key, byte[] payload) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), payload)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Policy load(String uri) {
        try {
            return ModelDirectory.load(Path.of(URI.create(uri)), manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    @Override
    public void close() {
        requests.close();
        producer.close();
        manager.close();
    }
}
