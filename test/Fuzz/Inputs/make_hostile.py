"""Writes a corpus of hostile ONNX models into OUTPUT_DIR/{reject,mutant}.

reject/: each file carries one defect that ghostc must reject with an error
and exit status 1: zero, negative or huge strides, kernels, dilations and
pads; group counts that do not divide the channels; a 2^40-element tensor;
an opset from the future; string-typed inputs; duplicate names; a node
reading its own output; no outputs; attributes that make a result absurdly
large.

mutant/: a small valid model (Conv, Relu, MaxPool, Gemm), truncated at many
offsets and with single bits flipped at many places (seeded, so the corpus
is the same every run). Some mutants are still valid models; ghostc must
either compile them or reject them, never crash or hang.

    make_hostile.py OUTPUT_DIR
"""

import random
import sys
from pathlib import Path

import numpy as np
from onnx import TensorProto, helper, numpy_helper


def model(nodes, initializers=(), inputs=None, outputs=None, opset=13):
    inputs = inputs or [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4, 8, 8])]
    outputs = outputs if outputs is not None else [
        helper.make_tensor_value_info("y", TensorProto.FLOAT, None)]
    graph = helper.make_graph(nodes, "g", inputs, outputs, list(initializers))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def weight(shape, name="w"):
    return numpy_helper.from_array(np.ones(shape, np.float32), name)


def empty_tensor(name, dims):
    """A float tensor whose dims promise data it does not hold."""
    t = TensorProto()
    t.name, t.data_type = name, TensorProto.FLOAT
    t.dims.extend(dims)
    return t


def conv(**attributes):
    return model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv0", **attributes)],
                 [weight((4, 4, 3, 3))])


def pool(op, **attributes):
    return model([helper.make_node(op, ["x"], ["y"], name="pool0", **attributes)])


