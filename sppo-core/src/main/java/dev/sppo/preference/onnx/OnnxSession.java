package dev.sppo.preference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.sppo.checkpoint.MalformedCheckpointException;

import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX Runtime session over one {@code model.onnx}, checked against the inputs and the output the caller will
 * use before anything runs: every input it feeds is an int64 (N, T) input of the graph, every input of the graph is
 * fed, and the output it reads is a float tensor. {@link #run} is safe to call from several threads.
 */
final class OnnxSession implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Path file;
    private final Map<String, String> fedInputs;
    private final String output;

    /**
     * @param inputs the graph inputs to feed, by the {@link TokenBatch} field each takes ({@code input_ids},
     *     {@code attention_mask}, {@code token_type_ids})
     * @param output the output {@link #run} returns
     * @param outputRank the output's rank, such as 2 for (N, labels)
     * @throws MalformedCheckpointException naming the input or output that the graph lacks or that has the wrong type
     */
    OnnxSession(Path file, List<OnnxJudgeConfig.Input> inputs, String output, int outputRank,
            OnnxRuntimeSettings settings) {
        this.file = file;
        this.output = output;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.threads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            this.session = environment.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new MalformedCheckpointException(file, "ONNX Runtime cannot load it: " + e.getMessage());
        }
        try {
            this.fedInputs = checkInputs(inputs);
            checkOutput(outputRank);
        } catch (OrtException | RuntimeException e) {
            close();
            throw e instanceof MalformedCheckpointException m ? m
                    : new MalformedCheckpointException(file, "cannot read its inputs and outputs: " + e.getMessage());
        }
    }

    /** The graph input names fed, by the {@link TokenBatch} field each takes. */
    Map<String, String> fedInputs() {
        return fedInputs;
    }

    private Map<String, String> checkInputs(List<OnnxJudgeConfig.Input> inputs) throws OrtException {
        Map<String, NodeInfo> graph = session.getInputInfo();
        Map<String, String> fed = new LinkedHashMap<>();
        for (OnnxJudgeConfig.Input input : inputs) {
            if (input.name() == null) {
                continue;
            }
            NodeInfo info = graph.get(input.name());
            if (info == null) {
                if (input.required()) {
                    throw new MalformedCheckpointException(file, "the graph has no input '" + input.name() + "' ("
                            + OnnxJudgeConfig.FILE_NAME + " " + input.key() + "); its inputs are " + graph.keySet());
                }
                continue;
            }
            requireTensor(info, "input", OnnxJavaType.INT64, 2);
            fed.put(input.key(), input.name());
        }
        List<String> unfed = new ArrayList<>(graph.keySet());
        unfed.removeAll(fed.values());
        if (!unfed.isEmpty()) {
            throw new MalformedCheckpointException(file, "the graph's input(s) " + unfed + " are not fed: "
                    + OnnxJudgeConfig.FILE_NAME + " names what input_ids, attention_mask and token_type_ids are "
                    + "called in the graph");
        }
        return Map.copyOf(fed);
    }

    private void checkOutput(int rank) throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        NodeInfo info = outputs.get(output);
        if (info == null) {
            throw new MalformedCheckpointException(file, "the graph has no output '" + output + "' ("
                    + OnnxJudgeConfig.FILE_NAME + " output); its outputs are " + outputs.keySet());
        }
        requireTensor(info, "output", OnnxJavaType.FLOAT, rank);
    }

    private void requireTensor(NodeInfo info, String what, OnnxJavaType type, int rank) {
        if (!(info.getInfo() instanceof TensorInfo tensor) || tensor.type != type
                || tensor.getShape().length != rank) {
            throw new MalformedCheckpointException(file, what + " '" + info.getName() + "' must be a rank-" + rank
                    + " " + type + " tensor, the graph has " + info.getInfo());
        }
    }

    /** The static size of the output's last axis, or -1 where the graph leaves it open. */
    long outputWidth() {
        try {
            long[] shape = ((TensorInfo) session.getOutputInfo().get(output).getInfo()).getShape();
            return shape[shape.length - 1];
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the graph on one batch.
     *
     * @return the output, flattened row-major, and its shape
     */
    Output run(TokenBatch batch) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        long[] shape = {batch.rows(), batch.width()};
        try {
            for (Map.Entry<String, String> input : fedInputs.entrySet()) {
                feed.put(input.getValue(), OnnxTensor.createTensor(environment,
                        LongBuffer.wrap(batch.field(input.getKey())), shape));
            }
            try (OrtSession.Result result = session.run(feed)) {
                OnnxValue value = result.get(output).orElseThrow();
                OnnxTensor tensor = (OnnxTensor) value;
                float[] flat = new float[tensor.getFloatBuffer().remaining()];
                tensor.getFloatBuffer().get(flat);
                return new Output(flat, tensor.getInfo().getShape());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + file + ": " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** A float output, row-major, with its shape. */
    record Output(float[] values, long[] shape) {

        /** Row n of a rank-2 output. */
        float[] row(int n) {
            int width = (int) shape[1];
            float[] row = new float[width];
            System.arraycopy(values, n * width, row, 0, width);
            return row;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session of " + file, e);
        }
    }
}
