package dev.sppo.prompts;

import dev.sppo.chat.ChatMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cuts a prompt from the left until it counts at most {@code max} tokens, keeping its end (what the model must
 * answer).
 *
 * <ul>
 *   <li>A plain prompt keeps its longest suffix that fits (whole code points, not blank).</li>
 *   <li>A chat prompt first loses whole turns, oldest first, while more than one is left: a turn is a user message
 *       with the messages up to the next user message (so the conversation still alternates as chat templates
 *       require); system messages always stay. If the one remaining turn is still too long, its first message
 *       keeps its longest suffix that fits.</li>
 * </ul>
 *
 * The suffix is found by bisection over its start, which finds the longest one when shorter texts never count more
 * tokens (and a fitting one in any case). A prompt whose shortest cut (its last code point) is still too long
 * cannot be cut.
 */
final class LeftTruncation {

    private LeftTruncation() {}

    /** The cut prompt, or empty when it cannot fit. */
    static Optional<PromptContent> cut(PromptContent content, int max, PromptTokenCounter counter) {
        if (content instanceof PlainPrompt plain) {
            return suffix(plain.text(), PlainPrompt::new, max, counter);
        }
        return cutChat(((ChatPrompt) content).messages(), max, counter);
    }

    private static Optional<PromptContent> cutChat(List<ChatMessage> messages, int max, PromptTokenCounter counter) {
        List<ChatMessage> kept = dropOldTurns(messages, max, counter);
        if (counter.count(chatOf(kept)) <= max) {
            return Optional.of(chatOf(kept));
        }
        List<Integer> starts = turnStarts(kept);
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        int first = starts.get(0);
        ChatMessage message = kept.get(first);
        return suffix(message.content(), text -> {
            List<ChatMessage> replaced = new ArrayList<>(kept);
            replaced.set(first, new ChatMessage(message.role(), text));
            return chatOf(replaced);
        }, max, counter);
    }

    /** Drops the oldest turn while the prompt is too long, more than one turn is left and some content remains. */
    private static List<ChatMessage> dropOldTurns(List<ChatMessage> messages, int max, PromptTokenCounter counter) {
        List<ChatMessage> kept = messages;
        while (counter.count(chatOf(kept)) > max) {
            List<Integer> starts = turnStarts(kept);
            if (starts.size() < 2) {
                break;
            }
            List<ChatMessage> next = new ArrayList<>(kept);
            next.subList(starts.get(0), starts.get(1)).removeIf(m -> !is(m, Role.SYSTEM));
            if (next.stream().allMatch(m -> m.content().isBlank())) {
                break;
            }
            kept = next;
        }
        return kept;
    }

    /**
     * Where each turn starts: the first non-system message, then every later user message. Messages between two
     * starts (system ones aside) belong to the earlier turn.
     */
    private static List<Integer> turnStarts(List<ChatMessage> messages) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (!is(message, Role.SYSTEM) && (starts.isEmpty() || is(message, Role.USER))) {
                starts.add(i);
            }
        }
        return starts;
    }

    private static boolean is(ChatMessage message, Role role) {
        return role.wireName().equals(message.role());
    }

    private static ChatPrompt chatOf(List<ChatMessage> messages) {
        return new ChatPrompt(messages);
    }

    /**
     * The longest suffix of {@code text}, not blank, whose prompt fits; the bisection keeps the suffix from
     * {@code hi} fitting and every start below {@code lo} found too long.
     */
    private static Optional<PromptContent> suffix(String text, Function<String, PromptContent> prompt, int max,
            PromptTokenCounter counter) {
        int[] codePoints = text.codePoints().toArray();
        int last = codePoints.length - 1;
        while (last >= 0 && Character.isWhitespace(codePoints[last])) {
            last--;
        }
        if (last < 0 || counter.count(prompt.apply(suffixFrom(codePoints, last))) > max) {
            return Optional.empty();
        }
        int lo = 0;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (counter.count(prompt.apply(suffixFrom(codePoints, mid))) <= max) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Optional.of(prompt.apply(suffixFrom(codePoints, hi)));
    }

    private static String suffixFrom(int[] codePoints, int start) {
        return new String(codePoints, start, codePoints.length - start);
    }
}
