#!/usr/bin/env python3
"""Writes hostile ONNX files for the importer's robustness tests.

Usage: make_malformed.py OUTPUT_DIR

Each file is named after the defect it carries; malformed.test runs ghostc on
every one and expects a clear error and exit status 1, never a crash.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def small_model(nodes, initializers=(), inputs=None, outputs=None, opset=13):
    """A one-input, one-output float model around `nodes`."""
    inputs = inputs or [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 4, 4])]
    outputs = outputs or [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)]
    graph = helper.make_graph(nodes, "g", inputs, outputs, list(initializers))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def conv_model(weight):
    return small_model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv0")],
                       [weight])


def tensor(name, data_type, dims, floats=()):
    """A TensorProto built by hand, so that it may contradict itself."""
    t = TensorProto()
    t.name, t.data_type = name, data_type
    t.dims.extend(dims)
    t.float_data.extend(floats)
    return t


def good_weight():
    return numpy_helper.from_array(np.ones((3, 2, 1, 1), np.float32), "w")


def write(directory, name, data):
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def main(directory):
    os.makedirs(directory, exist_ok=True)
    valid = conv_model(good_weight()).SerializeToString()

    write(directory, "empty.onnx", b"")
    write(directory, "valid.onnx", valid)
    write(directory, "truncated.onnx", valid[: len(valid) // 2])
    write(directory, "garbage.onnx", bytes(range(256)) * 8)
    write(directory, "text-not-onnx.onnxtxt", b"this is not ONNX text {")
    # A number the text parser hands to std::stol, which throws (found by
    # scripts/fuzz.sh).
    write(directory, "text-bad-number.onnxtxt",
          b'<ir_version: 8, opset_import: ["" : 15]>\n'
          b"g (float[2, 3] x) => (int64[1] s) {\n  s = Shape <start = -> (x)\n}\n")

    # Raw data shorter than the dims say.
    short = good_weight()
    short.raw_data = short.raw_data[:-4]
    write(directory, "raw-data-short.onnx", conv_model(short).SerializeToString())

    # Typed data longer than the dims say.
    long = tensor("w", TensorProto.FLOAT, [3, 2, 1, 1], [1.0] * 7)
    write(directory, "typed-data-long.onnx", conv_model(long).SerializeToString())

    # Absurd dims with almost no data: must not allocate.
    absurd = tensor("w", TensorProto.FLOAT, [1 << 40, 1 << 40, 1, 1])
    write(directory, "absurd-dims.onnx", conv_model(absurd).SerializeToString())
    negative = tensor("w", TensorProto.FLOAT, [3, -2, 1, 1])
    write(directory, "negative-dims.onnx", conv_model(negative).SerializeToString())
    huge_input = small_model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu0")],
        inputs=[helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1 << 20, 1 << 20, 64])])
    write(directory, "absurd-input.onnx", huge_input.SerializeToString())

    # Weight whose shape does not match the input's channels.
    mismatch = numpy_helper.from_array(np.ones((3, 5, 1, 1), np.float32), "w")
    write(directory, "shape-mismatch.onnx", conv_model(mismatch).SerializeToString())

    # A node input that nothing defines (missing initializer).
    write(directory, "missing-initializer.onnx", conv_model_without_weight())

    # Two nodes feeding each other.
    cycle = small_model([
        helper.make_node("Add", ["x", "b"], ["a"], name="add_a"),
        helper.make_node("Relu", ["a"], ["b"], name="relu_b"),
        helper.make_node("Relu", ["a"], ["y"], name="relu_y"),
    ])
    write(directory, "cycle.onnx", cycle.SerializeToString())

    # A graph output that no node produces.
    orphan = small_model([helper.make_node("Relu", ["x"], ["r"], name="relu0")])
    write(directory, "orphan-output.onnx", orphan.SerializeToString())

    # Unsupported data type in an initializer.
    strings = tensor("w", TensorProto.STRING, [1])
    strings.string_data.append(b"a")
    write(directory, "string-initializer.onnx", conv_model(strings).SerializeToString())

    # External data: escaping the model's folder, missing, out of range.
    for name, location, offset, length in [
        ("external-escape.onnx", "../outside.bin", 0, 24),
        ("external-absolute.onnx", "/etc/passwd", 0, 24),
        ("external-missing.onnx", "missing.bin", 0, 24),
        ("external-range.onnx", "weights.bin", 16, 24),
    ]:
        weight = tensor("w", TensorProto.FLOAT, [3, 2, 1, 1])
        weight.data_location = TensorProto.EXTERNAL
        for key, value in (("location", location), ("offset", str(offset)),
                           ("length", str(length))):
            entry = weight.external_data.add()
            entry.key, entry.value = key, value
        write(directory, name, conv_model(weight).SerializeToString())
    write(directory, "weights.bin", np.ones(6, np.float32).tobytes())
    write(os.path.join(directory, ".."), "outside.bin", np.ones(6, np.float32).tobytes())


def conv_model_without_weight():
    return small_model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv0")]).SerializeToString()


if __name__ == "__main__":
    main(sys.argv[1])
