package dev.sppo.trainer.samples;

import dev.sppo.evaluation.SamplesFile;
import dev.sppo.trainer.TrainerProperties;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the samples files a job's evaluation leaves in its run directory,
 * {@code <checkpoint-dir>/runs/<jobId>/samples-iter-N.jsonl} ({@link SamplesFile}): a job evaluated by a judge
 * writes one for each evaluated policy version N ≥ 1, a job evaluated by its task's gold judge none.
 */
@Component
public class RunSamples {

    private final Path runs;
    private final JsonMapper mapper;

    public RunSamples(TrainerProperties properties, JsonMapper mapper) {
        this.runs = properties.runsDir();
        this.mapper = mapper;
    }

    /**
     * The samples of policy version {@code version}, or empty when the job wrote none for it.
     *
     * @param jobId the id of a stored job (it names the run directory)
     * @throws IOException when the file cannot be read
     * @throws tools.jackson.core.JacksonException when a line is not a sample row
     */
    public Optional<JobSamples> read(String jobId, int version) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(runs.resolve(jobId).resolve(SamplesFile.name(version)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        List<SampleRow> rows = lines.stream().filter(line -> !line.isBlank())
                .map(line -> mapper.readValue(line, SampleRow.class)).toList();
        return Optional.of(new JobSamples(jobId, version, rows));
    }
}
