#!/usr/bin/env python3
"""Exports one tiny ONNX model per operator case, with PyTorch's output.

Usage: make_op_models.py OUTPUT_DIR [CASE ...]

For every case (all of CASES when none is named) it writes
OUTPUT_DIR/<case>.onnx (input "input", one output), OUTPUT_DIR/<case>.input.bin
(a seeded random float32 input) and OUTPUT_DIR/<case>.logits.bin (PyTorch's
output on it, float32), and lists the cases written, one a line, in
OUTPUT_DIR/cases.txt. Shapes are small, spatial sizes odd and channel counts
not multiples of 8, so that no vectorised path hides a remainder loop.

KNOWN_FAILURES holds cases that ghostc gets wrong today: they are exported
only when named on the command line, so that ops.test stays green while the
bug is open and the reproducer stays one command away.
"""

from __future__ import annotations

import sys
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "python"))

from ghostc.models import GhostBottleneck, GhostModule, GhostModuleV2, SqueezeExcite  # noqa: E402


@dataclass
class Case:
    """One model: its name, a factory of the module, the input shape and how to export it."""

    name: str
    make: Callable[[], nn.Module]
    shape: tuple[int, ...]
    opset: int = 13
    keep_bn: bool = False  # export with TrainingMode.PRESERVE: BN nodes stay
    scale: float = 1.0  # input ~ scale * N(0, 1)
    # For the few semantics torch.onnx.export never emits: the ONNX node
    # (op type, attributes) the model is made of instead; the module then only
    # computes the reference.
    node: tuple[str, dict] | None = None


