package dev.sppo.chaos;

import dev.sppo.contracts.Topics;
import dev.sppo.task.Prompt;
import dev.sppo.task.Split;
import dev.sppo.task.Tasks;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Feeds a continuous job as an outside producer would: addition prompts to {@code sppo.prompts} as
 * {@code {id, prompt, metadata}}, keyed by id, each acknowledged by the broker before the next.
 */
final class PromptFeed implements AutoCloseable {

    private static final List<Prompt> PROMPTS = Tasks.byName("addition").prompts(Split.TRAIN, 100);

    private final KafkaProducer<String, String> producer;

    PromptFeed(String bootstrap) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /**
     * Produces {@code count} prompts with ids {@code <prefix>-1} to {@code <prefix>-<count>}.
     *
     * @return their ids
     */
    List<String> produce(String prefix, int count) throws InterruptedException, ExecutionException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + (i + 1);
            String json = "{\"id\": \"" + id + "\", \"prompt\": \"" + PROMPTS.get(i % PROMPTS.size()).text()
                    + "\", \"metadata\": {\"source\": \"chaos\"}}";
            producer.send(new ProducerRecord<>(Topics.PROMPTS, id, json)).get();
            ids.add(id);
        }
        return ids;
    }

    @Override
    public void close() {
        producer.close();
    }
}
