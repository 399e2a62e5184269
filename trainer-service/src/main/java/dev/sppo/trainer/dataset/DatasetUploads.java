package dev.sppo.trainer.dataset;

import dev.sppo.prompts.BadLinePolicy;
import dev.sppo.prompts.LineProblem;
import dev.sppo.prompts.PromptFileException;
import dev.sppo.prompts.PromptFileReader;
import dev.sppo.trainer.upload.RejectedUploadException;
import dev.sppo.trainer.upload.UploadLimit;
import dev.sppo.trainer.upload.UploadStream;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Receives a prompt file: streams the body to a file under the store (counting its bytes against
 * {@code sppo.trainer.datasets.max-bytes} and hashing them on the way), checks every line with the engine's prompt
 * reader ({@link PromptFileReader#count}: the checks a job's read makes, under {@code on_bad_line: fail}), and only
 * then moves the file into the store and records it. A refused upload leaves nothing behind.
 */
@Component
public class DatasetUploads {

    private final DatasetStore store;
    private final UploadLimit limit;

    public DatasetUploads(DatasetStore store, DatasetProperties properties) {
        this.store = store;
        this.limit = properties.limit();
    }

    /**
     * @param owner the user who uploads it; null for the platform
     * @param declaredLength the body's {@code Content-Length}, or -1
     * @throws dev.sppo.trainer.upload.UploadTooLargeException beyond the limit
     * @throws RejectedUploadException naming the line and field of the first bad line
     */
    public Dataset upload(DatasetUpload upload, String owner, InputStream body, long declaredLength)
            throws IOException {
        UploadStream in = UploadStream.of(body, declaredLength, limit);
        Path part = store.newIncomingFile();
        try {
            in.copyTo(part);
            long prompts = count(part, upload);
            return store.keep(part, upload.toDataset(UUID.randomUUID(), in.sha256(), in.bytes(), prompts), owner);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static long count(Path file, DatasetUpload upload) throws IOException {
        try {
            return new PromptFileReader(upload.fields(), BadLinePolicy.FAIL).count(file, upload.format());
        } catch (PromptFileException e) {
            throw refused(e.problem());
        }
    }

    /** The problem of a bad line, located by line and field in the upload (the file's place on disk is no one's business). */
    private static RejectedUploadException refused(LineProblem problem) {
        Map<String, Object> where = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        if (problem.line() > 0) {
            where.put("line", problem.line());
            detail.append("line ").append(problem.line());
        }
        if (problem.field() != null) {
            where.put("field", problem.field());
            detail.append(detail.isEmpty() ? "" : ", ").append("field '").append(problem.field()).append('\'');
        }
        where.put("reason", problem.reason());
        detail.append(detail.isEmpty() ? "" : ": ").append(problem.reason());
        return new RejectedUploadException("Invalid prompt file", detail.toString(), where);
    }
}
