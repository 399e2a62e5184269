package dev.sppo.perf;

/**
 * When each stage of the pipeline had handled all of a job's prompts, in seconds after the job was submitted:
 * the trainer's generation requests on {@code sppo.generation.requests}, the generators' answers on {@code
 * sppo.responses}, the preference-service's scores on {@code sppo.preferences}, and the trainer's stored results
 * (the iteration's {@code receivedPrompts}). Read by polling, so each is late by up to one poll interval.
 *
 * @param requested all requests published
 * @param answered all responses published
 * @param scored all scored prompts published
 * @param stored all results stored by the trainer
 */
public record StageTimes(double requested, double answered, double scored, double stored) {}
