"""GFLOP of one inference of an ONNX model at the shapes ghostc resolves:
two per multiply-add of its convolutions (dense, grouped, depthwise), Gemm
and MatMul nodes; element-wise ops, pooling and the rest are left out (the
usual count: about 0.28 GFLOP for GhostNet 1.0x at 224x224). The shapes
come from `ghostc --emit=import`, the ONNX graph as imported, before any
fusion, every tensor with a static type (ONNX's own shape inference leaves
some unknown, after a channel shuffle's Reshape for one).

    /usr/bin/python3 bench/flops.py model.onnx [ghostc]    # prints e.g. 0.282
"""

import math
import re
import subprocess
import sys

_OP = re.compile(r"= ghost\.(conv|gemm|matmul) ")
_TENSOR = re.compile(r"tensor<([0-9x]+)xf32>")


def _shape(text):
    return [int(d) for d in text.split("x")]


def flops(path, ghostc="build/bin/ghostc"):
    imported = subprocess.run(
        [ghostc, path, "--emit=import", "--elide-weights", "-o", "-"],
        check=True, capture_output=True, text=True).stdout
    total = 0
    for line in imported.splitlines():
        op = _OP.search(line)
        if not op:
            continue
        # `... : (operand types) -> result type` ends the line.
        signature = line.rsplit(" : (", 1)[1]
        operands, result = signature.split(") -> ")
        operands = [_shape(t) for t in _TENSOR.findall(operands)]
        result = _shape(_TENSOR.findall(result)[0])
        if op.group(1) == "conv":
            # Weights [F, C / group, kh, kw...]: C / group * kh * kw terms
            # per output.
            total += 2 * math.prod(result) * math.prod(operands[1][1:])
        elif op.group(1) == "gemm":
            a = operands[0]
            total += 2 * math.prod(result) * (
                a[0] if "trans_a = true" in line else a[1])
        else:
            total += 2 * math.prod(result) * operands[0][-1]
    return total * 1e-9


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit("usage: flops.py MODEL.onnx [GHOSTC]")
    print(f"{flops(*sys.argv[1:]):.3f}")
