package dev.sppo.trainer.upload;

import java.util.Map;

/** The query parameters an upload names itself with. */
public final class UploadParameters {

    /** The longest name or file name an upload may give. */
    public static final int MAX_TEXT_LENGTH = 200;

    private UploadParameters() {}

    /**
     * {@code value}, if it is text of 1 to {@value #MAX_TEXT_LENGTH} characters.
     *
     * @param title the refusal's title, for example {@code Invalid dataset upload}
     * @throws RejectedUploadException naming {@code parameter} otherwise
     */
    public static String requireText(String title, String parameter, String value) {
        if (value.isBlank() || value.length() > MAX_TEXT_LENGTH) {
            throw new RejectedUploadException(title, parameter + ": expected text of 1 to " + MAX_TEXT_LENGTH
                    + " characters", Map.of("parameter", parameter));
        }
        return value;
    }
}
