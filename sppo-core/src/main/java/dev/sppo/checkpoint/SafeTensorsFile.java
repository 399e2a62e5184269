package dev.sppo.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * One open safetensors file. The header is read and validated on {@link #open}; tensor data is
 * read on demand with positional reads in chunks, so files of many gigabytes never sit in memory
 * whole, and several threads may read tensors at once.
 */
public final class SafeTensorsFile implements TensorSource {

    private static final int CHUNK_BYTES = 1 << 20;
    /** The largest array length the JVM reliably allocates. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final Path file;
    private final FileChannel channel;
    private final SafeTensorsHeader header;

    private SafeTensorsFile(Path file, FileChannel channel, SafeTensorsHeader header) {
        this.file = file;
        this.channel = channel;
        this.header = header;
    }

    /**
     * Opens {@code file} and validates its header.
     *
     * @throws MalformedCheckpointException if the file is not a well-formed safetensors file
     * @throws UncheckedIOException         if the file cannot be opened or read
     */
    public static SafeTensorsFile open(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw IoErrors.unchecked("cannot open checkpoint", file, e);
        }
        try {
            return new SafeTensorsFile(file, channel, SafeTensorsHeader.read(channel, file));
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** The path this file was opened from. */
    public Path file() {
        return file;
    }

    @Override
    public Path origin() {
        return file;
    }

    @Override
    public Path fileOf(String name) {
        shape(name);
        return file;
    }

    @Override
    public Set<String> names() {
        return header.tensors().keySet();
    }

    @Override
    public long[] shape(String name) {
        return entry(name).shape().clone();
    }

    @Override
    public DType dtype(String name) {
        return entry(name).dtype();
    }

    /** The {@code __metadata__} strings of the header, in header order; empty when it has none. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    @Override
    public float[] readFloats(String name) {
        TensorEntry entry = entry(name);
        if (entry.numel() > MAX_ARRAY_LENGTH) {
            throw new MalformedCheckpointException(file, name,
                    "has " + entry.numel() + " elements, more than one Java float array can hold");
        }
        float[] values = new float[(int) entry.numel()];
        int bytes = entry.dtype().bytes();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long position = header.dataStart() + entry.begin();
        for (int done = 0; done < values.length; ) {
            int count = Math.min(values.length - done, CHUNK_BYTES / bytes);
            chunk.clear().limit(count * bytes);
            if (!ChannelReads.readFully(channel, chunk, position, file)) {
                throw new MalformedCheckpointException(file, name, "file ended inside the tensor's data");
            }
            entry.dtype().decode(chunk.flip(), values, done, count);
            done += count;
            position += (long) count * bytes;
        }
        return values;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw IoErrors.unchecked("cannot close", file, e);
        }
    }

    private TensorEntry entry(String name) {
        TensorEntry entry = header.tensors().get(name);
        if (entry == null) {
            throw MalformedCheckpointException.unknownTensor(file, name, names());
        }
        return entry;
    }
}
