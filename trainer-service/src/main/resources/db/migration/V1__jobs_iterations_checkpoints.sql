-- trainer-service schema: jobs, their SPPO iterations, checkpoints, and every prompt's scored result.

CREATE TABLE jobs (
    id             TEXT        PRIMARY KEY,
    name           TEXT,
    config         JSONB       NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    iteration      INTEGER     CHECK (iteration >= 0),
    phase          TEXT        CHECK (phase IN ('GENERATE', 'TRAIN', 'EVALUATE')),
    failure_reason TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX jobs_by_created_at ON jobs (created_at DESC);
CREATE INDEX jobs_by_state ON jobs (state);

CREATE TABLE iterations (
    job_id           TEXT        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    iteration        INTEGER     NOT NULL CHECK (iteration >= 0),
    phase            TEXT        NOT NULL CHECK (phase IN ('GENERATE', 'TRAIN', 'EVALUATE')),
    expected_prompts INTEGER     NOT NULL CHECK (expected_prompts > 0),
    started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ,
    metrics          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (job_id, iteration)
);

CREATE TABLE checkpoints (
    id             TEXT        PRIMARY KEY,
    job_id         TEXT        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    policy_version INTEGER     NOT NULL CHECK (policy_version >= 0),
    uri            TEXT        NOT NULL,
    sha256         CHAR(64)    NOT NULL,
    bytes          BIGINT      NOT NULL CHECK (bytes > 0),
    parent_id      TEXT        REFERENCES checkpoints (id),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (job_id, policy_version)
);

-- One row per (job, iteration, prompt): redelivered or duplicated messages never count twice.
CREATE TABLE prompt_results (
    job_id     TEXT        NOT NULL,
    iteration  INTEGER     NOT NULL,
    prompt_id  TEXT        NOT NULL,
    payload    JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, iteration, prompt_id),
    FOREIGN KEY (job_id, iteration) REFERENCES iterations (job_id, iteration) ON DELETE CASCADE
);

-- Which prompts an iteration's training run read, and how many responses each contributed
-- (0: every response equally preferred, so the pair carried no signal).
CREATE TABLE training_rows (
    job_id    TEXT    NOT NULL,
    iteration INTEGER NOT NULL,
    prompt_id TEXT    NOT NULL,
    responses INTEGER NOT NULL CHECK (responses >= 0),
    PRIMARY KEY (job_id, iteration, prompt_id),
    FOREIGN KEY (job_id, iteration, prompt_id) REFERENCES prompt_results (job_id, iteration, prompt_id)
        ON DELETE CASCADE
);
