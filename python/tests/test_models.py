"""Tests of the GhostNet definitions and of their ONNX export.

Export tests use width 0.5 and 64x64 inputs: they are about the form of the
exported graph, which does not depend on the model's size.
"""

from __future__ import annotations

import collections
import functools
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch

from ghostc.export import export, external_data_path, main, random_input, reference
from ghostc.models import (
    ARCHS,
    TORCHVISION_ARCHS,
    GhostBottleneck,
    GhostModule,
    GhostModuleV2,
    GhostNet,
    SqueezeExcite,
    build,
    make_divisible,
)

SMALL_INPUT = 64


@functools.lru_cache(maxsize=None)
def cached_build(
    arch: str, width: float, gate: str = "relu6", pool: str = "adaptive"
) -> GhostNet:
    """:func:`build` with seed 0, shared by the tests, none of which changes it."""
    return build(arch, width, gate, pool)


def count(model: torch.nn.Module, cls: type) -> int:
    """How many submodules of ``model`` are instances of ``cls``."""
    return sum(isinstance(m, cls) for m in model.modules())


def op_types(path: Path) -> collections.Counter[str]:
    """How many nodes of each op type the ONNX file ``path`` has."""
    graph = onnx.load_model(str(path), load_external_data=False).graph
    return collections.Counter(node.op_type for node in graph.node)


def dims(value: onnx.ValueInfoProto) -> list[int | str]:
    """The shape of a graph input or output, symbolic dimensions by name."""
    return [
        d.dim_param if d.HasField("dim_param") else d.dim_value
        for d in value.type.tensor_type.shape.dim
    ]


def test_make_divisible() -> None:
    assert make_divisible(16 * 0.5) == 8
    assert make_divisible(16 * 1.3) == 20
    assert make_divisible(960 * 1.3) == 1248
    assert make_divisible(1) == 4  # never below the divisor
    assert make_divisible(10, 8) == 16  # rounding down to 8 would lose 20%
    assert make_divisible(3, 4, min_value=8) == 8


@pytest.mark.parametrize("width", [0.5, 1.0, 1.3])
def test_ghostnet_structure(width: float) -> None:
    model = cached_build("ghostnet", width)
    assert count(model, GhostBottleneck) == 16
    assert count(model, GhostModule) == 32
    assert count(model, GhostModuleV2) == 0
    assert count(model, SqueezeExcite) == 7


@pytest.mark.parametrize("width", [0.5, 1.0, 1.3])
def test_ghostnetv2_structure(width: float) -> None:
    model = cached_build("ghostnetv2", width)
    bottlenecks = [m for m in model.modules() if isinstance(m, GhostBottleneck)]
    assert len(bottlenecks) == 16
    # DFC attention in the first Ghost module of every bottleneck but the first two.
    assert [isinstance(b.ghost1, GhostModuleV2) for b in bottlenecks] == [False] * 2 + [True] * 14
    assert not any(isinstance(b.ghost2, GhostModuleV2) for b in bottlenecks)
    assert count(model, GhostModule) == 32
    assert count(model, SqueezeExcite) == 7


@pytest.mark.parametrize(
    ("arch", "width", "millions"),
    [
        ("ghostnet", 0.5, 2.6),
        ("ghostnet", 1.0, 5.2),
        ("ghostnet", 1.3, 7.3),
        ("ghostnetv2", 1.0, 6.1),
        ("ghostnetv2", 1.3, 8.9),
    ],
)
def test_parameter_counts_match_the_papers(arch: str, width: float, millions: float) -> None:
    params = sum(p.numel() for p in cached_build(arch, width).parameters())
    assert params / 1e6 == pytest.approx(millions, rel=0.02)


@pytest.mark.parametrize("arch", sorted(ARCHS))
@pytest.mark.parametrize("width", [0.5, 1.0, 1.3])
def test_forward_shape(arch: str, width: float) -> None:
    logits = reference(cached_build(arch, width), random_input(1, 224, seed=0))
    assert logits.shape == (1, 1000)
    assert logits.dtype == np.float32
    assert np.isfinite(logits).all()


