package dev.sppo.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One request the fuzzer sends.
 *
 * @param method the HTTP method
 * @param path the path and query, encoded for a URI
 * @param contentType the Content-Type header; null for none
 * @param body the body; empty for none
 */
public record HostileRequest(String method, String path, String contentType, byte[] body) {

    /** The request line and the body's first {@code max} characters, for a report. */
    public String describe(int max) {
        String text = new String(body, 0, Math.min(body.length, max), StandardCharsets.UTF_8);
        return method + " " + path + " [" + contentType + ", " + body.length + " bytes] " + text;
    }
}
