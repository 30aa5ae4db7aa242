"""Writes a model whose weights are large enough to be resource blobs.

Usage: make_weights.py OUT.onnx

A 3x3 convolution 32 -> 48 with BatchNorm (13,824 weights: folded, then
packed for the channel kernel), global average pooling and a Linear layer
48 -> 40 (1,920 weights, transposed at compile time). The weights are k/4096
for their k-th element, so that their first bytes are known; BatchNorm
halves them (variance 4, epsilon 0).
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def ramp(shape):
    return (np.arange(np.prod(shape), dtype=np.float32) / 4096).reshape(shape)


inits = [numpy_helper.from_array(ramp((48, 32, 3, 3)), "conv.weight"),
         numpy_helper.from_array(ramp((40, 48)), "fc.weight"),
         numpy_helper.from_array(np.ones(40, np.float32), "fc.bias")]
for name, value in (("s", 1.0), ("b", 0.5), ("m", 0.0), ("v", 4.0)):
    inits.append(numpy_helper.from_array(np.full(48, value, np.float32),
                                         "bn." + name))
nodes = [
    helper.make_node("Conv", ["x", "conv.weight"], ["c"], pads=[1, 1, 1, 1]),
    helper.make_node("BatchNormalization",
                     ["c", "bn.s", "bn.b", "bn.m", "bn.v"], ["n"],
                     epsilon=0.0),
    helper.make_node("GlobalAveragePool", ["n"], ["p"]),
    helper.make_node("Flatten", ["p"], ["f"]),
    helper.make_node("Gemm", ["f", "fc.weight", "fc.bias"], ["y"], transB=1),
]
graph = helper.make_graph(
    nodes, "weights",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 32, 16, 16])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 40])], inits)
onnx.save(helper.make_model(graph,
                            opset_imports=[helper.make_opsetid("", 17)]),
          sys.argv[1])
