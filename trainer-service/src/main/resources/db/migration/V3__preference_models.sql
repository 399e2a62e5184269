-- Learned preference models (pairwise rankers, Bradley-Terry reward models) trained through the REST API.
-- Their checkpoints live in the same directory store as the policies; a job names one by its URI
-- (preference.model_uri) and the preference-service loads it from there.

CREATE TABLE preference_models (
    id             TEXT        PRIMARY KEY,
    name           TEXT,
    kind           TEXT        NOT NULL CHECK (kind IN ('ranker', 'reward_model')),
    config         JSONB       NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    failure_reason TEXT,
    metrics        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    uri            TEXT,
    sha256         CHAR(64),
    bytes          BIGINT      CHECK (bytes > 0),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ
);
CREATE INDEX preference_models_by_created_at ON preference_models (created_at DESC);
