//===- Passes.td - ghost dialect passes --------------------*- tablegen -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Graph passes over the ghost dialect. Each pass lives in
// lib/Dialect/Ghost/Transforms/<Name>.cpp and is tested by
// test/Dialect/Ghost/<flag>.mlir.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_DIALECT_GHOST_PASSES_TD
#define GHOSTC_DIALECT_GHOST_PASSES_TD

include "mlir/Pass/PassBase.td"

def GhostFoldBatchNorm : Pass<"ghost-fold-batchnorm", "mlir::func::FuncOp"> {
  let summary = "Fold inference BatchNormalization into neighbouring convolutions";
  let description = [{
    `batch_norm(conv(x, W, b))` becomes `conv(x, W', b')` with
    `W'[o] = W[o] * s[o]` and `b'[o] = (b[o] - mean[o]) * s[o] + beta[o]`,
    `s = gamma / sqrt(var + eps)`, when the convolution's only user is the
    normalisation and its activation is `none`. A normalisation feeding an
    unpadded convolution folds forward into it. Any other normalisation of
    an NCHW tensor becomes a 1x1 depthwise convolution with weights `s` and
    bias `beta - mean * s` (one pass over the tensor, and an activation
    after it fuses in); of another rank, a per-channel `mul` and `add` by
    constants. Weights and normalisation parameters must be constants.
  }];
  let dependentDialects = ["ghostc::ghost::GhostDialect"];
}

def GhostCanonicalizeGates : Pass<"ghost-canonicalize-gates",
                                  "mlir::func::FuncOp"> {
  let summary = "Rewrite spelled-out hard sigmoid, hard swish and SiLU gates into ops";
  let description = [{
    PyTorch exports `relu6(x + 3) / 6` as `Div(Clip(Add(x, 3), 0, 6), 6)` (or
    a `Mul` by 1/6), before opset 14, hard swish as `x * HardSigmoid(x)`, and
    SiLU (swish) as `x * Sigmoid(x)`. These become `ghost.hard_sigmoid`
    (alpha 1/6, beta 0.5), `ghost.hard_swish` and `ghost.silu`; `ghost.clip`
    with bounds 0 and 6 stays the ReLU6 that activation fusion recognises.
  }];
  let dependentDialects = ["ghostc::ghost::GhostDialect"];
}

def GhostFuseActivations : Pass<"ghost-fuse-activations",
                                "mlir::func::FuncOp"> {
  let summary = "Fuse element-wise activations into the producing conv or gemm";
  let description = [{
    `relu`, `clip` (0, 6), `sigmoid`, `hard_sigmoid` (1/6, 0.5) and
    `hard_swish` whose operand is a `ghost.conv` or `ghost.gemm` without an
    activation, and the operand's only user, become that op's `activation`
    attribute.
  }];
  let dependentDialects = ["ghostc::ghost::GhostDialect"];
}

def GhostLiftGhostModule : Pass<"ghost-lift-ghost-module",
                                "mlir::func::FuncOp"> {
  let summary = "Lift primary conv + cheap depthwise conv + concat (+ slice) into ghost.ghost_module";
  let description = [{
    Matches `slice(concat(p, c), channels 0..oup)` (the slice may be absent)
    where `p = conv(x)` is a square, unit-dilation, ungrouped convolution
    padded by `kernel / 2`, `c = conv(p)` is a grouped convolution with one
    group per channel of `p`, an odd square kernel, stride 1 and padding
    `dw_size / 2`, both with the same `none` or `relu` activation, and `p`
    and `c` have no other users. The result carries both weight sets, the
    ratio `channels(c) / channels(p) + 1`, and `oup`.
  }];
  let dependentDialects = ["ghostc::ghost::GhostDialect"];
}

def GhostLiftSE : Pass<"ghost-lift-se", "mlir::func::FuncOp"> {
  let summary = "Lift squeeze-and-excitation blocks into ghost.se";
  let description = [{
    Matches `mul(x, conv2(conv1(pool(x))))` (either operand order) where
    `pool` is `global_average_pool` or `reduce_mean` over axes 2 and 3 with
    `keepdims`, `conv1` is a 1x1 convolution with a `relu` activation and
    `conv2` a 1x1 convolution with a `hard_sigmoid` or `sigmoid` activation,
    both ungrouped, unpadded, with unit stride, and every intermediate value
    has one user.
  }];
  let dependentDialects = ["ghostc::ghost::GhostDialect"];
}

#endif // GHOSTC_DIALECT_GHOST_PASSES_TD
