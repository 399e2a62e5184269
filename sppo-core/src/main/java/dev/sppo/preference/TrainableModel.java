package dev.sppo.preference;

import ai.djl.nn.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A preference model that {@code train-preference} fits: its parameters, its trainable switch and its checkpoint. */
public interface TrainableModel extends AutoCloseable {

    /** The parameters the optimizer updates, in checkpoint order. */
    List<Parameter> parameters();

    /** Switches gradient recording on or off for {@link #parameters()}. */
    void setTrainable(boolean trainable);

    /** The number of values in {@link #parameters()}. */
    default long parameterCount() {
        return parameters().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
    }

    /** Writes the model to {@code dir}, loadable by the kind's loader. */
    void save(Path dir) throws IOException;

    @Override
    void close();
}