def rejected():
    """(name, ModelProto or bytes) of models that must be rejected."""
    yield "conv-stride-zero", conv(strides=[0, 1])
    yield "conv-stride-negative", conv(strides=[-1, 1])
    yield "conv-dilation-zero", conv(dilations=[0, 1])
    yield "conv-dilation-negative", conv(dilations=[1, -2])
    yield "conv-dilation-huge", conv(dilations=[1 << 40, 1])
    yield "conv-pads-negative", conv(pads=[-1, 0, 0, 0])
    yield "conv-pads-huge", conv(pads=[1 << 40, 0, 0, 0])
    yield "conv-kernel-shape-mismatch", conv(kernel_shape=[5, 5])
    yield "conv-kernel-larger-than-input", model(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv0")], [weight((4, 4, 9, 9))])
    yield "conv-kernel-zero", model(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv0")], [weight((4, 4, 0, 3))])
    yield "conv-group-not-dividing", model(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv0", group=3)],
        [weight((3, 1, 3, 3))])
    yield "conv-group-zero", conv(group=0)
    yield "conv-group-negative", conv(group=-4)
    yield "conv-rank-1-weight", model(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv0")], [weight((4,))])
    yield "maxpool-kernel-zero", pool("MaxPool", kernel_shape=[0, 2])
    yield "maxpool-kernel-negative", pool("MaxPool", kernel_shape=[-2, 2])
    yield "maxpool-kernel-huge", pool("MaxPool", kernel_shape=[1 << 40, 2])
    yield "maxpool-stride-zero", pool("MaxPool", kernel_shape=[2, 2], strides=[0, 0])
    yield "averagepool-kernel-missing", pool("AveragePool")
    yield "tensor-2-pow-40", model(
        [helper.make_node("Add", ["x", "big"], ["y"], name="add0")],
        [empty_tensor("big", [1 << 20, 1 << 20])])
    yield "input-2-pow-40", model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu0")],
        inputs=[helper.make_tensor_value_info("x", TensorProto.FLOAT, [1 << 20, 1 << 20])])
    yield "opset-from-the-future", model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu0")], opset=99)
    yield "string-input", model(
        [helper.make_node("Identity", ["x"], ["y"], name="id0")],
        inputs=[helper.make_tensor_value_info("x", TensorProto.STRING, [1, 4])])
    yield "duplicate-node-outputs", model([
        helper.make_node("Relu", ["x"], ["y"], name="relu0"),
        helper.make_node("Sigmoid", ["x"], ["y"], name="sigmoid0")])
    yield "duplicate-initializers", model(
        [helper.make_node("Add", ["x", "b"], ["y"], name="add0")],
        [weight((1, 4, 8, 8), "b"), weight((1, 4, 1, 1), "b")])
    yield "input-named-like-output-of-node", model(
        [helper.make_node("Relu", ["x"], ["x"], name="relu0")],
        outputs=[helper.make_tensor_value_info("x", TensorProto.FLOAT, None)])
    yield "self-loop", model([helper.make_node("Add", ["x", "y"], ["y"], name="add0")])
    yield "no-outputs", model([helper.make_node("Relu", ["x"], ["y"], name="relu0")], outputs=[])
    yield "gemm-shape-mismatch", model(
        [helper.make_node("Flatten", ["x"], ["f"], name="flat0"),
         helper.make_node("Gemm", ["f", "w"], ["y"], name="gemm0", transB=1)],
        [weight((10, 7))])
    yield "reshape-two-minus-ones", model(
        [helper.make_node("Reshape", ["x", "s"], ["y"], name="reshape0")],
        [numpy_helper.from_array(np.array([-1, -1], np.int64), "s")])
    yield "reshape-count-mismatch", model(
        [helper.make_node("Reshape", ["x", "s"], ["y"], name="reshape0")],
        [numpy_helper.from_array(np.array([3, 100], np.int64), "s")])
    yield "concat-axis-out-of-range", model(
        [helper.make_node("Concat", ["x", "x"], ["y"], name="concat0", axis=9)])
    yield "unknown-operator", model([helper.make_node("NoSuchOp", ["x"], ["y"], name="what0")])


def base_model():
    """A small valid model for the mutants."""
    rng = np.random.default_rng(3)
    inits = [
        numpy_helper.from_array(rng.standard_normal((8, 4, 3, 3)).astype(np.float32), "w"),
        numpy_helper.from_array(rng.standard_normal(8).astype(np.float32), "b"),
        numpy_helper.from_array(rng.standard_normal((5, 8)).astype(np.float32), "fc"),
    ]
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv0", pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c"], ["r"], name="relu0"),
        helper.make_node("MaxPool", ["r"], ["p"], name="pool0", kernel_shape=[2, 2],
                         strides=[2, 2]),
        helper.make_node("GlobalAveragePool", ["p"], ["g"], name="gap0"),
        helper.make_node("Flatten", ["g"], ["f"], name="flat0"),
        helper.make_node("Gemm", ["f", "fc"], ["y"], name="gemm0", transB=1),
    ]
    return model(nodes, inits)


def main():
    out = Path(sys.argv[1])
    (out / "reject").mkdir(parents=True, exist_ok=True)
    (out / "mutant").mkdir(parents=True, exist_ok=True)
    for name, proto in rejected():
        (out / "reject" / f"{name}.onnx").write_bytes(proto.SerializeToString())
    data = base_model().SerializeToString()
    (out / "mutant" / "base.onnx").write_bytes(data)
    rng = random.Random(2026)
    for offset in sorted(set(rng.randrange(1, len(data)) for _ in range(40))):
        (out / "mutant" / f"truncated-{offset}.onnx").write_bytes(data[:offset])
    for i in range(80):
        flipped = bytearray(data)
        position = rng.randrange(len(data))
        flipped[position] ^= 1 << rng.randrange(8)
        (out / "mutant" / f"bitflip-{i}-{position}.onnx").write_bytes(bytes(flipped))


if __name__ == "__main__":
    main()
