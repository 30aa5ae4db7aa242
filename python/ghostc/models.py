"""PyTorch definitions of GhostNet V1 and GhostNetV2.

GhostNet V1 follows Han et al., "GhostNet: More Features from Cheap
Operations" (CVPR 2020); GhostNetV2 follows Tang et al., "GhostNetV2: Enhance
Cheap Operation with Long-Range Attention" (NeurIPS 2022), whose DFC
attention multiplies a Ghost module's output by a gate computed from a
down-sampled copy of its input.

Two options change how some layers are written without changing what they
compute, so that the compiler sees every form a real export may take:

* ``gate``: the squeeze-and-excitation gate is either ``relu6(x + 3) / 6``
  (``"relu6"``, exported as Add, Clip, Div) or ``nn.Hardsigmoid``
  (``"hardsigmoid"``, exported as HardSigmoid).
* ``pool``: global average pooling is either ``nn.AdaptiveAvgPool2d(1)``
  (``"adaptive"``, exported as GlobalAveragePool) or ``x.mean((2, 3),
  keepdim=True)`` (``"mean"``, exported as ReduceMean).

:func:`build` makes a model ready to export: seeded, with BatchNorm
parameters and statistics far from the identity so that folding them is
exercised, and in eval mode.
"""

from __future__ import annotations

import math
import torch
import torch.nn.functional as F
from torch import nn

GATES = ("relu6", "hardsigmoid")
POOLS = ("adaptive", "mean")

# One row per bottleneck: dw kernel size, expansion (hidden) channels, output
# channels, squeeze-and-excitation ratio, stride. One list per stage.
GHOSTNET_CONFIG: list[list[tuple[int, int, int, float, int]]] = [
    [(3, 16, 16, 0, 1)],
    [(3, 48, 24, 0, 2)],
    [(3, 72, 24, 0, 1)],
    [(5, 72, 40, 0.25, 2)],
    [(5, 120, 40, 0.25, 1)],
    [(3, 240, 80, 0, 2)],
    [
        (3, 200, 80, 0, 1),
        (3, 184, 80, 0, 1),
        (3, 184, 80, 0, 1),
        (3, 480, 112, 0.25, 1),
        (3, 672, 112, 0.25, 1),
    ],
    [(5, 672, 160, 0.25, 2)],
    [
        (5, 960, 160, 0, 1),
        (5, 960, 160, 0.25, 1),
        (5, 960, 160, 0, 1),
        (5, 960, 160, 0.25, 1),
    ],
]

HEAD_CHANNELS = 1280


