package dev.sppo.kernels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript archive (what {@code torch.jit.save} writes) for one parameter-free module whose class is
 * given as TorchScript source. {@code torch::jit::load} compiles the source when it loads the archive, so no
 * Python is needed to produce it. The archive holds:
 *
 * <ul>
 *   <li>{@code code/__torch__.py}: the source of class {@code __torch__.<className>};</li>
 *   <li>{@code data.pkl}: the pickled module object, an instance of that class with the one attribute every
 *       module has, {@code training = True};</li>
 *   <li>{@code constants.pkl}: an empty tuple (the source uses no tensor constants);</li>
 *   <li>{@code version}: the archive format version.</li>
 * </ul>
 *
 * Entries are stored uncompressed, as torch writes them.
 */
final class TorchScriptArchive {

    private static final String FORMAT_VERSION = "3\n";
    private static final byte PROTO = (byte) 0x80;
    private static final byte NEWOBJ = (byte) 0x81;
    private static final byte NEWTRUE = (byte) 0x88;

    private TorchScriptArchive() {}

    /** The archive's bytes for module class {@code className} defined in {@code source}. */
    static byte[] of(String className, byte[] source) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            store(out, "data.pkl", moduleObject(className));
            store(out, "code/__torch__.py", source);
            store(out, "constants.pkl", new byte[] {PROTO, 2, ')', '.'});
            store(out, "version", FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an in-memory zip", e);
        }
        return zip.toByteArray();
    }

    /** Pickle protocol 2: {@code __torch__.<className>.__new__()} then {@code __setstate__({'training': True})}. */
    private static byte[] moduleObject(String className) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {PROTO, 2});
        pickle.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
        pickle.writeBytes(new byte[] {')', NEWOBJ, '}', '('});
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        pickle.write('X');
        pickle.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        pickle.writeBytes(key);
        pickle.writeBytes(new byte[] {NEWTRUE, 'u', 'b', '.'});
        return pickle.toByteArray();
    }

    private static void store(ZipOutputStream out, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry("archive/" + name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(data);
        out.closeEntry();
    }
}
