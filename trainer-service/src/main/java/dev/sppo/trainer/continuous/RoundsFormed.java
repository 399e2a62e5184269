package dev.sppo.trainer.continuous;

/** Published by the prompt consumer when new rounds of a job were formed: the worker may begin the next one. */
record RoundsFormed(String jobId) {}
