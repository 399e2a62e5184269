-- Who submitted each job, uploaded each dataset and model, and trained each preference model: the user the gateway
-- names for the request's API key (X-Sppo-User). A user sees and acts on their own, an admin on all. Rows from
-- before owners were recorded, and those the platform creates without a user, have none: only admins see them.
ALTER TABLE jobs ADD COLUMN owner TEXT;
ALTER TABLE datasets ADD COLUMN owner TEXT;
ALTER TABLE models ADD COLUMN owner TEXT;
ALTER TABLE preference_models ADD COLUMN owner TEXT;
CREATE INDEX jobs_by_owner ON jobs (owner, created_at DESC);

-- Who did what, and when: every submission, cancel, pause, resume, stop and upload made through the API
-- (dev.sppo.trainer.api.AuditLog). The user is null for the platform's own requests.
CREATE TABLE audit_log (
    id       BIGSERIAL   PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    username TEXT,
    admin    BOOLEAN     NOT NULL,
    action   TEXT        NOT NULL,
    kind     TEXT        NOT NULL,
    target   TEXT        NOT NULL
);
CREATE INDEX audit_log_by_target ON audit_log (kind, target);
