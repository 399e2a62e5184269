package dev.sppo.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Positional reads that fill a whole buffer, so several threads may read one channel at once. */
final class ChannelReads {

    private ChannelReads() {
    }

    /**
     * Fills the remaining space of {@code buffer} from {@code channel} starting at {@code position}.
     *
     * @return false if the file ended first
     * @throws IllegalStateException if the channel has been closed
     * @throws UncheckedIOException  naming {@code file} if the read fails
     */
    static boolean readFully(FileChannel channel, ByteBuffer buffer, long position, Path file) {
        long at = position;
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    return false;
                }
                at += read;
            }
            return true;
        } catch (ClosedChannelException e) {
            throw new IllegalStateException(file + " has been closed", e);
        } catch (IOException e) {
            throw IoErrors.unchecked("cannot read", file, e);
        }
    }
}
