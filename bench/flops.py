"""GFLOP of one batch-1 inference of an ONNX model: two per multiply-add of
its convolutions (including depthwise and grouped ones) and its Gemm and
MatMul nodes, from ONNX's own shape inference; the element-wise ops, pooling
and the rest are left out (the usual count, about 0.3 GFLOP for GhostNet
1.0x). A symbolic or unknown batch dimension of the inputs is taken as 1.

    /usr/bin/python3 bench/flops.py model.onnx      # prints e.g. 0.296
"""

import sys

import onnx
from onnx import shape_inference


def _dims(value_info):
    shape = value_info.type.tensor_type.shape
    return [d.dim_value if d.HasField("dim_value") else None for d in shape.dim]


def flops(path):
    model = onnx.load(path, load_external_data=False)
    initializers = {t.name for t in model.graph.initializer}
    for graph_input in model.graph.input:
        if graph_input.name in initializers:
            continue
        dims = graph_input.type.tensor_type.shape.dim
        if dims and not dims[0].HasField("dim_value"):
            dims[0].dim_value = 1
    model = shape_inference.infer_shapes(model)
    shapes = {}
    for info in list(model.graph.value_info) + list(model.graph.input) + \
            list(model.graph.output):
        shapes[info.name] = _dims(info)
    for tensor in model.graph.initializer:
        shapes[tensor.name] = list(tensor.dims)

    def known(name):
        shape = shapes.get(name)
        if shape is None or None in shape:
            raise SystemExit(f"flops: no static shape for '{name}' in {path}")
        return shape

    def product(values):
        result = 1
        for value in values:
            result *= value
        return result

    total = 0
    for node in model.graph.node:
        if node.op_type == "Conv":
            weight = known(node.input[1])  # [F, C / group, kh, kw...]
            total += 2 * product(known(node.output[0])) * product(weight[1:])
        elif node.op_type == "Gemm":
            a = known(node.input[0])
            trans_a = any(a_.name == "transA" and a_.i for a_ in node.attribute)
            inner = a[0] if trans_a else a[1]
            total += 2 * product(known(node.output[0])) * inner
        elif node.op_type == "MatMul":
            inner = known(node.input[0])[-1]
            total += 2 * product(known(node.output[0])) * inner
    return total * 1e-9


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: flops.py MODEL.onnx")
    print(f"{flops(sys.argv[1]):.3f}")