class Lambda(nn.Module):
    """A module computing ``fn(x, *params, **modules)``; it owns the parameters
    (exported as initializers) and the modules."""

    def __init__(self, fn: Callable, *params: torch.Tensor, **modules: nn.Module) -> None:
        super().__init__()
        self.fn = fn
        self.params = nn.ParameterList([nn.Parameter(p, requires_grad=False) for p in params])
        self.mods = nn.ModuleDict(modules)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the function to ``x``, the parameters and the modules."""
        return self.fn(x, *self.params, **self.mods)


def fn(f: Callable, *params: Callable[[], torch.Tensor], **modules: Callable[[], nn.Module]):
    """A factory of Lambda(f, ...) whose parameters and modules are made lazily
    (after the case's seed is set)."""
    return lambda: Lambda(f, *(p() for p in params), **{k: m() for k, m in modules.items()})


def seq(*layers: Callable[[], nn.Module]):
    """A factory of nn.Sequential of the layers the factories ``layers`` make."""
    return lambda: nn.Sequential(*(layer() for layer in layers))


def conv(*args, **kwargs):
    """A factory of nn.Conv2d(*args, **kwargs)."""
    return lambda: nn.Conv2d(*args, **kwargs)


def bn(c: int):
    """A factory of nn.BatchNorm2d(c) (given statistics by randomize_batchnorm)."""
    return lambda: nn.BatchNorm2d(c)


def randn(*shape: int):
    """A factory of a standard normal tensor."""
    return lambda: torch.randn(*shape)


def positive(*shape: int):
    """Values in [0.5, 1.5): safe divisors."""
    return lambda: torch.rand(*shape) + 0.5


def randomize_batchnorm(model: nn.Module) -> None:
    """Give every BatchNorm statistics and an affine part far from the identity."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                c = m.num_features
                m.weight.copy_(torch.rand(c) + 0.5)
                m.bias.copy_(torch.randn(c) * 0.5)
                m.running_mean.copy_(torch.randn(c) * 0.5)
                m.running_var.copy_(torch.rand(c) * 1.5 + 0.5)


def ghost(*args, **kwargs):
    """A factory of GhostNet's GhostModule(*args, **kwargs)."""
    return lambda: GhostModule(*args, **kwargs)


X = (1, 5, 9, 9)  # the default NCHW input

CASES: list[Case] = [
    # --- Conv2d -------------------------------------------------------------
    Case("conv-k1", conv(5, 7, 1), X),
    Case("conv-k1-s2", conv(5, 7, 1, 2), X),
    Case("conv-k3-p0", conv(5, 7, 3), X),
    Case("conv-k3-p1", conv(5, 7, 3, 1, 1), X),
    Case("conv-k3-s2-p1", conv(5, 7, 3, 2, 1), X),
    Case("conv-k3-s2-p0", conv(5, 13, 3, 2), (1, 5, 11, 9)),
    Case("conv-k5-p2", conv(3, 13, 5, 1, 2), (1, 3, 11, 11)),
    Case("conv-k5-s2-p2", conv(3, 5, 5, 2, 2), (1, 3, 11, 13)),
    Case("conv-k5-p1", conv(5, 7, 5, 1, 1), X),
    Case("conv-k3-p2", conv(5, 7, 3, 1, 2), X),
    Case("conv-nobias", conv(5, 7, 3, 1, 1, bias=False), X),
    Case("conv-asympad", seq(lambda: nn.ZeroPad2d((0, 1, 2, 1)), conv(5, 7, 3)), X),
    Case("conv-asympad-s2", seq(lambda: nn.ZeroPad2d((1, 0, 1, 0)), conv(5, 7, 3, 2)), X),
    Case("conv-dil2", conv(5, 7, 3, 1, 2, dilation=2), X),
    Case("conv-dil2-s2", conv(5, 7, 3, 2, 1, dilation=2), (1, 5, 11, 11)),
    Case("conv-grouped", conv(9, 15, 3, 1, 1, groups=3), (1, 9, 7, 7)),
    Case("conv-grouped-nobias", conv(10, 6, 1, groups=2, bias=False), (1, 10, 7, 9)),
    # Groups of whole vectors (channel kernel: 4 lanes here, 16 in
    # channel-kernel.test), of 2 channels (column kernel), strided, on a
    # small plane, a ResNeXt-like 1x1 before and a residual after.
    Case("conv-grouped-g2-c16", conv(32, 32, 3, 1, 1, groups=2), (1, 32, 13, 11)),
    Case("conv-grouped-g3-s2", conv(24, 48, 3, 2, 1, groups=3), (1, 24, 15, 17)),
    Case("conv-grouped-g4-o2", conv(16, 8, 3, 1, 1, groups=4), (1, 16, 9, 10)),
    Case("conv-grouped-plane", seq(conv(16, 16, 1), conv(16, 32, 3, 1, 1, groups=2), nn.ReLU),
         (1, 16, 7, 7)),
    Case("conv-grouped-residual",
         fn(lambda x, m: torch.relu(m(x) + x), m=conv(20, 20, 3, 1, 1, groups=5)), (1, 20, 9, 9)),
    Case("conv-dw", conv(7, 7, 3, 1, 1, groups=7), (1, 7, 9, 9)),
    Case("conv-dw-s2-k5", conv(13, 13, 5, 2, 2, groups=13, bias=False), (1, 13, 11, 11)),
    Case("conv-dw-mult2", conv(7, 14, 3, 1, 1, groups=7), (1, 7, 9, 9)),
    Case("conv-dw-mult2-s2", conv(5, 10, 3, 2, 1, groups=5, bias=False), X),
    Case("conv-k1x5", conv(5, 7, (1, 5), 1, (0, 2)), X),
    Case("conv-k5x1", conv(5, 7, (5, 1), 1, (2, 0)), X),
    Case("conv-dw-k1x5", conv(7, 7, (1, 5), 1, (0, 2), groups=7, bias=False), (1, 7, 9, 9)),
    Case("conv-dw-k5x1", conv(7, 7, (5, 1), 1, (2, 0), groups=7, bias=False), (1, 7, 9, 9)),
    Case("conv-rect-input", conv(3, 5, 3, 1, 1), (1, 3, 7, 13)),
    Case("conv-batch2", conv(5, 7, 3, 2, 1), (2, 5, 9, 9)),
    Case("conv-dw-batch2", conv(7, 7, 3, 1, 1, groups=7), (2, 7, 7, 7)),
    Case("conv-c13-c21", conv(13, 21, 3, 1, 1), (1, 13, 11, 11)),
    Case("conv-k1-c21-c37", conv(21, 37, 1), (1, 21, 9, 9)),
    # The channel kernel (ghost-lower-convolutions): at least 16 output
    # channels and 64 terms per output, so that it runs with AVX-512's 16
    # lanes too (channel-kernel.test
    # compiles these for the host CPU): rows longer than a block with
    # border blocks and loops between, a partial last channel vector,
    # stride 2, windows over 3x3 (with dilation) cut at the borders, a
    # small plane in balanced blocks, a residual add fused into the store,
    # two images.
    Case("conv-wide-k3-p1", conv(8, 36, 3, 1, 1), (1, 8, 23, 29)),
    Case("conv-wide-k3-s2-p1", conv(8, 20, 3, 2, 1), (1, 8, 29, 31)),
    Case("conv-wide-k7-s2-p3", conv(3, 20, 7, 2, 3), (1, 3, 37, 41)),
    Case("conv-wide-k5-dil2-p3", conv(5, 18, 5, 1, 3, dilation=2), (1, 5, 25, 27)),
    Case("conv-wide-plane", conv(12, 40, 3, 1, 1), (1, 12, 7, 7)),
    # A 1x1 projection (C >= 2F) on a 7x7 plane: the channel kernel too.
    Case("conv-wide-projection", seq(conv(64, 20, 1), nn.ReLU), (1, 64, 7, 7)),
    Case("conv-wide-k1-s2", conv(67, 20, 1, 2), (1, 67, 15, 17)),
    Case("conv-wide-batch2", conv(8, 17, 3, 1, 1), (2, 8, 9, 11)),
    Case("conv-wide-residual",
         fn(lambda x, w, b: F.relu(F.conv2d(x, w, b, padding=1) + x), randn(20, 20, 3, 3), randn(20)),
         (1, 20, 9, 13)),
    Case("conv-dw-c21", conv(21, 21, 3, 1, 1, groups=21), (1, 21, 11, 11)),
    Case("conv-dw-c37-s2", conv(37, 37, 5, 2, 2, groups=37), (1, 37, 9, 9)),
    # Rows longer than a register block (16 columns dense, 64 depthwise at
    # the default blocking): whole blocks, then a masked end of row.
    Case("conv-wide-rows", conv(5, 6, 3, 1, 1), (1, 5, 5, 37)),
    Case("conv-wide-rows-s2", conv(5, 6, 3, 2, 1), (1, 5, 5, 45)),
    Case("conv-wide-rows-dil2", conv(5, 6, 3, 1, 2, dilation=2), (1, 5, 5, 37)),
    Case("conv-dw-wide-rows", conv(7, 7, 3, 1, 1, groups=7), (1, 7, 5, 71)),
    Case("conv-dw-wide-rows-s2-k5", conv(7, 7, 5, 2, 2, groups=7), (1, 7, 5, 141)),
    # Depthwise windows in blocks of rows (with 8 lanes or more: depthwise-
    # native.test runs them with the host's vectors): a loop over whole
    # blocks, the interior rows left over as one block, border rows alone;
    # rows that share input rows at a stride, a dilation, a taller window,
    # a fused activation and residual add.
    Case("conv-dw-rows-k3", conv(16, 16, 3, 1, 1, groups=16), (1, 16, 40, 37)),
    Case("conv-dw-rows-s2-k5", conv(16, 16, 5, 2, 2, groups=16, bias=False), (1, 16, 41, 53)),
    Case("conv-dw-rows-d2", conv(8, 8, 3, 1, 2, dilation=2, groups=8), (1, 8, 33, 35)),
    Case("conv-dw-rows-k5x3", seq(conv(8, 8, (5, 3), 1, (2, 1), groups=8), nn.ReLU6),
         (1, 8, 30, 70)),
    Case("conv-dw-rows-plane14", conv(32, 32, 5, 1, 2, groups=32), (1, 32, 14, 14)),
    Case("conv-dw-rows-residual",
         fn(lambda x, c: x + c(x), c=conv(16, 16, 3, 1, 1, groups=16)), (1, 16, 30, 30)),
    Case("conv-relu", seq(conv(5, 7, 3, 1, 1), nn.ReLU), X),
    Case("conv-conv", seq(conv(5, 7, 3, 1, 1), nn.ReLU, conv(7, 3, 1)), X),
    # --- BatchNorm ----------------------------------------------------------
    Case("conv-bn-keepbn", seq(conv(5, 7, 3, 1, 1, bias=False), bn(7)), X, keep_bn=True),
    Case("conv-bias-bn-keepbn", seq(conv(5, 7, 3, 2, 1), bn(7), nn.ReLU), X, keep_bn=True),
    Case("conv-dw-bn-keepbn", seq(conv(7, 7, 3, 1, 1, groups=7, bias=False), bn(7), nn.ReLU),
         (1, 7, 9, 9), keep_bn=True),
    Case("conv-bn-folded", seq(conv(5, 7, 3, 1, 1, bias=False), bn(7), nn.ReLU), X),
    Case("bn-keepbn", bn(5), X, keep_bn=True),
    Case("bn", bn(5), X),
    Case("bn-batch2-keepbn", bn(5), (2, 5, 7, 9), keep_bn=True),
    # DenseNet's pre-activation: a BatchNorm no conv takes in (a 1x1
    # depthwise conv in ghostc, with the ReLU fused), on 14x14 planes.
    Case("bn-relu-conv-keepbn", seq(bn(24), nn.ReLU, conv(24, 8, 1)), (1, 24, 14, 14),
         keep_bn=True),
    # --- activations --------------------------------------------------------
    Case("relu", nn.ReLU, (1, 5, 7, 9), scale=4),
    Case("relu6", nn.ReLU6, (1, 5, 7, 9), scale=4),
    Case("sigmoid", nn.Sigmoid, (1, 5, 7, 9), scale=4),
    Case("hardsigmoid", nn.Hardsigmoid, (1, 5, 7, 9), scale=4),
    # exp is a polynomial in the object: inputs to +-200 take it through its
    # overflow and underflow.
    Case("sigmoid-wide", nn.Sigmoid, (1, 5, 7, 9), scale=60),
    Case("silu", nn.SiLU, (1, 5, 7, 9), scale=4),
    Case("silu-wide", nn.SiLU, (1, 5, 7, 9), scale=60),
    Case("hardswish", nn.Hardswish, (1, 5, 7, 9), scale=4),
    Case("hardswish-op14", nn.Hardswish, (1, 5, 7, 9), opset=14, scale=4),
    Case("hardtanh", lambda: nn.Hardtanh(-1.0, 2.0), (1, 5, 7, 9), scale=4),
    Case("leakyrelu", lambda: nn.LeakyReLU(0.1), (1, 5, 7, 9), scale=4),
    Case("relu6-hardsigmoid", fn(lambda x: F.relu6(x + 3) / 6), (1, 5, 7, 9), scale=4),
    Case("conv-relu6", seq(conv(5, 7, 3, 1, 1), nn.ReLU6), X, scale=4),
    Case("conv-sigmoid", seq(conv(5, 7, 3, 1, 1), nn.Sigmoid), X, scale=4),
    Case("conv-hardsigmoid", seq(conv(5, 7, 3, 1, 1), nn.Hardsigmoid), X, scale=4),
    Case("conv-hardswish", seq(conv(5, 7, 3, 1, 1), nn.Hardswish), X, scale=4),
    Case("conv-silu", seq(conv(5, 7, 3, 1, 1), nn.SiLU), X, scale=4),
    Case("conv-leakyrelu", seq(conv(5, 7, 3, 1, 1), lambda: nn.LeakyReLU(0.1)), X, scale=4),
    # --- elementwise arithmetic with broadcasting ----------------------------
    Case("add-channel", fn(lambda x, p: x + p, randn(1, 5, 1, 1)), X),
    Case("mul-channel", fn(lambda x, p: x * p, randn(5, 1, 1)), X),
    Case("sub-channel", fn(lambda x, p: x - p, randn(5, 1, 1)), X),
    Case("div-channel", fn(lambda x, p: x / p, positive(5, 1, 1)), X),
    Case("rsub-channel", fn(lambda x, p: p - x, randn(5, 1, 1)), X),
    Case("add-scalar", fn(lambda x: x + 0.5), X),
    Case("mul-scalar", fn(lambda x: x * 3.0), X),
    Case("sub-scalar", fn(lambda x: 1.0 - x), X),
    Case("div-scalar", fn(lambda x: x / 7.0), X),
    Case("add-row", fn(lambda x, p: x + p, randn(9)), (1, 5, 7, 9)),
    Case("mul-column", fn(lambda x, p: x * p, randn(7, 1)), (1, 5, 7, 9)),
    Case("div-full", fn(lambda x, p: x / p, positive(5, 7, 9)), (1, 5, 7, 9)),
    Case("add-residual", fn(lambda x, c: x + c(x), c=conv(5, 5, 3, 1, 1)), X),
    Case("sub-mean", fn(lambda x: x - x.mean((2, 3), keepdim=True)), X),
    Case("mul-pooled", fn(lambda x, p: x * p(x), p=lambda: nn.AdaptiveAvgPool2d(1)), X),
    Case("div-pooled", fn(lambda x: x / (x.mean((2, 3), keepdim=True) + 3.0)), X),
    Case("mul-sigmoid", fn(lambda x: x * torch.sigmoid(x)), X, scale=3),
    Case("add-channel-batch2", fn(lambda x, p: x * p + p, randn(5, 1, 1)), (2, 5, 7, 7)),
    # --- concat and slice ---------------------------------------------------
    Case("cat-channels", fn(lambda x, a, b: torch.cat([a(x), b(x)], 1),
                            a=conv(5, 3, 1), b=conv(5, 7, 3, 1, 1)), X),
    Case("cat-three", fn(lambda x, c: torch.cat([x, F.relu(x), c(x)], 1),
                         c=conv(5, 3, 3, 1, 1)), X),
    Case("cat-batch2", fn(lambda x: torch.cat([x, x * 2.0], 1)), (2, 5, 7, 7)),
    Case("slice-channels", fn(lambda x: x[:, 1:5]), (1, 7, 9, 9)),
    Case("slice-step2-h", fn(lambda x: x[:, :, ::2]), (1, 5, 9, 7)),
    Case("slice-trim-h", fn(lambda x: x[:, :, 1:-1]), (1, 5, 9, 7)),
    Case("slice-step3-w", fn(lambda x: x[:, :, :, 1::3]), (1, 5, 9, 11)),
    Case("slice-channels-conv", fn(lambda x, c: c(x)[:, 2:11], c=conv(5, 13, 3, 1, 1)), X),
    # --- pooling ------------------------------------------------------------
    Case("maxpool-k3-s2-p1", lambda: nn.MaxPool2d(3, 2, 1), X),
    # Pooling runs on the depthwise kernels: rows long enough for interior
    # blocks, and stride 1 on planes small enough to be read as one row.
    Case("maxpool-k3-s2-p1-wide", lambda: nn.MaxPool2d(3, 2, 1), (1, 3, 70, 67)),
    Case("maxpool-k3-s1-p1", lambda: nn.MaxPool2d(3, 1, 1), (1, 5, 7, 7)),
    Case("maxpool-k5-s1-p2", lambda: nn.MaxPool2d(5, 1, 2), (1, 5, 13, 13)),
    Case("avgpool-k3-s1-p1-excl", lambda: nn.AvgPool2d(3, 1, 1, count_include_pad=False),
         (1, 5, 7, 7)),
    Case("avgpool-k3-s2-p1-wide", lambda: nn.AvgPool2d(3, 2, 1), (1, 3, 70, 67)),
    Case("maxpool-k2-ceil", lambda: nn.MaxPool2d(2, 2, ceil_mode=True), (1, 5, 9, 7)),
    Case("maxpool-k3-s3-ceil", lambda: nn.MaxPool2d(3, 3, ceil_mode=True), (1, 5, 11, 11)),
    Case("maxpool-k3-s2-p1-ceil", lambda: nn.MaxPool2d(3, 2, 1, ceil_mode=True), (1, 5, 10, 9)),
    Case("avgpool-k3-s2-p1-incl", lambda: nn.AvgPool2d(3, 2, 1, count_include_pad=True), X),
    Case("avgpool-k3-s2-p1-excl", lambda: nn.AvgPool2d(3, 2, 1, count_include_pad=False), X),
    Case("avgpool-k2", lambda: nn.AvgPool2d(2), (1, 5, 9, 9)),
    Case("avgpool-k2-ceil", lambda: nn.AvgPool2d(2, 2, ceil_mode=True), (1, 5, 9, 7)),
    # 9x9: ceil_mode adds a window that overhangs the right padding.
    Case("avgpool-k3-s3-p1-ceil-incl",
         lambda: nn.AvgPool2d(3, 3, 1, ceil_mode=True, count_include_pad=True), (1, 5, 9, 9)),
    Case("avgpool-k3-s3-p1-ceil-excl",
         lambda: nn.AvgPool2d(3, 3, 1, ceil_mode=True, count_include_pad=False), (1, 5, 9, 9)),
    # 11x11: the extra ceil_mode window would start in the right padding, so
    # it is dropped (5 -> 4). Not with count_include_pad=True: PyTorch 1.13
    # exports that as an explicit Pad and an unpadded AveragePool, whose ceil
    # then keeps the window (the ONNX file itself says 5x5, PyTorch gives 4x4).
    Case("avgpool-k3-s3-p1-ceil-excl-drop",
         lambda: nn.AvgPool2d(3, 3, 1, ceil_mode=True, count_include_pad=False), (1, 5, 11, 11)),
    Case("maxpool-k3-s3-p1-ceil-drop", lambda: nn.MaxPool2d(3, 3, 1, ceil_mode=True),
         (1, 5, 11, 11)),
    # Dilated windows: taps 2 and 3 apart.
    Case("maxpool-k3-s2-p1-d2", lambda: nn.MaxPool2d(3, 2, 1, dilation=2), (1, 5, 13, 12)),
    Case("maxpool-k2-s2-d3-ceil", lambda: nn.MaxPool2d(2, 2, 0, dilation=3, ceil_mode=True),
         (1, 3, 11, 10)),
    # 1-D windows (NCW), run as 2-D ones with H = 1.
    Case("conv1d-k3-s2-p1", lambda: nn.Conv1d(4, 6, 3, 2, 1), (1, 4, 17)),
    Case("conv1d-dw-k5-p2", lambda: nn.Conv1d(4, 4, 5, 1, 2, groups=4), (2, 4, 9)),
    Case("maxpool1d-k3-s2-p1", lambda: nn.MaxPool1d(3, 2, 1), (1, 4, 15)),
    Case("avgpool1d-k3-s2-p1-excl", lambda: nn.AvgPool1d(3, 2, 1, count_include_pad=False),
         (1, 4, 15)),
    Case("adaptive-avgpool", lambda: nn.AdaptiveAvgPool2d(1), (1, 13, 7, 9)),
    Case("mean-hw", fn(lambda x: x.mean((2, 3), keepdim=True)), (1, 13, 7, 9)),
    Case("mean-hw-nokeep", fn(lambda x: x.mean((2, 3))), (2, 13, 7, 9)),
    Case("mul-outer-means", fn(lambda x: x.mean(2, keepdim=True) * x.mean(3, keepdim=True)),
         (1, 5, 7, 9)),
    Case("adaptive-avgpool-batch2", lambda: nn.AdaptiveAvgPool2d(1), (2, 13, 7, 9)),
    # --- matrix products and reshapes ---------------------------------------
    Case("linear", lambda: nn.Linear(13, 10), (2, 13)),
    Case("linear-nobias", lambda: nn.Linear(13, 10, bias=False), (2, 13)),
    Case("linear-batch1", lambda: nn.Linear(13, 7), (1, 13)),
    Case("linear-3d", lambda: nn.Linear(13, 5), (2, 3, 13)),
    Case("matmul-3d-weight", fn(lambda x, w: torch.matmul(x, w), randn(7, 3)), (2, 5, 7)),
    Case("matmul-3d-batched", fn(lambda x, w: torch.matmul(x, w), randn(2, 7, 3)), (2, 5, 7)),
    Case("matmul-3d-self", fn(lambda x: torch.matmul(x, x.transpose(1, 2))), (2, 5, 7)),
    Case("flatten-linear", fn(lambda x, l: l(torch.flatten(x, 1)), l=lambda: nn.Linear(75, 10)),
         (2, 3, 5, 5)),
    Case("view-linear", fn(lambda x, c, l: l(c(x).view(x.size(0), -1)),
                           c=conv(3, 5, 3, 2, 1), l=lambda: nn.Linear(5 * 3 * 3, 7)),
         (2, 3, 5, 5)),
    Case("pool-view-linear", fn(lambda x, p, l: l(p(x).view(x.size(0), -1)),
                                p=lambda: nn.AdaptiveAvgPool2d(1), l=lambda: nn.Linear(13, 10)),
         (1, 13, 7, 7)),
    Case("conv-view", fn(lambda x, c: c(x).view(x.size(0), -1), c=conv(5, 3, 3, 2, 1)), X),
    # --- softmax ------------------------------------------------------------
    Case("softmax", lambda: nn.Softmax(dim=1), (2, 10), scale=3),
    Case("linear-softmax", seq(lambda: nn.Linear(13, 10), lambda: nn.Softmax(dim=1)), (2, 13),
         scale=3),
    Case("softmax-rank3-dim1-op11", lambda: nn.Softmax(dim=1), (2, 5, 7), opset=11, scale=3),
    Case("softmax-rank3-dim1", lambda: nn.Softmax(dim=1), (2, 5, 7), scale=3),
    # Before opset 13, Softmax(axis=1) on [N, C, L] is over C and L together
    # (the input is coerced to 2-D); PyTorch exports around it with Transposes.
    Case("softmax-rank3-coerce2d-op11",
         fn(lambda x: x.reshape(x.shape[0], -1).softmax(1).reshape(x.shape)), (2, 5, 7),
         opset=11, scale=3, node=("Softmax", {"axis": 1})),
    Case("softmax-rank3-last-op11", lambda: nn.Softmax(dim=-1), (2, 5, 7), opset=11, scale=3),
    # --- resize -------------------------------------------------------------
    Case("interp-nearest-x2", fn(lambda x: F.interpolate(x, scale_factor=2, mode="nearest")),
         (1, 5, 5, 7)),
    Case("interp-nearest-size", fn(lambda x: F.interpolate(x, size=(11, 13), mode="nearest")),
         (1, 5, 5, 7)),
    Case("interp-nearest-down", fn(lambda x: F.interpolate(x, size=(5, 3), mode="nearest")),
         (1, 5, 9, 7)),
    Case("interp-nearest-x2-op11",
         fn(lambda x: F.interpolate(x, scale_factor=2, mode="nearest")), (1, 5, 5, 7), opset=11),
    Case("interp-bilinear-x2", fn(lambda x: F.interpolate(
        x, scale_factor=2, mode="bilinear", align_corners=False)), (1, 5, 5, 7)),
    Case("interp-bilinear-size", fn(lambda x: F.interpolate(
        x, size=(11, 9), mode="bilinear", align_corners=False)), (1, 5, 5, 7)),
    Case("interp-bilinear-ac-x2", fn(lambda x: F.interpolate(
        x, scale_factor=2, mode="bilinear", align_corners=True)), (1, 5, 5, 7)),
    Case("interp-bilinear-batch2", fn(lambda x: F.interpolate(
        x, scale_factor=2, mode="bilinear", align_corners=False)), (2, 3, 5, 7)),
    Case("interp-bilinear-ac-size", fn(lambda x: F.interpolate(
        x, size=(11, 9), mode="bilinear", align_corners=True)), (1, 5, 5, 7)),
    # --- pad ----------------------------------------------------------------
    Case("pad-reflect", fn(lambda x: F.pad(x, (1, 2, 2, 1), mode="reflect")), (1, 5, 7, 9)),
    Case("pad-replicate", fn(lambda x: F.pad(x, (2, 1, 1, 2), mode="replicate")), (1, 5, 7, 9)),
    Case("pad-constant", fn(lambda x: F.pad(x, (1, 2, 0, 1), value=0.5)), (1, 5, 7, 9)),
    Case("pad-reflect-conv", fn(lambda x, c: c(F.pad(x, (1, 1, 1, 1), mode="reflect")),
                                c=conv(5, 7, 3)), X),
    # --- GhostNet blocks ----------------------------------------------------
    Case("ghost-module", ghost(5, 13), X),
    Case("ghost-module-keepbn", ghost(5, 13), X, keep_bn=True),
    Case("ghost-module-norelu", ghost(5, 13, relu=False), X),
    Case("ghost-module-k3-s2", ghost(5, 13, kernel_size=3, stride=2), X),
    Case("ghost-module-ratio3", ghost(5, 13, ratio=3), X),
    Case("ghost-module-dw5", ghost(7, 11, dw_size=5), (1, 7, 9, 9)),
    Case("ghost-module-c37", ghost(21, 37), (1, 21, 9, 9)),
    Case("ghost-module-batch2", ghost(5, 13), (2, 5, 7, 7)),
    Case("ghost-module-v2", lambda: GhostModuleV2(5, 13), X),
    Case("se-hardsigmoid", lambda: SqueezeExcite(13, gate="hardsigmoid"), (1, 13, 7, 7)),
    Case("se-relu6", lambda: SqueezeExcite(13, gate="relu6"), (1, 13, 7, 7)),
    Case("se-mean", lambda: SqueezeExcite(13, gate="hardsigmoid", pool="mean"), (1, 13, 7, 7)),
    Case("se-batch2", lambda: SqueezeExcite(13, gate="relu6"), (2, 13, 7, 7)),
    Case("ghost-bottleneck-s2-se", lambda: GhostBottleneck(5, 13, 7, 3, 2, 0.25), X),
    Case("ghost-bottleneck-s1", lambda: GhostBottleneck(7, 11, 7, 5, 1), (1, 7, 9, 9)),
    Case("ghost-bottleneck-s1-se-keepbn", lambda: GhostBottleneck(7, 13, 7, 3, 1, 0.25),
         (1, 7, 9, 9), keep_bn=True),
]

# Cases ghostc gets wrong: name -> (Case, what goes wrong). Exported only when
# named, so they stay out of ops.test until fixed. Empty: every case matches.
KNOWN_FAILURES: dict[str, tuple[Case, str]] = {}


def seed_of(name: str) -> int:
    """The seed of a case's weights and input: the same whatever cases run with it."""
    return zlib.crc32(name.encode())


def export_case(directory: Path, case: Case) -> None:
    """Write <case>.onnx, <case>.input.bin and <case>.logits.bin to ``directory``."""
    torch.manual_seed(seed_of(case.name))
    model = case.make()
    randomize_batchnorm(model)
    model.eval()
    rng = np.random.default_rng(seed_of(case.name))
    x = (rng.standard_normal(case.shape, dtype=np.float32) * case.scale).astype(np.float32)
    with torch.no_grad():
        y = model(torch.from_numpy(x)).numpy().astype(np.float32)
    path = directory / f"{case.name}.onnx"
    if case.node is not None:
        write_single_node(path, case, x.shape, y.shape)
    else:
        modes = torch.onnx.TrainingMode
        with warnings.catch_warnings():
            # e.g. PRESERVE + constant folding, meant for models in training mode.
            warnings.simplefilter("ignore")
            torch.onnx.export(
                model,
                (torch.from_numpy(x),),
                str(path),
                input_names=["input"],
                output_names=["output"],
                opset_version=case.opset,
                do_constant_folding=True,
                training=modes.PRESERVE if case.keep_bn else modes.EVAL,
            )
    onnx.checker.check_model(str(path), full_check=True)
    x.tofile(directory / f"{case.name}.input.bin")
    y.tofile(directory / f"{case.name}.logits.bin")


def write_single_node(path: Path, case: Case, in_shape, out_shape) -> None:
    """Write a model of the one node ``case.node`` from "input" to "output"."""
    helper = onnx.helper
    op, attributes = case.node
    graph = helper.make_graph(
        [helper.make_node(op, ["input"], ["output"], **attributes)],
        case.name,
        [helper.make_tensor_value_info("input", onnx.TensorProto.FLOAT, in_shape)],
        [helper.make_tensor_value_info("output", onnx.TensorProto.FLOAT, out_shape)],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", case.opset)])
    onnx.save(model, str(path))


def main(argv: list[str]) -> int:
    """Export the cases named in ``argv[1:]`` (all of CASES if none) to ``argv[0]``."""
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    by_name = {c.name: c for c in CASES}
    by_name.update({name: case for name, (case, _) in KNOWN_FAILURES.items()})
    assert len(by_name) == len(CASES) + len(KNOWN_FAILURES), "duplicate case names"
    names = argv[1:] or [c.name for c in CASES]
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SystemExit(f"make_op_models.py: no case {', '.join(unknown)}")
    for name in names:
        export_case(out, by_name[name])
    (out / "cases.txt").write_text("".join(f"{n}\n" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
