package dev.sppo.chat;

/**
 * A chat template that refused a conversation (through {@code raise_exception}) or could not be rendered (syntax
 * the Jinja engine does not support, an error while rendering). The message names the template and its file.
 */
public final class ChatTemplateException extends IllegalArgumentException {

    ChatTemplateException(String message) {
        super(message);
    }

    ChatTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
