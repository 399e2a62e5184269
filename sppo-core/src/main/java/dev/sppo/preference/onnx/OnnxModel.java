package dev.sppo.preference.onnx;

import dev.sppo.preference.PreferenceModel;

/** A preference model run by ONNX Runtime: it owns a native session, freed by {@link #close()}. */
public interface OnnxModel extends PreferenceModel, AutoCloseable {

    @Override
    void close();
}
