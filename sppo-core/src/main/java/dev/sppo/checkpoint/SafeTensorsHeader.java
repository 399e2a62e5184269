package dev.sppo.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated header of a safetensors file.
 *
 * <p>Layout: {@code [u64 little-endian N][N bytes of UTF-8 JSON][data buffer]}. Each tensor's
 * {@code data_offsets = [begin, end]} are relative to the data buffer, which starts at
 * {@code dataStart = 8 + N}, and must satisfy {@code end - begin = numel(shape) * dtype.bytes()}.
 *
 * @param tensors   the tensor entries in header order
 * @param metadata  the {@code __metadata__} strings, empty when absent
 * @param dataStart the file position of the data buffer
 */
record SafeTensorsHeader(Map<String, TensorEntry> tensors, Map<String, String> metadata, long dataStart) {

    static final int LENGTH_PREFIX_BYTES = 8;
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    static final String METADATA_KEY = "__metadata__";

    /** Reads and validates the header of {@code file}, open as {@code channel}. */
    static SafeTensorsHeader read(FileChannel channel, Path file) {
        long fileSize = size(channel, file);
        long headerLength = readHeaderLength(channel, file, fileSize);
        JsonObject root = HeaderJson.parseObject(readUtf8(channel, file, (int) headerLength), file, "header");
        long dataSize = fileSize - LENGTH_PREFIX_BYTES - headerLength;
        Map<String, String> metadata = Map.of();
        Map<String, TensorEntry> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> member : root.entrySet()) {
            if (METADATA_KEY.equals(member.getKey())) {
                metadata = HeaderJson.stringMap(member.getValue(), file, METADATA_KEY);
            } else {
                tensors.put(member.getKey(), parseEntry(member.getKey(), member.getValue(), file, dataSize));
            }
        }
        checkNoOverlap(tensors.values(), file);
        return new SafeTensorsHeader(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata),
                LENGTH_PREFIX_BYTES + headerLength);
    }

    private static long size(FileChannel channel, Path file) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw IoErrors.unchecked("cannot read the size of", file, e);
        }
    }

    private static long readHeaderLength(FileChannel channel, Path file, long fileSize) {
        if (fileSize < LENGTH_PREFIX_BYTES) {
            throw new MalformedCheckpointException(file, "file is " + fileSize
                    + " bytes, shorter than the 8-byte header length; not a safetensors file");
        }
        ByteBuffer prefix = ByteBuffer.allocate(LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        if (!ChannelReads.readFully(channel, prefix, 0, file)) {
            throw new MalformedCheckpointException(file, "file ended inside the 8-byte header length");
        }
        long length = prefix.flip().getLong();
        if (length < 0 || length > MAX_HEADER_BYTES) {
            throw new MalformedCheckpointException(file, "header length " + Long.toUnsignedString(length)
                    + " bytes is absurd (limit " + MAX_HEADER_BYTES + "); not a safetensors file");
        }
        if (length > fileSize - LENGTH_PREFIX_BYTES) {
            throw new MalformedCheckpointException(file, "header length " + length + " bytes exceeds the "
                    + (fileSize - LENGTH_PREFIX_BYTES) + " bytes after the length; the file is truncated");
        }
        return length;
    }

    private static String readUtf8(FileChannel channel, Path file, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        if (!ChannelReads.readFully(channel, bytes, LENGTH_PREFIX_BYTES, file)) {
            throw new MalformedCheckpointException(file, "file ended inside the header");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedCheckpointException(file, "header is not valid UTF-8");
        }
    }

    private static TensorEntry parseEntry(String name, JsonElement element, Path file, long dataSize) {
        if (!element.isJsonObject()) {
            throw new MalformedCheckpointException(file, name, "entry must be a JSON object, got " + element);
        }
        JsonObject entry = element.getAsJsonObject();
        JsonElement dtypeJson = HeaderJson.required(entry, "dtype", file, name);
        JsonElement shapeJson = HeaderJson.required(entry, "shape", file, name);
        JsonElement offsetsJson = HeaderJson.required(entry, "data_offsets", file, name);
        DType dtype = DType.parse(HeaderJson.string(dtypeJson, file, name, "dtype"), file, name);
        long[] shape = HeaderJson.naturals(shapeJson, file, name, "shape");
        long[] offsets = HeaderJson.naturals(offsetsJson, file, name, "data_offsets");
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new MalformedCheckpointException(file, name,
                    "'data_offsets' must be [begin, end] with begin <= end, got " + Arrays.toString(offsets));
        }
        TensorEntry tensor = new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
        checkSize(tensor, file);
        if (tensor.end() > dataSize) {
            throw new MalformedCheckpointException(file, name, "data_offsets end " + tensor.end()
                    + " lies beyond the " + dataSize + "-byte data buffer; the file is truncated");
        }
        return tensor;
    }

    private static void checkSize(TensorEntry tensor, Path file) {
        long needed;
        try {
            needed = Math.multiplyExact(tensor.numel(), tensor.dtype().bytes());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedCheckpointException(file, tensor.name(), "shape " + Arrays.toString(tensor.shape())
                    + " is too large: its byte size overflows a long");
        }
        if (tensor.byteSize() != needed) {
            throw new MalformedCheckpointException(file, tensor.name(), "data_offsets [" + tensor.begin() + ", "
                    + tensor.end() + "] span " + tensor.byteSize() + " bytes but shape "
                    + Arrays.toString(tensor.shape()) + " of " + tensor.dtype() + " needs " + needed);
        }
    }

    /** Refuses two non-empty tensors whose byte ranges share a byte. */
    private static void checkNoOverlap(Iterable<TensorEntry> entries, Path file) {
        List<TensorEntry> sorted = new ArrayList<>();
        entries.forEach(sorted::add);
        sorted.removeIf(entry -> entry.byteSize() == 0);
        sorted.sort(Comparator.comparingLong(TensorEntry::begin));
        TensorEntry reaching = null;
        for (TensorEntry entry : sorted) {
            if (reaching != null && entry.begin() < reaching.end()) {
                throw new MalformedCheckpointException(file, entry.name(), "bytes " + range(entry)
                        + " overlap tensor '" + reaching.name() + "' bytes " + range(reaching));
            }
            reaching = entry;
        }
    }

    private static String range(TensorEntry entry) {
        return "[" + entry.begin() + ", " + entry.end() + ")";
    }
}
