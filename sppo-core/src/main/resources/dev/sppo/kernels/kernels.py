# TorchScript source of dev.sppo.kernels.TorchKernels: PyTorch operations that DJL's NDArray API does not expose
# (fused SiLU, roll, addcmul, the fused AdamW and the foreach list operations). TorchKernels packs this file into a
# TorchScript archive at start-up and calls one method per operation; autograd records the calls like eager ops.
class Kernels(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  # silu(gate) * up: aten::silu has a fused forward and a fused backward (silu_backward).
  def silu_mul(self: __torch__.Kernels, gate: Tensor, up: Tensor) -> Tensor:
    return torch.mul(torch.silu(gate), up)
  # x * cos + rotate_half(x) * sin with rotate_half's sign folded into sin_signed: roll by d/2 swaps the halves.
  def rotate(self: __torch__.Kernels, x: Tensor, cos: Tensor, sin_signed: Tensor) -> Tensor:
    swapped = torch.roll(x, [torch.floordiv(x.size(-1), 2)], [-1])
    return torch.addcmul(torch.mul(x, cos), swapped, sin_signed)
  # softmax(q k^T + bias) v, q already scaled by 1/sqrt(d); the bias is added in place to the fresh scores.
  # q: (B, H, T, d); k, v: (B, H_kv, S, d) with H = G * H_kv, key/value head j serving query heads j*G .. j*G+G-1
  # (HF repeat_kv): the G query heads of a group are stacked as G*T rows against their one key head, so no key
  # or value is copied G times. bias: (B or 1, 1, T, S).
  def attention(self: __torch__.Kernels, q: Tensor, k: Tensor, v: Tensor, bias: Tensor) -> Tensor:
    batch = q.size(0)
    heads = q.size(1)
    t = q.size(2)
    d = q.size(3)
    kv_heads = k.size(1)
    groups = torch.floordiv(heads, kv_heads)
    grouped = torch.reshape(q, [batch, kv_heads, groups * t, d])
    scores = torch.matmul(grouped, torch.transpose(k, -1, -2))
    scores = torch.add_(torch.reshape(scores, [batch, kv_heads, groups, t, k.size(2)]), torch.unsqueeze(bias, 2))
    probabilities = torch.reshape(torch.softmax(scores, -1), [batch, kv_heads, groups * t, k.size(2)])
    return torch.reshape(torch.matmul(probabilities, v), [batch, heads, t, d])
  # One decode step of a LLaMA without biases or per-head norms: every layer and the head on each row's newest
  # column, its rotated key and value written in place at `column` of each layer's (B, H_kv, capacity, d) cache.
  # The rotary tables (B, 1, capacity, d) and the bias (B, 1, 1, capacity) cover every column of the batch and are
  # sliced here, so that a step's only new input is its ids. Attention is PyTorch's fused kernel, each group's G
  # query heads as G rows against their one key/value head (the bias is the same for every query row).
  # weights: the embedding; per layer input norm, q, k, v, o, post-attention norm, gate, up, down; the final norm
  # and the head. The eager path's operations but for attention (there its own `attention` above), so the same
  # logits up to float rounding.
  def decode_step(self: __torch__.Kernels, ids: Tensor, column: int, cos: Tensor, sin_signed: Tensor, query_cos: Tensor, query_sin_signed: Tensor, bias: Tensor, weights: List[Tensor], keys: List[Tensor], values: List[Tensor], heads: int, kv_heads: int, eps: float) -> Tensor:
    batch = ids.size(0)
    d = cos.size(-1)
    groups = torch.floordiv(heads, kv_heads)
    key_cos = cos[:, :, column:column + 1]
    key_sin = sin_signed[:, :, column:column + 1]
    q_cos = query_cos[:, :, column:column + 1]
    q_sin = query_sin_signed[:, :, column:column + 1]
    visible = bias[:, :, :, :column + 1]
    x = torch.embedding(weights[0], ids)
    for layer in range(len(keys)):
      w = 1 + 9 * layer
      h = self.rms_norm(x, weights[w], eps)
      q = torch.transpose(torch.reshape(torch.linear(h, weights[w + 1]), [batch, 1, heads, d]), 1, 2)
      k = torch.transpose(torch.reshape(torch.linear(h, weights[w + 2]), [batch, 1, kv_heads, d]), 1, 2)
      v = torch.transpose(torch.reshape(torch.linear(h, weights[w + 3]), [batch, 1, kv_heads, d]), 1, 2)
      q = torch.reshape(self.rotate(q, q_cos, q_sin), [batch, kv_heads, groups, d])
      key_cache = keys[layer]
      value_cache = values[layer]
      key_cache[:, :, column:column + 1] = self.rotate(k, key_cos, key_sin)
      value_cache[:, :, column:column + 1] = v
      a = torch.scaled_dot_product_attention(q, key_cache[:, :, :column + 1], value_cache[:, :, :column + 1], visible, 0., False, scale=1.)
      x = torch.add(torch.linear(torch.reshape(a, [batch, 1, heads * d]), weights[w + 4]), x)
      h = self.rms_norm(x, weights[w + 5], eps)
      up = self.silu_mul(torch.linear(h, weights[w + 6]), torch.linear(h, weights[w + 7]))
      x = torch.add(torch.linear(up, weights[w + 8]), x)
    last = len(weights)
    return torch.squeeze(torch.linear(self.rms_norm(x, weights[last - 2], eps), weights[last - 1]), 1)
  # One draw per row from (R, V) logits, with the Hugging Face warper order of dev.sppo.sampling.TokenChooser, in
  # float64: z = logits / T; top-k keeps z >= the k-th largest (ties kept); p = softmax(z); top-p sorts p ascending
  # (stable) and drops the tokens whose cumulative probability is <= 1 - top_p, the most likely always kept, then
  # renormalises; the token is the first whose cumulative probability exceeds the row's uniform u (the last token
  # kept when rounding leaves u past the total). Returns the tokens (R,) and their untempered log-probs (R,), the
  # latter as z_t - logsumexp(z) without the whole log-softmax.
  def sample_tokens(self: __torch__.Kernels, logits: Tensor, uniforms: Tensor, temperature: float, top_k: int, top_p: float) -> List[Tensor]:
    wide = torch.to(logits, 7, False, False, None)
    z = torch.div(wide, temperature)
    vocab = z.size(-1)
    if top_k > 0 and top_k < vocab:
      kth = torch.narrow(torch.topk(z, top_k, -1)[0], -1, top_k - 1, 1)
      z = torch.masked_fill(z, torch.lt(z, kth), -inf)
    p = torch.softmax(z, -1)
    if top_p < 1.:
      ascending, order = torch.sort(p, stable=True, dim=-1, descending=False)
      drop = torch.le(torch.cumsum(ascending, -1), 1. - top_p)
      drop[:, vocab - 1] = False
      p = torch.scatter(p, -1, order, torch.masked_fill(ascending, drop, 0.))
      p = torch.div(p, torch.sum(p, [-1], True))
    token = torch.searchsorted(torch.cumsum(p, -1), torch.unsqueeze(uniforms, -1), right=True)
    if bool(torch.any(torch.ge(token, vocab))):
      kept = torch.to(torch.flip(torch.gt(p, 0.), [-1]), 3, False, False, None)
      token = torch.minimum(token, torch.sub(vocab - 1, torch.argmax(kept, -1, True)))
    logprob = torch.sub(torch.gather(wide, -1, token), torch.logsumexp(wide, [-1], True))
    return [torch.squeeze(token, -1), torch.squeeze(logprob, -1)]
  # RMSNorm as dev.sppo.model.RmsNorm computes it: x / sqrt(|x|^2 / D + eps) * g.
  def rms_norm(self: __torch__.Kernels, x: Tensor, weight: Tensor, eps: float) -> Tensor:
    mean_square = torch.mul(torch.square(torch.linalg_vector_norm(x, 2., [-1], True)), 1. / x.size(-1))
    inverse = torch.reciprocal(torch.sqrt(torch.add(mean_square, eps)))
    return torch.mul(torch.mul(x, inverse), weight)
  # x.to(torch.bfloat16) (dtype 15), rounding to nearest even: DJL 0.36 cannot name bfloat16 to the engine.
  def to_bfloat16(self: __torch__.Kernels, x: Tensor) -> Tensor:
    return torch.to(x, 15, False, False, None)
  # x W^T for a weight held in half precision, computed in it: x rounded to W's dtype, the product accumulated in
  # float32 by the CPU kernel (oneDNN), the result widened to float32. Autograd keeps W itself for the backward
  # pass, not a float32 copy of it.
  def half_linear(self: __torch__.Kernels, x: Tensor, w: Tensor) -> Tensor:
    return torch.to(torch.linear(torch.to(x, ops.prim.dtype(w), False, False, None), w), 6, False, False, None)
  # torch.optim.AdamW(fused=True): one multi-tensor kernel over every parameter; steps are counted first.
  def adamw(self: __torch__.Kernels, weights: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], steps: List[Tensor], lr: float, beta1: float, beta2: float, weight_decay: float, eps: float) -> None:
    torch._foreach_add_(steps, 1.)
    torch._fused_adamw_(weights, grads, exp_avgs, exp_avg_sqs, annotate(List[Tensor], []), steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False)
  # torch.autograd.grad: d(sum(outputs * grad_outputs))/d inputs, nothing accumulated; zeros for inputs not reached.
  def gradients(self: __torch__.Kernels, outputs: Tensor, grad_outputs: Tensor, inputs: List[Tensor]) -> List[Tensor]:
    upstream = annotate(List[Optional[Tensor]], [grad_outputs])
    found = torch.autograd.grad([outputs], inputs, upstream, None, False, True)
    result = annotate(List[Tensor], [])
    for i in range(len(inputs)):
      g = found[i]
      if g is None:
        result.append(torch.zeros_like(inputs[i]))
      else:
        result.append(g)
    return result
  # leaves[i].grad += grads[i], as a backward pass accumulates into leaf tensors (a missing grad is set).
  def accumulate_grad(self: __torch__.Kernels, leaves: List[Tensor], grads: List[Tensor]) -> None:
    upstream = annotate(List[Optional[Tensor]], [])
    for g in grads:
      upstream.append(g)
    torch.autograd.backward(leaves, upstream)
  def zero_(self: __torch__.Kernels, tensors: List[Tensor]) -> None:
    torch._foreach_zero_(tensors)
  # sqrt(sum over tensors of ||t||^2), as torch.nn.utils.clip_grad_norm_ computes it.
  def global_norm(self: __torch__.Kernels, tensors: List[Tensor]) -> Tensor:
    return torch.linalg_vector_norm(torch.stack(torch._foreach_norm(tensors, 2.)), 2.)
  def scale_(self: __torch__.Kernels, tensors: List[Tensor], factor: float) -> None:
    torch._foreach_mul_(tensors, factor)
