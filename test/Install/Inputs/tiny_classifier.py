"""Writes a small image classifier (Conv, Relu, GlobalAveragePool, Flatten,
Gemm; 10 classes, 3x32x32 input) as ONNX, and a 40x30 PPM image: enough for
examples/classify, far quicker to compile than GhostNet.

    tiny_classifier.py MODEL.onnx IMAGE.ppm
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(7)
w = numpy_helper.from_array(rng.standard_normal((8, 3, 3, 3)).astype(np.float32), "w")
b = numpy_helper.from_array(rng.standard_normal(8).astype(np.float32), "b")
fc = numpy_helper.from_array(rng.standard_normal((10, 8)).astype(np.float32), "fc")
fc_b = numpy_helper.from_array(np.arange(10, dtype=np.float32) * 0.1, "fc_b")
nodes = [
    helper.make_node("Conv", ["input", "w", "b"], ["conv"], pads=[1, 1, 1, 1]),
    helper.make_node("Relu", ["conv"], ["relu"]),
    helper.make_node("GlobalAveragePool", ["relu"], ["pool"]),
    helper.make_node("Flatten", ["pool"], ["flat"]),
    helper.make_node("Gemm", ["flat", "fc", "fc_b"], ["logits"], transB=1),
]
graph = helper.make_graph(
    nodes, "tiny",
    [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 32, 32])],
    [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])],
    [w, b, fc, fc_b])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
onnx.checker.check_model(model)
onnx.save(model, sys.argv[1])

h, width = 30, 40
y, x = np.mgrid[0:h, 0:width]
rgb = np.stack([x * 255 // width, y * 255 // h, (x + y) * 4 % 256], -1).astype(np.uint8)
with open(sys.argv[2], "wb") as f:
    f.write(b"P6\n%d %d\n255\n" % (width, h))
    f.write(rgb.tobytes())
