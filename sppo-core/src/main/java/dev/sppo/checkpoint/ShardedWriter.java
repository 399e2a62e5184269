package dev.sppo.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a model's tensors as {@code save_pretrained} does: one {@value WeightFiles#SINGLE_FILE} when they fit in a
 * shard, otherwise shards {@code model-00001-of-0000n.safetensors} ... and {@value WeightFiles#INDEX_FILE}:
 *
 * <pre>
 *   {"metadata": {"total_size": Σ numel·bytes}, "weight_map": {tensor: shard file, ...}}
 * </pre>
 *
 * with keys sorted and a two-space indent ({@code json.dumps(index, indent=2, sort_keys=True) + "\n"}). Shards are
 * filled as huggingface_hub's {@code split_state_dict_into_shards_factory} fills them: tensors in order, a new shard
 * when the next tensor would take the current one past the limit, and a tensor larger than the limit in a shard of
 * its own, placed where it comes.
 */
final class ShardedWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ShardedWriter() {}

    static void write(Path dir, List<Tensor> tensors, Map<String, String> metadata, SaveOptions options)
            throws IOException {
        DType dtype = DType.of(options.dtype());
        List<List<Tensor>> shards = shards(tensors, dtype, options.maxShardBytes());
        if (shards.size() == 1) {
            SafeTensorsWriter.write(dir.resolve(WeightFiles.SINGLE_FILE), tensors, metadata, dtype);
            return;
        }
        Map<String, String> weightMap = new TreeMap<>();
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            SafeTensorsWriter.write(dir.resolve(name), shards.get(i), metadata, dtype);
            shards.get(i).forEach(t -> weightMap.put(t.name(), name));
        }
        JsonObject sizes = new JsonObject();
        sizes.addProperty("total_size", tensors.stream().mapToLong(t -> t.numel() * dtype.bytes()).sum());
        JsonObject index = new JsonObject();
        index.add("metadata", sizes);
        index.add("weight_map", GSON.toJsonTree(weightMap));
        Files.writeString(dir.resolve(WeightFiles.INDEX_FILE), GSON.toJson(index) + "\n");
    }

    /** The tensors grouped into shards of at most {@code limit} bytes each, as save_pretrained groups them. */
    static List<List<Tensor>> shards(List<Tensor> tensors, DType dtype, long limit) {
        List<List<Tensor>> shards = new ArrayList<>();
        List<Tensor> current = new ArrayList<>();
        long currentBytes = 0;
        for (Tensor tensor : tensors) {
            long bytes = tensor.numel() * dtype.bytes();
            if (bytes > limit) {
                shards.add(List.of(tensor));
                continue;
            }
            if (currentBytes + bytes > limit) {
                shards.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(tensor);
            currentBytes += bytes;
        }
        if (!current.isEmpty() || shards.isEmpty()) {
            shards.add(current);
        }
        return shards;
    }
}
