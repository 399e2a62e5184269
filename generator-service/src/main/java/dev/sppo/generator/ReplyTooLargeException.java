package dev.sppo.generator;

import dev.sppo.contracts.SamplingSpec;

/** A request's reply does not fit in one Kafka producer request: the request is parked with this as its reason. */
class ReplyTooLargeException extends RuntimeException {

    ReplyTooLargeException(int replyBytes, int maxRequestBytes, SamplingSpec sampling) {
        super(String.format("its reply of %,d bytes (k = %d responses of up to max_new_tokens = %d) is larger than a "
                + "Kafka producer request may be (max.request.size %,d bytes, less %d for the record's framing): lower "
                + "sampling.k or sampling.max_new_tokens, or raise max.request.size and the topics' max.message.bytes "
                + "together", replyBytes, sampling.k(), sampling.maxNewTokens(), maxRequestBytes,
                ReplyPublisher.RECORD_OVERHEAD_BYTES));
    }
}
