-- Uploaded prompt datasets and models (POST /datasets, POST /models). A dataset's file lives beside the checkpoints
-- (<checkpoint-dir>/datasets/<id>.<format>), a model's directory in the models root (<models root>/<id>); a job names
-- them as prompts.dataset and base.model. Ids are random UUIDs.

CREATE TABLE datasets (
    id             UUID        PRIMARY KEY,
    name           TEXT        NOT NULL,
    file_name      TEXT,
    format         TEXT        NOT NULL CHECK (format IN ('jsonl', 'csv')),
    -- The field names the file was checked with; a null prompt or messages field: that form is not read.
    id_field       TEXT        NOT NULL,
    prompt_field   TEXT,
    messages_field TEXT,
    sha256         CHAR(64)    NOT NULL,
    bytes          BIGINT      NOT NULL CHECK (bytes > 0),
    prompts        BIGINT      NOT NULL CHECK (prompts > 0),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (prompt_field IS NOT NULL OR messages_field IS NOT NULL)
);
CREATE INDEX datasets_by_created_at ON datasets (created_at DESC);

CREATE TABLE models (
    id         UUID        PRIMARY KEY,
    name       TEXT        NOT NULL,
    model_type TEXT        NOT NULL,
    -- Of the archive as uploaded.
    sha256     CHAR(64)    NOT NULL,
    bytes      BIGINT      NOT NULL CHECK (bytes > 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX models_by_created_at ON models (created_at DESC);
