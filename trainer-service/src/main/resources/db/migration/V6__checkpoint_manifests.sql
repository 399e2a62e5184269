-- The digest of each checkpoint's manifest (every file with its size and SHA-256, dev.sppo.contracts.store
-- .CheckpointManifest): what a service that fetches the checkpoint over http verifies. Null for rows written
-- before it; the store API computes theirs from the files on disk.
ALTER TABLE checkpoints ADD COLUMN manifest_sha256 CHAR(64);
ALTER TABLE preference_models ADD COLUMN manifest_sha256 CHAR(64);
