package dev.sppo.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weights of a Hugging Face model directory: {@value #SINGLE_FILE} when present, otherwise
 * the shards listed by {@value #INDEX_FILE}, whose {@code weight_map} maps each tensor name to
 * the shard file holding it. Each shard is opened once; every mapping is checked on open.
 */
public final class WeightFiles implements TensorSource {

    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path modelDir;
    private final Path origin;
    private final Map<String, SafeTensorsFile> fileByTensor;
    private final List<SafeTensorsFile> files;

    private WeightFiles(Path modelDir, Path origin, Map<String, SafeTensorsFile> fileByTensor,
            List<SafeTensorsFile> files) {
        this.modelDir = modelDir;
        this.origin = origin;
        this.fileByTensor = Collections.unmodifiableMap(fileByTensor);
        this.files = List.copyOf(files);
    }

    /**
     * Opens the weights of {@code modelDir}.
     *
     * @throws MalformedCheckpointException if the directory holds neither weight file, or a file or
     *                                      the index is malformed or inconsistent
     */
    public static WeightFiles open(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new MalformedCheckpointException(modelDir, "not a directory; expected a model directory holding "
                    + SINGLE_FILE + " or " + INDEX_FILE);
        }
        Path single = modelDir.resolve(SINGLE_FILE);
        Path index = modelDir.resolve(INDEX_FILE);
        if (Files.isRegularFile(single)) {
            SafeTensorsFile file = SafeTensorsFile.open(single);
            Map<String, SafeTensorsFile> fileByTensor = new LinkedHashMap<>();
            file.names().forEach(name -> fileByTensor.put(name, file));
            return new WeightFiles(modelDir, single, fileByTensor, List.of(file));
        }
        if (Files.isRegularFile(index)) {
            return openSharded(modelDir, index);
        }
        throw new MalformedCheckpointException(modelDir,
                "no model weights: expected " + SINGLE_FILE + " or " + INDEX_FILE + " in this directory");
    }

    /** The file that lists the tensors: {@value #SINGLE_FILE}, or {@value #INDEX_FILE} for shards. */
    @Override
    public Path origin() {
        return origin;
    }

    @Override
    public Path fileOf(String name) {
        return file(name).file();
    }

    @Override
    public Set<String> names() {
        return fileByTensor.keySet();
    }

    @Override
    public long[] shape(String name) {
        return file(name).shape(name);
    }

    @Override
    public DType dtype(String name) {
        return file(name).dtype(name);
    }

    @Override
    public float[] readFloats(String name) {
        return file(name).readFloats(name);
    }

    @Override
    public void close() {
        closeAll(files, null);
    }

    private SafeTensorsFile file(String name) {
        SafeTensorsFile file = fileByTensor.get(name);
        if (file == null) {
            throw MalformedCheckpointException.unknownTensor(modelDir, name, names());
        }
        return file;
    }

    private static WeightFiles openSharded(Path modelDir, Path index) {
        Map<String, String> weightMap = readWeightMap(index);
        Map<String, SafeTensorsFile> shards = new LinkedHashMap<>();
        Map<String, SafeTensorsFile> fileByTensor = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> mapping : weightMap.entrySet()) {
                String tensor = mapping.getKey();
                String shardName = mapping.getValue();
                SafeTensorsFile shard = shards.get(shardName);
                if (shard == null) {
                    shard = SafeTensorsFile.open(shardPath(modelDir, index, tensor, shardName));
                    shards.put(shardName, shard);
                }
                if (!shard.names().contains(tensor)) {
                    throw new MalformedCheckpointException(index, tensor,
                            "weight_map points to shard '" + shardName + "', which does not contain it");
                }
                fileByTensor.put(tensor, shard);
            }
        } catch (RuntimeException e) {
            closeAll(shards.values(), e);
            throw e;
        }
        return new WeightFiles(modelDir, index, fileByTensor, new ArrayList<>(shards.values()));
    }

    private static Map<String, String> readWeightMap(Path index) {
        String json;
        try {
            json = Files.readString(index);
        } catch (MalformedInputException e) {
            throw new MalformedCheckpointException(index, "index is not valid UTF-8");
        } catch (IOException e) {
            throw IoErrors.unchecked("cannot read index", index, e);
        }
        JsonObject root = HeaderJson.parseObject(json, index, "index");
        JsonElement weightMap = root.get("weight_map");
        if (weightMap == null) {
            throw new MalformedCheckpointException(index, "index has no 'weight_map'");
        }
        return HeaderJson.stringMap(weightMap, index, "weight_map");
    }

    /** The shard's path, which must be a file directly inside the model directory. */
    private static Path shardPath(Path modelDir, Path index, String tensor, String shardName) {
        Path dir = modelDir.toAbsolutePath().normalize();
        Path shard = dir.resolve(shardName).normalize();
        if (!dir.equals(shard.getParent())) {
            throw new MalformedCheckpointException(index, tensor,
                    "weight_map shard '" + shardName + "' is not a file name inside " + modelDir);
        }
        if (!Files.isRegularFile(shard)) {
            throw new MalformedCheckpointException(index, tensor,
                    "weight_map points to shard '" + shardName + "', which does not exist in " + modelDir);
        }
        return shard;
    }

    /** Closes every file; the first failure is thrown, or added to {@code pending} when there is one. */
    private static void closeAll(Iterable<SafeTensorsFile> files, RuntimeException pending) {
        RuntimeException failure = pending;
        for (SafeTensorsFile file : files) {
            try {
                file.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null && failure != pending) {
            throw failure;
        }
    }
}
