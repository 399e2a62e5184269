package dev.sppo.generator;

import java.util.List;

/**
 * A job's version pin on this replica, as {@code GET /pins} shows it.
 *
 * @param jobId the job
 * @param pinnedVersion the version every request of the job is answered with, or null (follow the requests)
 * @param servedVersion the version this replica last sampled from for the job, or null
 * @param knownVersions the versions whose checkpoints this replica can locate (the ones that can be pinned)
 */
record PinView(String jobId, Integer pinnedVersion, Integer servedVersion, List<Integer> knownVersions) {}
