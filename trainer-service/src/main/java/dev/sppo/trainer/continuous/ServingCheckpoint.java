package dev.sppo.trainer.continuous;

import dev.sppo.trainer.checkpoint.Checkpoint;
import dev.sppo.trainer.checkpoint.CheckpointRepository;

import org.springframework.stereotype.Component;

/**
 * The checkpoint a continuous job serves: its newest promoted version, v0 (the base) before any promotion.
 * Rounds are generated from it, and a round's candidate is trained from it and compared with it.
 */
@Component
public class ServingCheckpoint {

    private final CheckpointRepository checkpoints;
    private final PromotionRepository promotions;

    public ServingCheckpoint(CheckpointRepository checkpoints, PromotionRepository promotions) {
        this.checkpoints = checkpoints;
        this.promotions = promotions;
    }

    Checkpoint of(String jobId) {
        return checkpoints.require(jobId, promotions.servingVersion(jobId));
    }
}
