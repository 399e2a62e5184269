package dev.sppo.trainer.continuous;

import dev.sppo.trainer.job.IterationRecord;
import dev.sppo.trainer.job.IterationRepository;
import dev.sppo.trainer.job.Job;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a continuous job's {@link ContinuousView} from Postgres and this instance's consumer meters. */
@Component
public class ContinuousOverview {

    private final StreamPromptRepository prompts;
    private final PromotionRepository promotions;
    private final IterationRepository iterations;
    private final ContinuousMetrics metrics;

    public ContinuousOverview(StreamPromptRepository prompts, PromotionRepository promotions,
            IterationRepository iterations, ContinuousMetrics metrics) {
        this.prompts = prompts;
        this.promotions = promotions;
        this.iterations = iterations;
        this.metrics = metrics;
    }

    /** @throws ContinuousJobConflictException when the job is a batch job */
    public ContinuousView view(Job job) {
        if (!ContinuousSettings.isContinuous(job.config())) {
            throw new ContinuousJobConflictException("job " + job.id() + " is not a continuous job");
        }
        String id = job.id();
        Map<Integer, IterationRecord> started = iterations.forJob(id).stream()
                .collect(Collectors.toMap(IterationRecord::iteration, Function.identity()));
        Map<Integer, PromotionView> decisions = promotions.forJob(id);
        List<RoundView> rounds = prompts.roundStats(id).stream().map(s -> {
            IterationRecord it = started.get(s.round());
            return new RoundView(s.round(), s.prompts(), s.dropped(), s.regenerations(), s.formedAt(),
                    it == null ? null : it.phase().name(), it == null ? null : it.finishedAt(),
                    decisions.get(s.round()));
        }).toList();
        return new ContinuousView(id, job.state().name(),
                ContinuousSettings.read(job.config().get(ContinuousSettings.KEY)), promotions.servingVersion(id),
                prompts.behind(id), prompts.waiting(id), job.state().isTerminal() ? prompts.untrained(id) : 0,
                metrics.state(), rounds);
    }
}