@pytest.mark.parametrize("arch", sorted(ARCHS))
def test_build_is_deterministic_and_batchnorm_is_not_trivial(arch: str) -> None:
    model = cached_build(arch, 0.5)
    again = build(arch, 0.5).state_dict()
    other = build(arch, 0.5, seed=1).state_dict()
    for name, tensor in model.state_dict().items():
        assert torch.equal(tensor, again[name]), name
    assert not torch.equal(model.conv_stem.weight, other["conv_stem.weight"])

    norms = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    assert not model.training and not any(bn.training for bn in norms)
    for bn in norms:
        assert not torch.allclose(bn.running_mean, torch.zeros_like(bn.running_mean))
        assert not torch.allclose(bn.running_var, torch.ones_like(bn.running_var))
        assert (bn.running_var > 0).all()
        assert not torch.allclose(bn.weight, torch.ones_like(bn.weight))
        assert not torch.allclose(bn.bias, torch.zeros_like(bn.bias))


@pytest.mark.parametrize("arch", sorted(ARCHS))
def test_logits_depend_on_the_input(arch: str) -> None:
    """The random weights make a useful reference: different images, different logits."""
    logits = reference(cached_build(arch, 0.5), random_input(2, SMALL_INPUT, seed=0))
    assert np.abs(logits[0] - logits[1]).max() > 0.05 * np.abs(logits).max()


def test_gate_and_pool_styles_compute_the_same() -> None:
    x = random_input(1, SMALL_INPUT, seed=0)
    expected = reference(cached_build("ghostnet", 0.5), x)
    for gate, pool in [("hardsigmoid", "adaptive"), ("relu6", "mean")]:
        actual = reference(cached_build("ghostnet", 0.5, gate, pool), x)
        np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("arch", ["mobilenet_v3_small", "shufflenet_v2_x1_0"])
def test_torchvision_models_are_built_like_ours(arch: str) -> None:
    """torchvision's CNNs get the same deterministic, non-trivial BatchNorm."""
    assert arch in TORCHVISION_ARCHS
    model = build(arch)
    again = build(arch).state_dict()
    for name, tensor in model.state_dict().items():
        assert torch.equal(tensor, again[name]), name
    norms = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    assert norms and not model.training
    assert all(not torch.allclose(bn.weight, torch.ones_like(bn.weight)) for bn in norms)
    logits = reference(model, random_input(2, SMALL_INPUT, seed=0))
    assert logits.shape == (2, 1000)
    assert np.abs(logits[0] - logits[1]).max() > 0.05 * np.abs(logits).max()


def test_torchvision_width_only_where_the_model_has_one() -> None:
    narrow = build("mobilenet_v3_small", width=0.5)
    wide = build("mobilenet_v3_small")
    assert sum(p.numel() for p in narrow.parameters()) < sum(
        p.numel() for p in wide.parameters())
    with pytest.raises(ValueError, match="width"):
        build("resnet18", width=0.5)


def test_unknown_choices_are_rejected() -> None:
    with pytest.raises(ValueError, match="arch"):
        build("ghostnet3")
    with pytest.raises(ValueError, match="gate"):
        build("ghostnet", gate="sigmoid")
    with pytest.raises(ValueError, match="pool"):
        build("ghostnet", pool="max")


def test_export_needs_eval_mode(tmp_path: Path) -> None:
    model = build("ghostnet", 0.5).train()
    with pytest.raises(ValueError, match="eval mode"):
        export(model, tmp_path / "m.onnx", input_size=SMALL_INPUT)


# Export styles: the arguments of ghostc.export.export, plus the model's gate and pool.
STYLES = [
    pytest.param({"opset": 11}, id="opset11"),
    pytest.param({"opset": 11, "keep_batchnorm": True}, id="opset11-bn"),
    pytest.param({"opset": 13}, id="opset13"),
    pytest.param({"opset": 13, "keep_batchnorm": True}, id="opset13-bn"),
    pytest.param({"opset": 17}, id="opset17"),
    pytest.param({"opset": 17, "keep_batchnorm": True}, id="opset17-bn"),
    pytest.param({"dynamic_batch": True}, id="dynamic-batch"),
    pytest.param({"dynamic_batch": True, "keep_batchnorm": True}, id="dynamic-batch-bn"),
    pytest.param({"external_data": True}, id="external-data"),
    pytest.param({"gate": "hardsigmoid"}, id="hardsigmoid"),
    pytest.param({"pool": "mean", "keep_batchnorm": True}, id="mean-pool-bn"),
]


