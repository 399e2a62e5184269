package dev.sppo.sampling;

/**
 * The tokens drawn for every row of a batch in one step, index-aligned by row; a finished row's entry is never
 * read.
 *
 * @param tokens the drawn token of each row
 * @param logprobs log π(token | prefix) of each row under the untempered model
 */
record Draws(int[] tokens, double[] logprobs) {}
