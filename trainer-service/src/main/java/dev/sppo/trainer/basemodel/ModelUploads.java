package dev.sppo.trainer.basemodel;

import dev.sppo.checkpoint.DirectoryTrees;
import dev.sppo.trainer.upload.UploadLimit;
import dev.sppo.trainer.upload.UploadStream;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Receives a model archive: unpacks it as it streams in ({@link ModelArchive}, counting and hashing the archive's
 * bytes against {@code sppo.trainer.models.max-bytes} on the way) into a staging directory under the models root,
 * checks the model ({@link UnpackedModel}), and only then moves it to {@code <root>/<id>} and records it. A refused
 * upload leaves nothing behind.
 */
@Component
public class ModelUploads {

    private final ModelsRoot root;
    private final BaseModelRepository rows;
    private final UploadLimit limit;

    public ModelUploads(ModelsRoot root, BaseModelRepository rows, ModelProperties properties) {
        this.root = root;
        this.rows = rows;
        this.limit = properties.limit();
    }

    /**
     * @param owner the user who uploads it; null for the platform
     * @param declaredLength the body's {@code Content-Length}, or -1
     * @throws dev.sppo.trainer.upload.UploadTooLargeException beyond the limit
     * @throws dev.sppo.trainer.upload.RejectedUploadException for an unsafe entry or a model the engine cannot load
     */
    public BaseModel upload(String name, String owner, InputStream body, long declaredLength) throws IOException {
        UploadStream in = UploadStream.of(body, declaredLength, limit);
        Path staging = root.newStaging();
        try {
            ModelArchive.unpack(in, staging, limit);
            in.drain();
            Path dir = UnpackedModel.locate(staging);
            String modelType = UnpackedModel.check(dir);
            return keep(dir, new BaseModel(UUID.randomUUID(), name, modelType, in.sha256(), in.bytes(), null), owner);
        } finally {
            DirectoryTrees.delete(staging);
        }
    }

    private BaseModel keep(Path unpacked, BaseModel model, String owner) throws IOException {
        Path dir = root.moveIn(unpacked, model);
        try {
            rows.insert(model, owner);
        } catch (RuntimeException e) {
            DirectoryTrees.delete(dir);
            throw e;
        }
        return rows.find(model.id()).orElseThrow(() -> new IllegalStateException(
                "model " + model.id() + " vanished after insert"));
    }
}
