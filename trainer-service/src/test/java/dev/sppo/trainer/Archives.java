package dev.sppo.trainer;

import dev.sppo.checkpoint.Digests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads zip archives in tests. */
public final class Archives {

    private Archives() {}

    /** Entry name → SHA-256 of its bytes. */
    public static Map<String, String> entryDigests(byte[] zip) throws IOException {
        Map<String, String> digests = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                digests.put(entry.getName(), Digests.sha256(in.readAllBytes()));
            }
        }
        return digests;
    }
}
