-- A continuous text job takes chat prompts from the stream: their conversation, as the contract's messages.
-- NULL for a plain prompt, whose text is in text.
ALTER TABLE stream_prompts ADD COLUMN messages JSONB;
