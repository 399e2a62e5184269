-- LoRA jobs write adapter checkpoints: a PEFT adapter directory (adapter_config.json, adapter_model.safetensors)
-- that is loaded on a base model checkpoint. kind says which a row is; an adapter names its base by id, and by the
-- URI and SHA-256 (of its model.safetensors) a reader needs to fetch and check it. parent_id stays the checkpoint
-- it was trained from. Rows from before are models.
ALTER TABLE checkpoints
    ADD COLUMN kind        TEXT     NOT NULL DEFAULT 'model' CHECK (kind IN ('model', 'adapter')),
    ADD COLUMN base_id     TEXT     REFERENCES checkpoints (id),
    ADD COLUMN base_uri    TEXT,
    ADD COLUMN base_sha256 CHAR(64),
    ADD CONSTRAINT checkpoints_adapter_names_its_base CHECK (
        (kind = 'model' AND base_id IS NULL AND base_uri IS NULL AND base_sha256 IS NULL)
        OR (kind = 'adapter' AND base_id IS NOT NULL AND base_uri IS NOT NULL AND base_sha256 IS NOT NULL));