@pytest.mark.parametrize("style", STYLES)
def test_ghostnet_export(style: dict, tmp_path: Path) -> None:
    style = dict(style)
    gate = style.pop("gate", "relu6")
    pool = style.pop("pool", "adaptive")
    model = cached_build("ghostnet", 0.5, gate, pool)
    path = export(model, tmp_path / "m.onnx", input_size=SMALL_INPUT, **style)
    onnx.checker.check_model(str(path), full_check=True)

    proto = onnx.load_model(str(path), load_external_data=False)
    opset = next(o.version for o in proto.opset_import if o.domain in ("", "ai.onnx"))
    assert opset == style.get("opset", 13)
    assert [i.name for i in proto.graph.input] == ["input"]
    assert [o.name for o in proto.graph.output] == ["logits"]
    batch = "batch" if style.get("dynamic_batch") else 1
    assert dims(proto.graph.input[0]) == [batch, 3, SMALL_INPUT, SMALL_INPUT]
    assert dims(proto.graph.output[0]) == [batch, 1000]

    ops = op_types(path)
    if style.get("keep_batchnorm"):
        assert ops["BatchNormalization"] == 80
    else:
        assert ops["BatchNormalization"] == 0
    assert ops["Conv"] == 95
    if gate == "hardsigmoid":
        assert ops["HardSigmoid"] == 7 and ops["Clip"] == 0
    else:
        assert ops["HardSigmoid"] == 0 and ops["Clip"] == 7
    if pool == "mean":
        assert ops["ReduceMean"] == 8 and ops["GlobalAveragePool"] == 0
    else:
        assert ops["ReduceMean"] == 0 and ops["GlobalAveragePool"] == 8

    if style.get("external_data"):
        weights = external_data_path(path)
        assert weights == tmp_path / "m.weights"
        assert weights.stat().st_size > 4 * 2_500_000  # 2.6M float32 parameters
        assert path.stat().st_size < 0.05 * weights.stat().st_size
        # Exporting again replaces the weights instead of appending to them.
        size = weights.stat().st_size
        export(model, path, input_size=SMALL_INPUT, **style)
        assert weights.stat().st_size == size
        full = onnx.load_model(str(path))
        assert all(t.HasField("raw_data") for t in full.graph.initializer)
    else:
        assert not external_data_path(path).exists()


@pytest.mark.parametrize(
    "style",
    [
        pytest.param({"opset": 11}, id="opset11"),
        pytest.param({"opset": 13, "keep_batchnorm": True}, id="opset13-bn"),
        pytest.param({"opset": 17, "dynamic_batch": True}, id="opset17-dynamic-batch"),
    ],
)
def test_ghostnetv2_export(style: dict, tmp_path: Path) -> None:
    path = export(
        cached_build("ghostnetv2", 0.5), tmp_path / "m.onnx", input_size=SMALL_INPUT, **style
    )
    onnx.checker.check_model(str(path), full_check=True)
    ops = op_types(path)
    assert ops["BatchNormalization"] == (122 if style.get("keep_batchnorm") else 0)
    assert ops["Conv"] == 95 + 3 * 14
    for op_type in ("AveragePool", "Sigmoid", "Resize"):
        assert ops[op_type] == 14, op_type


def test_cli_writes_model_and_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model_path = tmp_path / "g.onnx"
    ref_path = tmp_path / "g.ref"  # no .npz: the name is kept as given
    options = f"--width 0.5 --input-size {SMALL_INPUT} --batch 2 --seed 3 --keep-batchnorm"
    status = main(options.split() + ["-o", str(model_path), "--reference-out", str(ref_path)])
    assert status == 0
    assert str(model_path) in capsys.readouterr().out
    assert op_types(model_path)["BatchNormalization"] == 80

    with np.load(ref_path) as saved:
        assert sorted(saved.files) == ["input", "logits"]
        x, logits = saved["input"], saved["logits"]
    assert x.dtype == np.float32 and x.shape == (2, 3, SMALL_INPUT, SMALL_INPUT)
    np.testing.assert_array_equal(x, random_input(2, SMALL_INPUT, seed=3))
    assert logits.dtype == np.float32 and logits.shape == (2, 1000)
    expected = reference(build("ghostnet", 0.5, seed=3), x)
    np.testing.assert_array_equal(logits, expected)


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for option in ["--arch", "--opset", "--dynamic-batch", "--external-data", "--reference-out"]:
        assert option in text
