"""ghostc.compile: compile ONNX models from Python and run them on NumPy arrays."""

from __future__ import annotations

import threading

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

import ghostc
from ghostc.export import export, random_input, reference
from ghostc.models import build


def affine_relu_model(scale: np.ndarray, shape=(2, 3, 5, 5)) -> onnx.ModelProto:
    """relu(x * scale + 1) with a per-channel scale: small enough to check by hand."""
    nodes = [
        helper.make_node("Mul", ["x", "scale"], ["scaled"], name="mul"),
        helper.make_node("Add", ["scaled", "one"], ["shifted"], name="add"),
        helper.make_node("Relu", ["shifted"], ["y"], name="relu"),
    ]
    graph = helper.make_graph(
        nodes, "affine",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(shape))],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        [numpy_helper.from_array(scale, "scale"),
         numpy_helper.from_array(np.array(1.0, np.float32), "one")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


@pytest.fixture(scope="module")
def affine() -> ghostc.CompiledModel:
    scale = np.array([1.0, -2.0, 0.5], np.float32).reshape(3, 1, 1)
    return ghostc.compile(affine_relu_model(scale))


def test_runs_an_in_memory_model(affine):
    x = np.random.default_rng(0).standard_normal((2, 3, 5, 5), dtype=np.float32)
    scale = np.array([1.0, -2.0, 0.5], np.float32).reshape(3, 1, 1)
    (y,) = affine(x)
    np.testing.assert_allclose(y, np.maximum(x * scale + 1, 0), rtol=1e-6)


def test_exposes_metadata(affine):
    assert [(t.name, t.shape, t.dtype) for t in affine.inputs] == [
        ("x", (2, 3, 5, 5), np.dtype(np.float32))]
    assert [(t.name, t.shape) for t in affine.outputs] == [("y", (2, 3, 5, 5))]
    assert affine.workspace_size >= 0
    assert "x[2, 3, 5, 5]" in repr(affine)


def test_rejects_bad_inputs(affine):
    good = np.zeros((2, 3, 5, 5), np.float32)
    with pytest.raises(ValueError, match=r"input 0 \('x'\) must have shape \(2, 3, 5, 5\)"):
        affine(np.zeros((1, 3, 5, 5), np.float32))
    with pytest.raises(TypeError, match=r"must have dtype float32, got float64"):
        affine(good.astype(np.float64))
    with pytest.raises(TypeError, match=r"takes 1 input\(s\), got 2"):
        affine(good, good)
    with pytest.raises(TypeError, match=r"must be a numpy.ndarray, got list"):
        affine([0.0])


def test_accepts_non_contiguous_input(affine):
    x = np.random.default_rng(1).standard_normal((5, 5, 3, 2), dtype=np.float32)
    view = x.transpose(3, 2, 1, 0)
    (y,) = affine(view)
    scale = np.array([1.0, -2.0, 0.5], np.float32).reshape(3, 1, 1)
    np.testing.assert_allclose(y, np.maximum(view * scale + 1, 0), rtol=1e-6)


def test_reports_ghostc_errors(tmp_path):
    node = helper.make_node("Einsum", ["x"], ["y"], name="the_einsum", equation="ii->i")
    graph = helper.make_graph(
        [node], "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    with pytest.raises(ghostc.GhostcError,
                       match=r"node 'the_einsum' \(Einsum\): unsupported operator 'Einsum'"):
        ghostc.compile(model)


def test_rejects_bad_arguments(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such model file"):
        ghostc.compile(tmp_path / "missing.onnx")
    model = affine_relu_model(np.ones((3, 1, 1), np.float32))
    with pytest.raises(ValueError, match="opt must be"):
        ghostc.compile(model, opt=4)
    with pytest.raises(ValueError, match="batch must be a positive integer"):
        ghostc.compile(model, batch=0)
    with pytest.raises(ValueError, match="cross-compile with the ghostc executable"):
        ghostc.compile(model, mtriple="aarch64-linux-gnu")
    with pytest.raises(TypeError, match="must be a path or an onnx.ModelProto"):
        ghostc.compile(42)


def test_binds_a_dynamic_batch(tmp_path):
    model = affine_relu_model(np.ones((3, 1, 1), np.float32), shape=("N", 3, 5, 5))
    path = tmp_path / "dynamic.onnx"
    onnx.save_model(model, str(path))
    compiled = ghostc.compile(path, batch=4)
    assert compiled.inputs[0].shape == (4, 3, 5, 5)
    compiled = ghostc.compile(path, N=2)
    assert compiled.inputs[0].shape == (2, 3, 5, 5)


@pytest.fixture(scope="module")
def small_ghostnet(tmp_path_factory):
    """GhostNet 0.5x on 64x64 images, its compiled form and PyTorch's output."""
    torch_model = build("ghostnet", width=0.5)
    path = tmp_path_factory.mktemp("zoo") / "ghostnet.onnx"
    export(torch_model, path, input_size=64)
    x = random_input(1, 64, seed=3)
    return ghostc.compile(path), x, reference(torch_model, x)


def test_zoo_model_matches_pytorch(small_ghostnet):
    compiled, x, expected = small_ghostnet
    (logits,) = compiled(x)
    assert np.abs(logits - expected).max() <= 1e-4 * np.abs(expected).max()
    assert logits.argmax() == expected.argmax()


def test_models_run_concurrently(small_ghostnet, affine):
    compiled, x, expected = small_ghostnet
    results = {}

    def work(key, model, array):
        results[key] = model(array)[0]

    ones = np.ones((2, 3, 5, 5), np.float32)
    threads = [threading.Thread(target=work, args=(i, compiled, x)) for i in range(3)]
    threads.append(threading.Thread(target=work, args=("affine", affine, ones)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(3):
        np.testing.assert_array_equal(results[i], results[0])
    assert np.abs(results[0] - expected).max() <= 1e-4 * np.abs(expected).max()
