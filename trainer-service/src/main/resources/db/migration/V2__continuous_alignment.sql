-- Continuous alignment: prompts consumed from sppo.prompts, the rounds they form, and each round's promotion
-- decision. A continuous job's rounds reuse iterations / prompt_results / training_rows with iteration = round.

ALTER TABLE jobs DROP CONSTRAINT jobs_state_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_state_check
    CHECK (state IN ('QUEUED', 'RUNNING', 'PAUSED', 'SUCCEEDED', 'FAILED', 'CANCELLED'));

-- One row per (job, prompt id): the idempotent store that makes the prompt stream exactly-once. A prompt is
-- stored before its offset is committed; a redelivered or repeated id hits the key and is not stored again.
CREATE TABLE stream_prompts (
    job_id        TEXT        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    prompt_id     TEXT        NOT NULL,
    seq           BIGSERIAL   NOT NULL,
    text          TEXT        NOT NULL,
    metadata      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    source        TEXT        NOT NULL,
    round         INTEGER     CHECK (round >= 0),
    regenerations INTEGER     NOT NULL DEFAULT 0 CHECK (regenerations >= 0),
    dropped       BOOLEAN     NOT NULL DEFAULT false,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, prompt_id)
);
CREATE INDEX stream_prompts_waiting ON stream_prompts (job_id, seq) WHERE round IS NULL;
CREATE INDEX stream_prompts_by_round ON stream_prompts (job_id, round);

CREATE TABLE stream_rounds (
    job_id    TEXT        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    round     INTEGER     NOT NULL CHECK (round >= 0),
    prompts   INTEGER     NOT NULL CHECK (prompts > 0),
    formed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, round)
);

-- The safety rail: after round r, candidate v(r+1) against the serving version on the held-out prompts.
CREATE TABLE promotions (
    job_id            TEXT             NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    round             INTEGER          NOT NULL,
    candidate_version INTEGER,
    serving_version   INTEGER          NOT NULL,
    win_rate          DOUBLE PRECISION,
    win_rate_lower    DOUBLE PRECISION,
    win_rate_upper    DOUBLE PRECISION,
    threshold         DOUBLE PRECISION NOT NULL,
    promoted          BOOLEAN          NOT NULL,
    reason            TEXT             NOT NULL,
    decided_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, round),
    FOREIGN KEY (job_id, round) REFERENCES stream_rounds (job_id, round) ON DELETE CASCADE
);
