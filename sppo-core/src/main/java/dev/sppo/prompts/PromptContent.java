package dev.sppo.prompts;

/** What a prompt asks: a plain text, or a conversation to be rendered with the model's chat template. */
public sealed interface PromptContent permits PlainPrompt, ChatPrompt {}
