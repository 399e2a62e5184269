"""Greedy decoding side by side: `sppo bench --decode` of one or more launcher jars and the PyTorch eager reference
(pytorch_decode_reference.py), in turns, ROUNDS times, at batch 1 and 64.

Every engine reports the steady state over positions 200..400, B (N2 - N1) / (t(N2) - t(N1)), measured inside its
own process after a warm-up, by the wall clock and by the decoding thread's CPU time (one intra-op thread: the CPU
time leaves out the waits for a core on a shared machine). Each round runs every engine once per batch, so the
per-round ratios to PyTorch compare runs made seconds apart. Prints `uptime` before and after.

MODEL_DIR is a model of the bench's shape for the PyTorch side (`sppo init --config` with vocab 256, hidden 256,
intermediate 688, 4 layers, 8 heads, 512 positions, tied); the jars decode random weights of the same shape.

Not part of the build. Usage (one intra-op thread each, as `SPPO_THREADS=1 ./sppo`):
    python docs/bench/decode_side_by_side.py MODEL_DIR ROUNDS NAME=JAR [NAME=JAR ...]
"""
import os, re, statistics, subprocess, sys

N1, N2, BATCHES, REFERENCE = 200, 400, (1, 64), "pytorch eager"
HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, OMP_NUM_THREADS="1", GLIBC_TUNABLES="glibc.malloc.mmap_threshold=33554432:"
           "glibc.malloc.trim_threshold=1073741824:glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1")


def jar_rates(jar, batch):
    cmd = ["java", "-Xmx2g", "-XX:+UseSerialGC", "-Dai.djl.pytorch.num_threads=1",
           "-Dai.djl.pytorch.num_interop_threads=1", "-jar", jar, "bench", "--decode", "--batch", str(batch),
           "--rounds", "3"]
    out = subprocess.run(cmd, env=ENV, capture_output=True, text=True, check=True).stdout
    wall, cpu = re.search(rf"\| {batch} \| ([\d,.-]+) \| ([\d,.-]+) \|", out).groups()
    return float(wall.replace(",", "")), float(cpu.replace(",", ""))


def torch_rates(model, batch):
    out = subprocess.run([sys.executable, f"{HERE}/pytorch_decode_reference.py", model, str(batch), str(N1),
                          str(N2), "3"], env=ENV, capture_output=True, text=True, check=True).stdout
    return tuple(float(x) for x in re.search(r"([\d.-]+) tokens/s \(wall clock\), ([\d.-]+) tokens/s", out).groups())


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main():
    model, rounds, jars = sys.argv[1], int(sys.argv[2]), [a.split("=", 1) for a in sys.argv[3:]]
    names = [n for n, _ in jars] + [REFERENCE]
    print("before:", uptime())
    rates = {(n, b): [] for b in BATCHES for n in names}
    for r in range(rounds):
        for b in BATCHES:
            for name, jar in jars:
                rates[(name, b)].append(jar_rates(jar, b))
            rates[(REFERENCE, b)].append(torch_rates(model, b))
            print(f"round {r + 1} batch {b} ({uptime().split('load ')[-1]}): " + ", ".join(
                f"{n} {rates[(n, b)][-1][0]:.0f} wall / {rates[(n, b)][-1][1]:.0f} cpu" for n in names), flush=True)
    print("after:", uptime())
    print("\n| engine | batch | tokens/s wall, median (min-max) | tokens/s CPU, median (min-max) "
          "| ÷ PyTorch eager, wall | ÷ PyTorch eager, CPU |")
    print("|---|---:|---:|---:|---:|---:|")
    for b in BATCHES:
        ref = rates[(REFERENCE, b)]
        for name in names:
            v = rates[(name, b)]
            cells = []
            for i in (0, 1):
                xs = [x[i] for x in v]
                cells.append(f"{statistics.median(xs):,.0f} ({min(xs):,.0f}-{max(xs):,.0f})")
            for i in (0, 1):
                ratios = [x[i] / y[i] for x, y in zip(v, ref)]
                cells.append(f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
            print(f"| {name} | {b} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