def make_divisible(v: float, divisor: int = 4, min_value: int | None = None) -> int:
    """Round ``v`` to the nearest multiple of ``divisor``, losing at most 10%.

    The result is at least ``min_value`` (``divisor`` when not given).
    """
    floor = min_value or divisor
    new_v = max(floor, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    """Raise ``ValueError`` unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")


class Relu6HardSigmoid(nn.Module):
    """The hard sigmoid written as ``relu6(x + 3) / 6``, as GhostNet's authors do."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the gate elementwise."""
        return F.relu6(x + 3.0) / 6.0


def make_gate(gate: str) -> nn.Module:
    """The hard sigmoid gate in the form named by ``gate`` (see :data:`GATES`)."""
    _check_choice("gate", gate, GATES)
    return Relu6HardSigmoid() if gate == "relu6" else nn.Hardsigmoid()


class MeanPool(nn.Module):
    """Global average pooling written as a mean over the spatial axes."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Average ``x`` of shape [N, C, H, W] to [N, C, 1, 1]."""
        return x.mean((2, 3), keepdim=True)


def make_pool(pool: str) -> nn.Module:
    """Global average pooling in the form named by ``pool`` (see :data:`POOLS`)."""
    _check_choice("pool", pool, POOLS)
    return nn.AdaptiveAvgPool2d(1) if pool == "adaptive" else MeanPool()


def _conv_bn(
    inp: int,
    oup: int,
    kernel_size: int,
    stride: int = 1,
    padding: int = 0,
    groups: int = 1,
    relu: bool = False,
) -> nn.Sequential:
    """A bias-free convolution and a BatchNorm, optionally followed by a ReLU."""
    layers: list[nn.Module] = [
        nn.Conv2d(inp, oup, kernel_size, stride, padding, groups=groups, bias=False),
        nn.BatchNorm2d(oup),
    ]
    if relu:
        layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class ConvBnAct(nn.Module):
    """A bias-free convolution, a BatchNorm and a ReLU."""

    def __init__(self, in_chs: int, out_chs: int, kernel_size: int) -> None:
        super().__init__()
        self.conv = nn.Conv2d(in_chs, out_chs, kernel_size, 1, kernel_size // 2, bias=False)
        self.bn1 = nn.BatchNorm2d(out_chs)
        self.act1 = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Convolve, normalise, rectify."""
        return self.act1(self.bn1(self.conv(x)))


class GhostModule(nn.Module):
    """GhostNet's Ghost module: a primary convolution makes ``ceil(oup / ratio)``
    intrinsic feature maps, a cheap depthwise convolution makes the rest from
    them, and the two are concatenated and cut to ``oup`` channels.
    """

    def __init__(
        self,
        inp: int,
        oup: int,
        kernel_size: int = 1,
        ratio: int = 2,
        dw_size: int = 3,
        stride: int = 1,
        relu: bool = True,
    ) -> None:
        super().__init__()
        self.oup = oup
        init_channels = math.ceil(oup / ratio)
        new_channels = init_channels * (ratio - 1)
        self.primary_conv = _conv_bn(
            inp, init_channels, kernel_size, stride, kernel_size // 2, relu=relu
        )
        self.cheap_operation = _conv_bn(
            init_channels,
            new_channels,
            dw_size,
            1,
            dw_size // 2,
            groups=init_channels,
            relu=relu,
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Map [N, inp, H, W] to [N, oup, H / stride, W / stride]."""
        x1 = self.primary_conv(x)
        x2 = self.cheap_operation(x1)
        out = torch.cat([x1, x2], 1)
        return out[:, : self.oup, :, :]


class GhostModuleV2(GhostModule):
    """GhostNetV2's Ghost module with DFC attention ("attn" mode).

    Besides the Ghost module's branches, a short convolution branch works on
    the input average-pooled by 2: a full convolution followed by a depthwise
    1x5 and a depthwise 5x1 convolution (the decoupled fully connected
    attention). Its sigmoid, upsampled by nearest neighbour to the output's
    size, gates the Ghost module's output. The Ghost branches always use ReLU.
    Inputs need a height and width of at least 2.
    """

    def __init__(
        self,
        inp: int,
        oup: int,
        kernel_size: int = 1,
        ratio: int = 2,
        dw_size: int = 3,
        stride: int = 1,
    ) -> None:
        super().__init__(inp, oup, kernel_size, ratio, dw_size, stride, relu=True)
        self.short_conv = nn.Sequential(
            nn.Conv2d(inp, oup, kernel_size, stride, kernel_size // 2, bias=False),
            nn.BatchNorm2d(oup),
            nn.Conv2d(oup, oup, (1, 5), 1, (0, 2), groups=oup, bias=False),
            nn.BatchNorm2d(oup),
            nn.Conv2d(oup, oup, (5, 1), 1, (2, 0), groups=oup, bias=False),
            nn.BatchNorm2d(oup),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The Ghost module's output times the upsampled attention gate."""
        res = self.short_conv(F.avg_pool2d(x, kernel_size=2, stride=2))
        out = super().forward(x)
        attention = F.interpolate(
            torch.sigmoid(res), size=(out.shape[-2], out.shape[-1]), mode="nearest"
        )
        return out * attention


class SqueezeExcite(nn.Module):
    """Squeeze-and-excitation: scale each channel by a gate computed from the
    globally pooled input through a 1x1 reduce convolution, a ReLU and a 1x1
    expand convolution.
    """

    def __init__(
        self,
        in_chs: int,
        se_ratio: float = 0.25,
        gate: str = "relu6",
        pool: str = "adaptive",
    ) -> None:
        super().__init__()
        reduced_chs = make_divisible(in_chs * se_ratio, 4)
        self.avg_pool = make_pool(pool)
        self.conv_reduce = nn.Conv2d(in_chs, reduced_chs, 1, bias=True)
        self.act1 = nn.ReLU()
        self.conv_expand = nn.Conv2d(reduced_chs, in_chs, 1, bias=True)
        self.gate = make_gate(gate)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Return ``x`` with every channel scaled by its gate in [0, 1]."""
        s = self.avg_pool(x)
        s = self.conv_reduce(s)
        s = self.act1(s)
        s = self.conv_expand(s)
        return x * self.gate(s)


class GhostBottleneck(nn.Module):
    """GhostNet's bottleneck: Ghost module (with ReLU), a depthwise convolution
    when the stride is 2, optional squeeze-and-excitation, and a Ghost module
    without ReLU, plus a shortcut (identity, or depthwise then pointwise
    convolution when the shape changes).

    With ``attention`` the first Ghost module is a :class:`GhostModuleV2`.
    """

    def __init__(
        self,
        in_chs: int,
        mid_chs: int,
        out_chs: int,
        dw_kernel_size: int = 3,
        stride: int = 1,
        se_ratio: float = 0.0,
        gate: str = "relu6",
        pool: str = "adaptive",
        attention: bool = False,
    ) -> None:
        super().__init__()
        self.stride = stride
        padding = (dw_kernel_size - 1) // 2

        self.ghost1: GhostModule = (
            GhostModuleV2(in_chs, mid_chs) if attention else GhostModule(in_chs, mid_chs)
        )
        if stride > 1:
            self.conv_dw = nn.Conv2d(
                mid_chs, mid_chs, dw_kernel_size, stride, padding, groups=mid_chs, bias=False
            )
            self.bn_dw = nn.BatchNorm2d(mid_chs)
        self.se = SqueezeExcite(mid_chs, se_ratio, gate, pool) if se_ratio > 0 else None
        self.ghost2 = GhostModule(mid_chs, out_chs, relu=False)

        if in_chs == out_chs and stride == 1:
            self.shortcut: nn.Module = nn.Identity()
        else:
            self.shortcut = nn.Sequential(
                *_conv_bn(in_chs, in_chs, dw_kernel_size, stride, padding, groups=in_chs),
                *_conv_bn(in_chs, out_chs, 1),
            )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Map [N, in_chs, H, W] to [N, out_chs, H / stride, W / stride]."""
        residual = x
        x = self.ghost1(x)
        if self.stride > 1:
            x = self.bn_dw(self.conv_dw(x))
        if self.se is not None:
            x = self.se(x)
        x = self.ghost2(x)
        return x + self.shortcut(residual)


class GhostNet(nn.Module):
    """GhostNet V1 image classifier for [N, 3, H, W] inputs.

    ``width`` scales every channel count but the head's 1280 (0.5, 1.0 and
    1.3 are the published widths). ``gate`` and ``pool`` choose how the hard
    sigmoid and global average pooling are written (see the module's
    docstring). Dropout acts only in training mode.
    """

    def __init__(
        self,
        width: float = 1.0,
        num_classes: int = 1000,
        gate: str = "relu6",
        pool: str = "adaptive",
        dropout: float = 0.2,
    ) -> None:
        super().__init__()
        _check_choice("gate", gate, GATES)
        _check_choice("pool", pool, POOLS)

        stem_chs = make_divisible(16 * width, 4)
        self.conv_stem = nn.Conv2d(3, stem_chs, 3, 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(stem_chs)
        self.act1 = nn.ReLU()

        stages: list[nn.Module] = []
        in_chs = stem_chs
        layer_id = 0
        for stage_config in GHOSTNET_CONFIG:
            blocks = []
            for k, exp, c, se_ratio, s in stage_config:
                out_chs = make_divisible(c * width, 4)
                mid_chs = make_divisible(exp * width, 4)
                blocks.append(
                    GhostBottleneck(
                        in_chs,
                        mid_chs,
                        out_chs,
                        k,
                        s,
                        se_ratio,
                        gate,
                        pool,
                        attention=self._uses_attention(layer_id),
                    )
                )
                in_chs = out_chs
                layer_id += 1
            stages.append(nn.Sequential(*blocks))
        last_exp = GHOSTNET_CONFIG[-1][-1][1]
        final_chs = make_divisible(last_exp * width, 4)
        stages.append(nn.Sequential(ConvBnAct(in_chs, final_chs, 1)))
        self.blocks = nn.Sequential(*stages)

        self.global_pool = make_pool(pool)
        self.conv_head = nn.Conv2d(final_chs, HEAD_CHANNELS, 1, bias=True)
        self.act2 = nn.ReLU()
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(HEAD_CHANNELS, num_classes)

    @staticmethod
    def _uses_attention(layer_id: int) -> bool:
        """Whether bottleneck ``layer_id`` (counted from 0) has DFC attention."""
        return False

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Map images [N, 3, H, W] to logits [N, num_classes]."""
        x = self.act1(self.bn1(self.conv_stem(x)))
        x = self.blocks(x)
        x = self.global_pool(x)
        x = self.act2(self.conv_head(x))
        x = x.view(x.size(0), -1)
        x = self.dropout(x)
        return self.classifier(x)


class GhostNetV2(GhostNet):
    """GhostNetV2: GhostNet V1 whose bottlenecks from the third on (layer_id
    > 1) start with a Ghost module with DFC attention.

    Inputs need a height and width of at least 33: the last stage's feature
    maps, 1/32 of the input, must be at least 2x2 to be average-pooled by 2.
    """

    @staticmethod
    def _uses_attention(layer_id: int) -> bool:
        """Whether bottleneck ``layer_id`` (counted from 0) has DFC attention."""
        return layer_id > 1


ARCHS: dict[str, type[GhostNet]] = {
    "ghostnet": GhostNet,
    "ghostnetv2": GhostNetV2,
}

#: Other public mobile CNNs, from torchvision (Debian's python3-torchvision),
#: built from the operators GhostNet uses: inverted residuals, squeeze-and-
#: excitation, hard-swish, SiLU, channel shuffle, 3x3 residual blocks. They
#: check that ghostc is not tuned to GhostNet alone. The MobileNets take
#: ``width`` as their width multiplier; the others only 1.0.
TORCHVISION_ARCHS: tuple[str, ...] = (
    "efficientnet_b0",
    "mnasnet1_0",
    "mobilenet_v2",
    "mobilenet_v3_large",
    "mobilenet_v3_small",
    "regnet_x_400mf",
    "resnet18",
    "shufflenet_v2_x1_0",
)
_WIDTH_MULTIPLIED = ("mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small")

#: Every name :func:`build` accepts.
ALL_ARCHS: tuple[str, ...] = tuple(sorted(ARCHS)) + TORCHVISION_ARCHS


def _build_torchvision(arch: str, width: float) -> nn.Module:
    """torchvision's ``arch`` with its own initialisation (no download)."""
    try:
        import torchvision.models
    except ImportError:
        raise ValueError(f"arch {arch!r} needs torchvision (Debian: "
                         "python3-torchvision)") from None
    if arch in _WIDTH_MULTIPLIED:
        return getattr(torchvision.models, arch)(width_mult=width)
    if width != 1.0:
        raise ValueError(f"arch {arch!r} has no width multiplier; width must be 1.0")
    return getattr(torchvision.models, arch)()


def randomize_batchnorm(model: nn.Module, generator: torch.Generator) -> None:
    """Draw every BatchNorm's weight from U(0.5, 1.5) and bias from U(-0.1, 0.1)."""
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, nn.BatchNorm2d):
                n = module.num_features
                module.weight.copy_(torch.rand(n, generator=generator) + 0.5)
                module.bias.copy_(torch.rand(n, generator=generator) * 0.2 - 0.1)


def calibrate_batchnorm(
    model: nn.Module,
    generator: torch.Generator,
    batch_size: int = 4,
    input_size: int = 96,
    min_var: float = 0.01,
) -> None:
    """Set every BatchNorm's running statistics to those of a random batch.

    One forward pass in training mode over standard normal images of shape
    [batch_size, 3, input_size, input_size] measures each BatchNorm's input
    mean and variance; variances are then raised to at least ``min_var``.
    Made-up statistics would instead let activations shrink or grow layer
    after layer, leaving logits that hardly depend on the input, which makes
    a poor reference for a compiler. Leaves ``model`` in eval mode.
    """
    norms = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    momenta = [bn.momentum for bn in norms]
    for bn in norms:
        bn.reset_running_stats()
        bn.momentum = None  # cumulative average: one batch gives exactly its statistics
    x = torch.randn(batch_size, 3, input_size, input_size, generator=generator)
    model.train()
    with torch.no_grad():
        model(x)
    model.eval()
    for bn, momentum in zip(norms, momenta):
        bn.momentum = momentum
        bn.running_var.clamp_(min=min_var)


def build(
    arch: str,
    width: float = 1.0,
    gate: str = "relu6",
    pool: str = "adaptive",
    seed: int = 0,
) -> nn.Module:
    """Build model ``arch`` (one of :data:`ALL_ARCHS`) ready for export.

    ``gate`` and ``pool`` choose how GhostNet writes its layers; torchvision's
    models are written their own way and ignore them.

    The weights depend only on the arguments: ``seed`` seeds PyTorch before
    the layers are initialised, then every BatchNorm gets a random weight and
    bias (:func:`randomize_batchnorm`) and running statistics measured on
    random images (:func:`calibrate_batchnorm`), all different from the
    identity, so that BatchNorm folding is exercised. The model is returned
    in eval mode.
    """
    _check_choice("arch", arch, ALL_ARCHS)
    torch.manual_seed(seed)
    if arch in ARCHS:
        model: nn.Module = ARCHS[arch](width=width, gate=gate, pool=pool)
    else:
        _check_choice("gate", gate, GATES)
        _check_choice("pool", pool, POOLS)
        model = _build_torchvision(arch, width)
    generator = torch.Generator().manual_seed(seed)
    randomize_batchnorm(model, generator)
    calibrate_batchnorm(model, generator)
    return model
