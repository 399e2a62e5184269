"""PyTorch eager reference for `./sppo bench`'s training ratio (README, "Benchmarks").

The bench's reference model (vocab 256, hidden 256, 4 layers, 8 heads, SwiGLU 1024; the output head is a
separate Linear here, counted once as the bench counts its tied one) trained in plain PyTorch: forward,
next-token cross-entropy, backward,
clip_grad_norm_(1.0), AdamW. Each step is timed against the best of 3 float32 1024^3 matmuls just before it,
and the FLOPs are counted as FlopCount does (6 N_matmul B T + 12 L B T^2 D), so the printed median ratio
compares with the bench's "training / peak measured just before (median)".

Not part of the build (it needs Python and a PyTorch wheel). Usage:
    python docs/bench/pytorch_eager_reference.py [sdpa] [fused] [STEPS]
  sdpa:  F.scaled_dot_product_attention(is_causal=True) instead of the composite softmax(q k^T) v
  fused: torch.optim.AdamW(fused=True)
Threads: OMP_NUM_THREADS=1 for one thread (default: all cores).
"""
import torch, time, math, statistics, sys
import torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
V, D, L, H, I, T, B = 256, 256, 4, 8, 1024, 64, 32
hd = D // H
class RMS(nn.Module):
    def __init__(s): super().__init__(); s.w = nn.Parameter(torch.ones(D))
    def forward(s, x): return s.w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5))
def rot(x): return torch.cat((-x[..., hd//2:], x[..., :hd//2]), -1)
class Layer(nn.Module):
    def __init__(s):
        super().__init__(); s.n1, s.n2 = RMS(), RMS()
        s.q, s.k, s.v, s.o = (nn.Linear(D, D, bias=False) for _ in range(4))
        s.g, s.u = nn.Linear(D, I, bias=False), nn.Linear(D, I, bias=False); s.d = nn.Linear(I, D, bias=False)
    def forward(s, x, cos, sin):
        h = s.n1(x)
        q = s.q(h).view(B, T, H, hd).transpose(1, 2); k = s.k(h).view(B, T, H, hd).transpose(1, 2); v = s.v(h).view(B, T, H, hd).transpose(1, 2)
        q = q * cos + rot(q) * sin; k = k * cos + rot(k) * sin
        if SDPA: a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:
            sc = q @ k.transpose(-1, -2) / math.sqrt(hd)
            sc = sc.masked_fill(MASK, float('-inf'))
            a = sc.softmax(-1) @ v
        x = x + s.o(a.transpose(1, 2).reshape(B, T, D))
        h = s.n2(x)
        return x + s.d(F.silu(s.g(h)) * s.u(h))
class M(nn.Module):
    def __init__(s):
        super().__init__(); s.e = nn.Embedding(V, D); s.ls = nn.ModuleList(Layer() for _ in range(L)); s.n = RMS(); s.h = nn.Linear(D, V, bias=False)
    def forward(s, ids):
        inv = 1.0 / (10000 ** (torch.arange(0, hd, 2).float() / hd)); f = torch.outer(torch.arange(T).float(), inv); e = torch.cat((f, f), -1)
        cos, sin = e.cos(), e.sin()
        x = s.e(ids)
        for l in s.ls: x = l(x, cos, sin)
        return s.h(s.n(x))
SDPA = len(sys.argv) > 1 and sys.argv[1] == 'sdpa'
MASK = torch.ones(T, T, dtype=torch.bool).triu(1)
m = M(); opt = torch.optim.AdamW(m.parameters(), lr=1e-4, fused=True if 'fused' in sys.argv else None)
tok = torch.randint(0, V, (B, T + 1))
Nw = L * (4 * D * D + 3 * D * I) + V * D
flops = 6 * Nw * B * T + 12 * L * B * T * T * D
a = torch.randn(1024, 1024); bm = torch.randn(1024, 1024)
def peak():
    best = 0
    for _ in range(3):
        t = time.perf_counter(); a @ bm; best = max(best, 2 * 1024**3 / (time.perf_counter() - t) / 1e9)
    return best
def step():
    t = time.perf_counter()
    logits = m(tok[:, :-1]); loss = F.cross_entropy(logits.reshape(-1, V), tok[:, 1:].reshape(-1))
    loss.backward(); torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step(); opt.zero_grad(set_to_none=False)
    return time.perf_counter() - t
for _ in range(5): peak(); step()
r = []; ms = []; pk = []
for _ in range(int(sys.argv[-1]) if sys.argv[-1].isdigit() else 20):
    p = peak(); s = step(); r.append(flops / s / 1e9 / p); ms.append(s * 1e3); pk.append(p)
print(f"torch {torch.__version__} threads {torch.get_num_threads()} sdpa={SDPA}: median ratio {statistics.median(r):.3f} step {statistics.median(ms):.1f} ms peak {statistics.median(pk):.0f}")
