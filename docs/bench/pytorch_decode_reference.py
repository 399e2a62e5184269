"""PyTorch eager reference for greedy KV-cache decoding (README, "Benchmarks"; docs/performance.md, "Decoding").

Loads a LLaMA model directory that `./sppo init` wrote (config.json, model.safetensors; tied embeddings, no
biases), then decodes greedily from the one-token prompt [1] for B identical rows with a plain eager loop: a
key/value cache preallocated for every position and written in place, F.scaled_dot_product_attention, argmax.
Prints the greedy ids of row 0, so that they can be compared with `./sppo generate --temperature 0`, and the
steady-state rate over positions N1..N2: B (N2 - N1) / (t(N2) - t(N1)), each t the median of REPEATS runs, so
that the prefill and the first steps cancel; timed by the wall clock and by the thread's CPU time (with one
thread PyTorch computes on the calling thread, so the CPU time leaves out waiting for a core on a shared machine).

Not part of the build (it needs Python and a PyTorch wheel). Usage:
    python docs/bench/pytorch_decode_reference.py MODEL_DIR BATCH [N1 N2 REPEATS]
Threads: OMP_NUM_THREADS=1 for one thread (default: all cores).
"""
import json, math, statistics, struct, sys, time
import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


def load(model_dir):
    cfg = json.load(open(f"{model_dir}/config.json"))
    raw = open(f"{model_dir}/model.safetensors", "rb").read()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    weights = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        buf = bytearray(raw[8 + size + start:8 + size + end])
        weights[name] = torch.frombuffer(buf, dtype=DTYPES[spec["dtype"]]).reshape(spec["shape"]).float()
    return cfg, weights


def rms(x, w, eps):
    return w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def rotate(x, cos, sin):
    half = x.shape[-1] // 2
    return x * cos + torch.cat((-x[..., half:], x[..., :half]), -1) * sin


@torch.inference_mode()
def decode(cfg, w, batch, new_tokens):
    d, layers, heads = cfg["hidden_size"], cfg["num_hidden_layers"], cfg["num_attention_heads"]
    kv_heads, eps = cfg.get("num_key_value_heads", heads), cfg["rms_norm_eps"]
    hd = d // heads
    total = 1 + new_tokens
    inv = 1.0 / (cfg.get("rope_theta", 10000.0) ** (torch.arange(0, hd, 2).float() / hd))
    f = torch.outer(torch.arange(total).float(), inv)
    e = torch.cat((f, f), -1)
    cos, sin = e.cos(), e.sin()
    k_cache = [torch.zeros(batch, kv_heads, total, hd) for _ in range(layers)]
    v_cache = [torch.zeros(batch, kv_heads, total, hd) for _ in range(layers)]
    embed = w["model.embed_tokens.weight"]
    head = w.get("lm_head.weight", embed)
    ids = torch.full((batch, 1), 1, dtype=torch.long)
    out = []
    for pos in range(new_tokens):
        x = embed[ids]
        c, s = cos[pos], sin[pos]
        for i in range(layers):
            p = f"model.layers.{i}."
            h = rms(x, w[p + "input_layernorm.weight"], eps)
            q = (h @ w[p + "self_attn.q_proj.weight"].T).view(batch, 1, heads, hd).transpose(1, 2)
            k = (h @ w[p + "self_attn.k_proj.weight"].T).view(batch, 1, kv_heads, hd).transpose(1, 2)
            v = (h @ w[p + "self_attn.v_proj.weight"].T).view(batch, 1, kv_heads, hd).transpose(1, 2)
            k_cache[i][:, :, pos] = rotate(k, c, s)[:, :, 0]
            v_cache[i][:, :, pos] = v[:, :, 0]
            a = F.scaled_dot_product_attention(rotate(q, c, s), k_cache[i][:, :, :pos + 1],
                                               v_cache[i][:, :, :pos + 1], enable_gqa=kv_heads != heads)
            x = x + a.transpose(1, 2).reshape(batch, 1, d) @ w[p + "self_attn.o_proj.weight"].T
            h = rms(x, w[p + "post_attention_layernorm.weight"], eps)
            gated = F.silu(h @ w[p + "mlp.gate_proj.weight"].T) * (h @ w[p + "mlp.up_proj.weight"].T)
            x = x + gated @ w[p + "mlp.down_proj.weight"].T
        logits = rms(x, w["model.norm.weight"], eps) @ head.T
        ids = logits[:, -1].argmax(-1, keepdim=True)
        out.append(int(ids[0, 0]))
    return out


def timed(cfg, w, batch, n):
    start, cpu = time.perf_counter(), time.thread_time()
    decode(cfg, w, batch, n)
    return time.perf_counter() - start, time.thread_time() - cpu


def main():
    cfg, w = load(sys.argv[1])
    batch = int(sys.argv[2])
    n1, n2, repeats = (int(a) for a in sys.argv[3:6]) if len(sys.argv) > 5 else (200, 400, 3)
    ids = decode(cfg, w, batch, 16)
    short, long_ = [], []
    for _ in range(repeats):
        short.append(timed(cfg, w, batch, n1))
        long_.append(timed(cfg, w, batch, n2))
    tokens = batch * (n2 - n1)
    wall = tokens / (statistics.median(t for t, _ in long_) - statistics.median(t for t, _ in short))
    cpu = tokens / (statistics.median(c for _, c in long_) - statistics.median(c for _, c in short))
    print(f"torch {torch.__version__} threads {torch.get_num_threads()} batch {batch}: greedy ids {ids}")
    print(f"steady state positions {n1}-{n2}: {wall:.1f} tokens/s (wall clock), {cpu:.1f} tokens/s (thread CPU time)")


if __name__ == "__main__":
    main()
