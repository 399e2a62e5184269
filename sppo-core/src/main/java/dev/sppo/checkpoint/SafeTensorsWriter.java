package dev.sppo.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes tensors as one safetensors file, all in one dtype.
 *
 * <p>Tensors are laid out back to back in list order: tensor i occupies data bytes
 * {@code [sum_{j<i} s_j, sum_{j<=i} s_j)} with {@code s_j = numel_j * dtype.bytes()}. The JSON
 * header is padded with spaces so that its length N, and so the data start {@code 8 + N}, is a
 * multiple of 8. F16 and BF16 round to nearest, ties to even.
 *
 * <p>The bytes go to a temporary file in the target's directory, which is flushed to disk and
 * then atomically renamed over the target (a rename replaces an existing file): readers see the
 * old file or the whole new one, never a half-written checkpoint, and a failed write removes its
 * temporary file.
 */
public final class SafeTensorsWriter {

    private static final int CHUNK_BYTES = 1 << 20;
    private static final int ALIGNMENT = 8;
    private static final Logger LOG = LoggerFactory.getLogger(SafeTensorsWriter.class);
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private SafeTensorsWriter() {
    }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code file}, replacing it atomically.
     *
     * @throws MalformedCheckpointException if two tensors share a name or one is named {@code __metadata__}
     * @throws UncheckedIOException         if writing fails; the target is then left as it was
     */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata, DType dtype) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(dtype, "dtype");
        byte[] header = header(file, tensors, metadata, dtype);
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writeFile(temp, header, tensors, dtype);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw IoErrors.unchecked("cannot write checkpoint", target, e);
        } finally {
            deleteLeftOver(temp);
        }
    }

    /** The header length prefix and the space-padded JSON header. */
    private static byte[] header(Path file, List<Tensor> tensors, Map<String, String> metadata, DType dtype) {
        JsonObject root = new JsonObject();
        metadata.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new MalformedCheckpointException(file, "metadata entry '" + key + "' has a null key or value");
            }
        });
        if (!metadata.isEmpty()) {
            root.add(SafeTensorsHeader.METADATA_KEY, GSON.toJsonTree(metadata));
        }
        Set<String> seen = new HashSet<>();
        long offset = 0;
        for (Tensor tensor : tensors) {
            if (tensor.name().equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new MalformedCheckpointException(file, tensor.name(), "name is reserved for the metadata");
            }
            if (!seen.add(tensor.name())) {
                throw new MalformedCheckpointException(file, tensor.name(), "name is used twice in the tensors to write");
            }
            long end = offset + tensor.numel() * dtype.bytes();
            root.add(tensor.name(), entry(tensor, dtype, offset, end));
            offset = end;
        }
        byte[] json = GSON.toJson(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer header = ByteBuffer.allocate(SafeTensorsHeader.LENGTH_PREFIX_BYTES + padded)
                .order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(padded).put(json);
        Arrays.fill(header.array(), header.position(), header.capacity(), (byte) ' ');
        return header.array();
    }

    private static JsonObject entry(Tensor tensor, DType dtype, long begin, long end) {
        JsonArray shape = new JsonArray();
        Arrays.stream(tensor.shape()).forEach(shape::add);
        JsonArray offsets = new JsonArray();
        offsets.add(begin);
        offsets.add(end);
        JsonObject entry = new JsonObject();
        entry.addProperty("dtype", dtype.name());
        entry.add("shape", shape);
        entry.add("data_offsets", offsets);
        return entry;
    }

    private static void writeFile(Path temp, byte[] header, List<Tensor> tensors, DType dtype) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeAll(channel, ByteBuffer.wrap(header));
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor tensor : tensors) {
                for (float value : tensor.values()) {
                    if (chunk.remaining() < dtype.bytes()) {
                        writeAll(channel, chunk.flip());
                        chunk.clear();
                    }
                    dtype.encode(value, chunk);
                }
            }
            writeAll(channel, chunk.flip());
            channel.force(true);
        }
    }

    private static void writeAll(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Removes the temporary file when writing or renaming failed; after a rename it no longer exists. */
    private static void deleteLeftOver(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary file {}: {}", temp, e.toString());
        }
    }
}
