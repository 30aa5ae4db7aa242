"""Peak memory of ghostc against the size of a model's weights.

Usage: peak_memory.py GHOSTC WORKDIR

Writes two models of the same layers (convolutions with BatchNorm, whose
folding and packing make new weights, and Linear layers, whose weights are
transposed at compile time), one with 64 MiB of weights and one with about
1 MiB, compiles each to an object with --timing, and checks that the peak
memory grows by at most MAX_GROWTH times the difference of the weights.
Prints both peaks.
"""

import os
import re
import subprocess
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MIB = 1 << 20
# Each version of the weights is a blob freed after the pass that replaced
# it, so that at most two versions are alive at once: the one a pass reads
# and the one it writes (1.9 on this machine). Without the release after
# each pass it was 2.8; with the weights as uniqued dense attributes, more
# than 3 (the protobuf's, the decoded and the attribute's copy at import).
MAX_GROWTH = 2.25


def model(channels, features, path):
    """Four 3x3 convolutions of `channels` with BatchNorm and ReLU on a 4x4
    plane, then two Linear layers of `features`."""
    rng = np.random.default_rng(0)
    inits, nodes = [], []

    def weight(name, shape):
        inits.append(numpy_helper.from_array(
            rng.standard_normal(shape).astype(np.float32) * 0.01, name))
        return name

    x = "x"
    for i in range(4):
        w = weight(f"conv{i}.weight", (channels, channels, 3, 3))
        nodes.append(helper.make_node("Conv", [x, w], [f"c{i}"],
                                      pads=[1, 1, 1, 1]))
        bn = [weight(f"bn{i}.{p}", (channels,)) for p in ("s", "b", "m")]
        inits.append(numpy_helper.from_array(
            np.ones(channels, np.float32), f"bn{i}.v"))
        nodes.append(helper.make_node("BatchNormalization",
                                      [f"c{i}", *bn, f"bn{i}.v"], [f"n{i}"]))
        nodes.append(helper.make_node("Relu", [f"n{i}"], [f"r{i}"]))
        x = f"r{i}"
    nodes.append(helper.make_node("GlobalAveragePool", [x], ["p"]))
    nodes.append(helper.make_node("Flatten", ["p"], ["f"]))
    w = weight("fc0.weight", (features, channels))
    b = weight("fc0.bias", (features,))
    nodes.append(helper.make_node("Gemm", ["f", w, b], ["h"], transB=1))
    w = weight("fc1.weight", (features, features))
    b = weight("fc1.bias", (features,))
    nodes.append(helper.make_node("Gemm", ["h", w, b], ["y"], transB=1))
    graph = helper.make_graph(
        nodes, "weights",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                       [1, channels, 4, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT,
                                       [1, features])], inits)
    onnx.save(helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17)]), path)
    return sum(t.ByteSize() for t in inits)


def peak_mib(ghostc, path):
    result = subprocess.run([ghostc, path, "--timing", "-o",
                             path[:-len(".onnx")] + ".o"],
                            capture_output=True, text=True, check=True)
    return int(re.search(r"Peak memory: (\d+) MiB", result.stderr).group(1))


def main():
    ghostc, workdir = sys.argv[1:3]
    os.makedirs(workdir, exist_ok=True)
    small = model(32, 256, os.path.join(workdir, "small.onnx"))
    large = model(768, 2048, os.path.join(workdir, "large.onnx"))
    small_peak = peak_mib(ghostc, os.path.join(workdir, "small.onnx"))
    large_peak = peak_mib(ghostc, os.path.join(workdir, "large.onnx"))
    growth = (large_peak - small_peak) * MIB / (large - small)
    print(f"weights {small / MIB:.1f} MiB: peak {small_peak} MiB; "
          f"weights {large / MIB:.1f} MiB: peak {large_peak} MiB; "
          f"growth {growth:.2f} x the weights (at most {MAX_GROWTH})")
    if growth > MAX_GROWTH:
        sys.exit("peak memory grows faster than the weights")


if __name__ == "__main__":
    main()
