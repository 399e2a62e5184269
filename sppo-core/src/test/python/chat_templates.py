"""Independent reference for the chat-template tests of dev.sppo.chat (not used by the build).

The Java tests render published chat templates with Jinjava; this script renders the same fixtures with Python's
jinja2 exactly as Hugging Face transformers' apply_chat_template does (chat_template_utils: an
ImmutableSandboxedEnvironment with trim_blocks, lstrip_blocks and the loopcontrols extension, a tojson filter that is
json.dumps with ensure_ascii=False, raise_exception and strftime_now; the template sees messages, tools=None,
documents=None, add_generation_prompt and the tokenizer's special_tokens_map). Its output is the expected text in
ChatTemplateFamiliesTest. With the `tokenizers` package importable it also prints the ids of that text encoded
without special tokens, as transformers' apply_chat_template(tokenize=True) does.

    python3 sppo-core/src/test/python/chat_templates.py                  # expected texts (and ids)
    python3 sppo-core/src/test/python/chat_templates.py --write-tokenizers  # rewrite the fixtures' tokenizer.json

Needs jinja2 >= 3.1 (3.1.6 here). The fixtures live in sppo-core/src/test/resources/dev/sppo/chat/<family>/:
tokenizer_config.json and generation_config.json as the published models ship them (special-token ids renumbered to
the tiny vocabularies), and a tokenizer.json that --write-tokenizers builds so that ids are checkable by hand:
 - byte-level BPE (llama3, qwen2_5): the id of each byte is the byte itself, no merges; added tokens from 256 on;
 - SentencePiece-style BPE with byte fallback (llama2): <unk> 0, <s> 1, </s> 2, byte b is <0xBB> = b + 3,
   "\u2581" = 259, no merges; the normalizer prepends "\u2581" and replaces spaces by it, as LLaMA-2's does.
"""

import json
import sys
from datetime import datetime
from pathlib import Path

import jinja2
import jinja2.ext
from jinja2.sandbox import ImmutableSandboxedEnvironment

FIXTURES = Path(__file__).resolve().parents[1] / "resources" / "dev" / "sppo" / "chat"

FAMILIES = {
    "llama3": ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"],
    "qwen2_5": ["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
    "llama2": None,
}

CONVERSATIONS = {
    "system_user_assistant_user": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "  Hi there  "},
        {"role": "assistant", "content": "Hello!"},
        {"role": "user", "content": "What is 2+2?"},
    ],
    "user_only": [{"role": "user", "content": "Hi"}],
}

SPECIAL_TOKEN_KEYS = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token",
                      "additional_special_tokens"]


def environment():
    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    return env


def token_text(value):
    return value["content"] if isinstance(value, dict) else value


def special_tokens_map(config):
    """The special tokens set in tokenizer_config.json, as transformers' special_tokens_map gives them."""
    tokens = {}
    for key in SPECIAL_TOKEN_KEYS:
        value = config.get(key)
        if value:
            tokens[key] = [token_text(v) for v in value] if isinstance(value, list) else token_text(value)
    return tokens


def byte_to_unicode():
    """GPT-2's reversible map of the 256 byte values to printable characters."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("\u00a1"), ord("\u00ac") + 1)) \
        + list(range(ord("\u00ae"), ord("\u00ff") + 1))
    mapped = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in mapped:
            mapped[b] = chr(256 + extra)
            extra += 1
    return mapped


def added(token_id, content):
    return {"id": token_id, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": False, "special": True}


def byte_level_tokenizer(specials, bos_first):
    mapped = byte_to_unicode()
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    post = byte_level
    if bos_first:
        bos = specials[0]
        post = {"type": "Sequence", "processors": [byte_level, {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": bos, "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}],
            "special_tokens": {bos: {"id": bos, "ids": [256], "tokens": [bos]}}}]}
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [added(256 + i, token) for i, token in enumerate(specials)],
        "normalizer": None, "pre_tokenizer": byte_level, "post_processor": post, "decoder": byte_level,
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": {mapped[b]: b for b in range(256)}, "merges": []},
    }


def sentencepiece_tokenizer():
    vocab = {"<unk>": 0, "<s>": 1, "</s>": 2}
    vocab.update({f"<0x{b:02X}>": b + 3 for b in range(256)})
    vocab["\u2581"] = 259
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [added(0, "<unk>"), added(1, "<s>"), added(2, "</s>")],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Prepend", "prepend": "\u2581"},
            {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}]},
        "pre_tokenizer": None,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "<s>", "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}],
            "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}},
        "decoder": {"type": "Sequence", "decoders": [
            {"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "},
            {"type": "ByteFallback"}, {"type": "Fuse"},
            {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
        "model": {"type": "BPE", "dropout": None, "unk_token": "<unk>", "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": True, "byte_fallback": True, "ignore_merges": False,
                  "vocab": vocab, "merges": []},
    }


def write_tokenizers():
    for family, specials in FAMILIES.items():
        tokenizer = sentencepiece_tokenizer() if specials is None \
            else byte_level_tokenizer(specials, bos_first=family == "llama3")
        text = json.dumps(tokenizer, ensure_ascii=False, indent=1) + "\n"
        (FIXTURES / family / "tokenizer.json").write_text(text, encoding="utf-8")


def encoder(family):
    try:
        from tokenizers import Tokenizer
    except ImportError:
        return None
    tokenizer = Tokenizer.from_file(str(FIXTURES / family / "tokenizer.json"))
    return lambda text: tokenizer.encode(text, add_special_tokens=False).ids


def render_all():
    env = environment()
    for family in FAMILIES:
        config = json.loads((FIXTURES / family / "tokenizer_config.json").read_text(encoding="utf-8"))
        template = env.from_string(config["chat_template"])
        encode = encoder(family)
        for name, messages in CONVERSATIONS.items():
            text = template.render(messages=messages, tools=None, documents=None, add_generation_prompt=True,
                                   **special_tokens_map(config))
            print(f"{family} {name}: {json.dumps(text, ensure_ascii=False)}")
            if encode is not None:
                print(f"{family} {name} ids: {encode(text)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-tokenizers"]:
        write_tokenizers()
    else:
        render_all()
