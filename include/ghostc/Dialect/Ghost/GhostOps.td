//===- GhostOps.td - ghost dialect operations --------------*- tablegen -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// Operations of the ghost dialect. All of them work on statically shaped f32
// tensors in NCHW layout and infer their result types (InferTypeOpAdaptor);
// the shape rules live in GhostOps.cpp, folders in GhostFolds.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_DIALECT_GHOST_GHOSTOPS_TD
#define GHOSTC_DIALECT_GHOST_GHOSTOPS_TD

include "ghostc/Dialect/Ghost/GhostDialect.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// Attribute constraints shared by several ops
//===----------------------------------------------------------------------===//

def Ghost_Pair : ConfinedAttr<DenseI64ArrayAttr, [DenseArrayCount<2>,
    DenseArrayStrictlyPositive<DenseI64ArrayAttr>]>;
def Ghost_Pads2D : ConfinedAttr<DenseI64ArrayAttr, [DenseArrayCount<4>,
    DenseArrayNonNegative<DenseI64ArrayAttr>]>;

/// An op with one tensor result whose type follows from operands and
/// attributes by a shape rule in GhostOps.cpp.
class Ghost_InferredOp<string mnemonic, list<Trait> traits = []>
    : Ghost_Op<mnemonic, !listconcat(traits, [Pure, InferTypeOpAdaptor])>;

/// An op whose result has its input's type; ODS generates the inference.
class Ghost_SameTypeOp<string mnemonic, list<Trait> traits = []>
    : Ghost_Op<mnemonic, !listconcat(traits, [Pure, SameOperandsAndResultType,
                                              InferTypeOpInterface])>;

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Ghost_ConstantOp : Ghost_Op<"constant",
    [ConstantLike, Pure, InferTypeOpAdaptor]> {
  let summary = "a constant tensor (weights, biases, folded shapes)";
  let description = [{
    Holds a constant f32 tensor. The importer turns every ONNX initializer and
    every `Constant` node into one; the graph passes fold through them.

    Example:
    ```mlir
    %bias = ghost.constant dense<[0.5, -1.0]> : tensor<2xf32>
    ```
  }];
  let arguments = (ins TypedAttrInterface:$value);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Convolution and normalisation
//===----------------------------------------------------------------------===//

def Ghost_ConvOp : Ghost_InferredOp<"conv"> {
  let summary = "2-D convolution (ONNX Conv) with an optional fused activation";
  let description = [{
    `output[n, o, y, x] = act(bias[o] + sum(input[n, g*Cg + c, y*sy - pt + ky*dy,
    x*sx - pl + kx*dx] * weight[o, c, ky, kx]))` over `c < Cg`, `ky`, `kx`,
    where `Cg = C / group` and `g = o / (O / group)`; out-of-range input
    positions read as zero. `pads` is `[top, left, bottom, right]`, `strides`
    and `dilations` are `[h, w]`. Output size per spatial axis:
    `(in + pad_begin + pad_end - dilation * (k - 1) - 1) / stride + 1`.
    `group == C == O` is a depthwise convolution.

    Example:
    ```mlir
    %y = ghost.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} act relu
        : (tensor<1x3x224x224xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor4D:$input, Ghost_Tensor4D:$weight,
      Optional<Ghost_Tensor>:$bias,
      DefaultValuedAttr<Ghost_Pair, "{1, 1}">:$strides,
      DefaultValuedAttr<Ghost_Pads2D, "{0, 0, 0, 0}">:$pads,
      DefaultValuedAttr<Ghost_Pair, "{1, 1}">:$dilations,
      DefaultValuedAttr<ConfinedAttr<I64Attr, [IntPositive]>, "1">:$group,
      DefaultValuedAttr<Ghost_ActivationAttr, "Activation::None">:$activation);
  let results = (outs Ghost_Tensor4D:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `act` $activation `:`
    functional-type(operands, results)
  }];
}

def Ghost_BatchNormOp : Ghost_InferredOp<"batch_norm"> {
  let summary = "inference-form batch normalisation over axis 1";
  let description = [{
    `output[n, c, ...] = (input[n, c, ...] - mean[c]) / sqrt(var[c] + epsilon)
    * scale[c] + bias[c]`. The graph passes fold it into a neighbouring
    convolution, or keep it as a per-channel scale and shift.

    Example:
    ```mlir
    %y = ghost.batch_norm %x, %scale, %bias, %mean, %var {epsilon = 1.0e-05 : f32}
        : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input, Ghost_Tensor:$scale,
      Ghost_Tensor:$bias, Ghost_Tensor:$mean, Ghost_Tensor:$var,
      DefaultValuedAttr<F32Attr, "1.0e-5f">:$epsilon);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $bias `,` $mean `,` $var attr-dict `:`
    functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Element-wise activations
//===----------------------------------------------------------------------===//

class Ghost_UnaryOp<string mnemonic, string formula>
    : Ghost_SameTypeOp<mnemonic, [Elementwise]> {
  let description = [{
    Element-wise: `output = }] # formula # [{`.

    Example:
    ```mlir
    %y = ghost.}] # mnemonic # [{ %x : tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def Ghost_ReluOp : Ghost_UnaryOp<"relu", "max(input, 0)"> {
  let summary = "rectified linear unit";
  let hasFolder = 1;
}
def Ghost_SigmoidOp : Ghost_UnaryOp<"sigmoid", "1 / (1 + exp(-input))"> {
  let summary = "logistic sigmoid";
}
def Ghost_HardSwishOp
    : Ghost_UnaryOp<"hard_swish", "input * min(max(input + 3, 0), 6) / 6"> {
  let summary = "hard swish (ONNX HardSwish)";
}
def Ghost_SiluOp
    : Ghost_UnaryOp<"silu", "input * (1 / (1 + exp(-input)))"> {
  let summary = "sigmoid linear unit, or swish (ONNX: x * Sigmoid(x))";
}

def Ghost_ClipOp : Ghost_SameTypeOp<"clip", [Elementwise]> {
  let summary = "clamp every element to [min, max]";
  let description = [{
    `output = min(max(input, min), max)`; `min = 0, max = 6` is ReLU6.

    Example:
    ```mlir
    %y = ghost.clip %x {max = 6.0 : f32, min = 0.0 : f32} : tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input, F32Attr:$min, F32Attr:$max);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Ghost_HardSigmoidOp : Ghost_SameTypeOp<"hard_sigmoid", [Elementwise]> {
  let summary = "hard sigmoid (ONNX HardSigmoid)";
  let description = [{
    `output = max(0, min(1, alpha * input + beta))`. The defaults,
    `alpha = 1/6` and `beta = 0.5`, give `relu6(input + 3) / 6`, the gate of
    GhostNet's squeeze-and-excitation blocks.

    Example:
    ```mlir
    %g = ghost.hard_sigmoid %x : tensor<1x16x1x1xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input,
      DefaultValuedAttr<F32Attr, "1.0f / 6.0f">:$alpha,
      DefaultValuedAttr<F32Attr, "0.5f">:$beta);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def Ghost_LeakyReluOp : Ghost_SameTypeOp<"leaky_relu", [Elementwise]> {
  let summary = "leaky rectified linear unit";
  let description = [{
    `output = input >= 0 ? input : alpha * input`.

    Example:
    ```mlir
    %y = ghost.leaky_relu %x {alpha = 0.1 : f32} : tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input,
      DefaultValuedAttr<F32Attr, "0.01f">:$alpha);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

//===----------------------------------------------------------------------===//
// Broadcasting binary arithmetic
//===----------------------------------------------------------------------===//

// Not `Elementwise`: that trait requires operands of one shape, and these
// broadcast.
class Ghost_BinaryOp<string mnemonic, string operator>
    : Ghost_InferredOp<mnemonic> {
  let description = [{
    Element-wise `output = lhs }] # operator # [{ rhs` with NumPy
    (multidirectional) broadcasting: shapes are aligned on the right, and a
    dimension of 1 stretches to the other operand's.

    Example:
    ```mlir
    %y = ghost.}] # mnemonic # [{ %x, %s : (tensor<1x16x8x8xf32>, tensor<1x16x1x1xf32>) -> tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$lhs, Ghost_Tensor:$rhs);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
}

def Ghost_AddOp : Ghost_BinaryOp<"add", "+"> {
  let summary = "broadcasting addition";
  let hasFolder = 1;
}
def Ghost_SubOp : Ghost_BinaryOp<"sub", "-"> {
  let summary = "broadcasting subtraction";
}
def Ghost_MulOp : Ghost_BinaryOp<"mul", "*"> {
  let summary = "broadcasting multiplication";
  let hasFolder = 1;
}
def Ghost_DivOp : Ghost_BinaryOp<"div", "/"> {
  let summary = "broadcasting division";
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Ghost_ConcatOp : Ghost_InferredOp<"concat"> {
  let summary = "concatenation along one axis";
  let description = [{
    Joins the inputs along `axis` (non-negative), in operand order; all other
    dimensions must agree.

    Example:
    ```mlir
    %y = ghost.concat %a, %b axis 1 : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x16x4x4xf32>
    ```
  }];
  let arguments = (ins Variadic<Ghost_Tensor>:$inputs,
      ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $inputs `axis` $axis attr-dict `:` functional-type($inputs, results)
  }];
  let hasFolder = 1;
}

def Ghost_SliceOp : Ghost_InferredOp<"slice"> {
  let summary = "strided slice with one start, size and step per axis";
  let description = [{
    `output[i0, i1, ...] = input[starts[0] + i0 * steps[0], starts[1] + i1 *
    steps[1], ...]` for `0 <= ik < sizes[k]`. Every index read is inside the
    input: ONNX's negative and clamped bounds are resolved by the importer.
    A negative step walks backwards from `starts[k]`.

    Example:
    ```mlir
    %y = ghost.slice %x [0, 0, 0, 0] [1, 16, 8, 8] [1, 1, 1, 1]
        : tensor<1x20x8x8xf32> -> tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input, DenseI64ArrayAttr:$starts,
      ConfinedAttr<DenseI64ArrayAttr, [DenseArrayNonNegative<DenseI64ArrayAttr>]>:$sizes,
      DenseI64ArrayAttr:$steps);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $input $starts $sizes $steps attr-dict `:` type($input) `->` type($output)
  }];
  let hasFolder = 1;
}

def Ghost_ReshapeOp : Ghost_Op<"reshape", [Pure]> {
  let summary = "reinterpret a tensor with another static shape";
  let description = [{
    Keeps the elements in row-major order and gives them the result's shape,
    which must hold the same number of elements. ONNX Reshape, Flatten,
    Squeeze and Unsqueeze all import as this op.

    Example:
    ```mlir
    %y = ghost.reshape %x : tensor<1x1280x1x1xf32> -> tensor<1x1280xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Ghost_TransposeOp : Ghost_InferredOp<"transpose"> {
  let summary = "permutation of the axes";
  let description = [{
    `output` dimension `i` is `input` dimension `perm[i]`.

    Example:
    ```mlir
    %y = ghost.transpose %x [0, 2, 3, 1] : tensor<1x16x8x4xf32> -> tensor<1x8x4x16xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "$input $perm attr-dict `:` type($input) `->` type($output)";
}

def Ghost_PadOp : Ghost_InferredOp<"pad"> {
  let summary = "pad every axis at both ends";
  let description = [{
    `pads` holds `rank` begin counts followed by `rank` end counts, all
    non-negative. `constant` fills with `value`; `reflect` mirrors without
    repeating the edge; `edge` repeats the edge.

    Example:
    ```mlir
    %y = ghost.pad %x constant [0, 0, 1, 1, 0, 0, 1, 1] {value = 0.0 : f32}
        : tensor<1x3x8x8xf32> -> tensor<1x3x10x10xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input, Ghost_PadModeAttr:$mode,
      ConfinedAttr<DenseI64ArrayAttr, [DenseArrayNonNegative<DenseI64ArrayAttr>]>:$pads,
      DefaultValuedAttr<F32Attr, "0.0f">:$value);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $input $mode $pads attr-dict `:` type($input) `->` type($output)
  }];
  let hasFolder = 1;
}

def Ghost_ResizeOp : Ghost_Op<"resize", [Pure]> {
  let summary = "nearest or linear resampling of the trailing two axes";
  let description = [{
    ONNX Resize restricted to the H and W axes of an NCHW tensor. The output
    size is the result type's; `scales` (`[h, w]`) is the factor the
    coordinate transformation divides by, as in ONNX: with `asymmetric`,
    `in = out / scale`; with `half_pixel`, `in = (out + 0.5) / scale - 0.5`;
    `pytorch_half_pixel` is `half_pixel` except that an output axis of length
    1 reads coordinate 0; `align_corners` maps the corners onto each other;
    `tf_half_pixel_for_nn` is `in = (out + 0.5) / scale`. `nearest` rounds the coordinate with `nearest_mode`; `linear`
    interpolates between the two neighbours on each axis.

    Example:
    ```mlir
    %y = ghost.resize %x nearest asymmetric floor [2.0, 2.0]
        : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor4D:$input, Ghost_ResizeModeAttr:$mode,
      Ghost_CoordinateTransformAttr:$coordinate_transform,
      Ghost_NearestModeAttr:$nearest_mode,
      ConfinedAttr<DenseF32ArrayAttr, [DenseArrayCount<2>]>:$scales);
  let results = (outs Ghost_Tensor4D:$output);
  let assemblyFormat = [{
    $input $mode $coordinate_transform $nearest_mode $scales attr-dict `:`
    type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Pooling and reductions
//===----------------------------------------------------------------------===//

def Ghost_GlobalAveragePoolOp : Ghost_InferredOp<"global_average_pool"> {
  let summary = "mean over every spatial position";
  let description = [{
    `output[n, c, 0, 0] = mean over y, x of input[n, c, y, x]`.

    Example:
    ```mlir
    %y = ghost.global_average_pool %x : tensor<1x960x7x7xf32> -> tensor<1x960x1x1xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor4D:$input);
  let results = (outs Ghost_Tensor4D:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

class Ghost_PoolOp<string mnemonic, string reduction, dag extraArgs,
                   string extraDescription = "">
    : Ghost_InferredOp<mnemonic> {
  let summary = "2-D " # reduction # " pooling";
  let description = [{
    Takes the }] # reduction # [{ of each `kernel` window, its taps
    `dilations` apart, moved by `strides`, over the input padded by `pads`
    (`[top, left, bottom, right]`). Output size per axis: `(in + pad_begin +
    pad_end - ((k - 1) * dilation + 1)) / stride + 1`, rounded up instead of
    down when `ceil_mode` is set; a window that would start in the end
    padding is dropped.}] # extraDescription # [{

    Example:
    ```mlir
    %y = ghost.}] # mnemonic # [{ %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
        : tensor<1x16x8x8xf32> -> tensor<1x16x4x4xf32>
    ```
  }];
  let arguments = !con((ins Ghost_Tensor4D:$input, Ghost_Pair:$kernel,
      DefaultValuedAttr<Ghost_Pair, "{1, 1}">:$strides,
      DefaultValuedAttr<Ghost_Pads2D, "{0, 0, 0, 0}">:$pads,
      DefaultValuedAttr<BoolAttr, "false">:$ceil_mode), extraArgs,
      (ins DefaultValuedAttr<Ghost_Pair, "{1, 1}">:$dilations));
  let results = (outs Ghost_Tensor4D:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Ghost_AveragePoolOp : Ghost_PoolOp<"average_pool", "average",
    (ins DefaultValuedAttr<BoolAttr, "false">:$count_include_pad),
    " With `count_include_pad` the divisor is the number of the window's "
    # "taps inside the padded input; without it, the number of taps on real "
    # "input elements.">;
def Ghost_MaxPoolOp : Ghost_PoolOp<"max_pool", "maximum", (ins)>;

def Ghost_ReduceMeanOp : Ghost_InferredOp<"reduce_mean"> {
  let summary = "mean over a set of axes";
  let description = [{
    Averages over `axes` (sorted, distinct, non-negative). With `keepdims` the
    reduced axes stay with size 1; without it they are dropped.

    Example:
    ```mlir
    %y = ghost.reduce_mean %x [2, 3] {keepdims = true} : tensor<1x16x8x8xf32> -> tensor<1x16x1x1xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input, DenseI64ArrayAttr:$axes,
      DefaultValuedAttr<BoolAttr, "true">:$keepdims);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $input $axes attr-dict `:` type($input) `->` type($output)
  }];
}

def Ghost_SoftmaxOp : Ghost_SameTypeOp<"softmax"> {
  let summary = "softmax along one axis";
  let description = [{
    `output = exp(input - max) / sum(exp(input - max))` along `axis`
    (non-negative), the ONNX opset-13 semantics; the importer rewrites the
    older flattening form into this one.

    Example:
    ```mlir
    %y = ghost.softmax %x axis 1 : tensor<1x1000xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$input,
      ConfinedAttr<I64Attr, [IntNonNegative]>:$axis);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = "$input `axis` $axis attr-dict `:` type($input)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

def Ghost_GemmOp : Ghost_InferredOp<"gemm"> {
  let summary = "general matrix product (ONNX Gemm) with a fused activation";
  let description = [{
    `output = act(alpha * A' * B' + beta * C)` with `A' = trans_a ? A^T : A`
    (M×K) and `B' = trans_b ? B^T : B` (K×N); `C` is optional and broadcasts
    to M×N.

    Example:
    ```mlir
    %y = ghost.gemm %a, %w, %b {trans_b = true} act none
        : (tensor<1x1280xf32>, tensor<1000x1280xf32>, tensor<1000xf32>) -> tensor<1x1000xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$a, Ghost_Tensor:$b,
      Optional<Ghost_Tensor>:$c,
      DefaultValuedAttr<BoolAttr, "false">:$trans_a,
      DefaultValuedAttr<BoolAttr, "false">:$trans_b,
      DefaultValuedAttr<F32Attr, "1.0f">:$alpha,
      DefaultValuedAttr<F32Attr, "1.0f">:$beta,
      DefaultValuedAttr<Ghost_ActivationAttr, "Activation::None">:$activation);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $a `,` $b (`,` $c^)? attr-dict `act` $activation `:`
    functional-type(operands, results)
  }];
}

def Ghost_MatMulOp : Ghost_InferredOp<"matmul"> {
  let summary = "batched matrix product with NumPy semantics (ONNX MatMul)";
  let description = [{
    Multiplies the trailing two axes (M×K by K×N) and broadcasts the leading
    batch axes. Both operands have rank 2 or more; the importer reshapes 1-D
    operands as ONNX prescribes.

    Example:
    ```mlir
    %y = ghost.matmul %a, %b : (tensor<1x1280xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor:$lhs, Ghost_Tensor:$rhs);
  let results = (outs Ghost_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// The two ops that name the project
//===----------------------------------------------------------------------===//

def Ghost_GhostModuleOp : Ghost_InferredOp<"ghost_module"> {
  let summary = "GhostNet's Ghost module: primary conv, cheap depthwise conv, concatenated";
  let description = [{
    With `init = ceil(oup / ratio)` and `cheap = init * (ratio - 1)`:

    1. `primary = act(conv(input, primary_weight, primary_bias))` with kernel
       `kernel`×`kernel`, stride `stride`, padding `kernel / 2` on every side:
       `init` channels (`primary_weight` is `init`×C×`kernel`×`kernel`);
    2. `cheap_out = act(depthwise_conv(primary, cheap_weight, cheap_bias))`
       with kernel `dw_size`×`dw_size`, stride 1, padding `dw_size / 2`:
       `cheap` channels (`cheap_weight` is `cheap`×1×`dw_size`×`dw_size`);
       cheap channel `j` reads primary channel `j / (ratio - 1)`, so each
       primary channel feeds `ratio - 1` consecutive cheap channels;
    3. `output` is the first `oup` channels of `concat(primary, cheap_out)`
       along C: all `init` primary channels, then cheap channels
       `0 .. oup - init - 1`. Cheap channels past `oup` are computed by the
       ONNX graph but dropped; they may be left out.

    `activation` is `none` or `relu` and applies to both convolutions.
    BatchNormalization is folded into the weights and biases before lifting.

    Example:
    ```mlir
    %y = ghost.ghost_module %x, %wp, %bp, %wc, %bc
        {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
        : (tensor<1x16x56x56xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>)
          -> tensor<1x16x56x56xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor4D:$input, Ghost_Tensor4D:$primary_weight,
      Ghost_Tensor:$primary_bias, Ghost_Tensor4D:$cheap_weight,
      Ghost_Tensor:$cheap_bias,
      ConfinedAttr<I64Attr, [IntPositive]>:$oup,
      ConfinedAttr<I64Attr, [IntMinValue<2>]>:$ratio,
      ConfinedAttr<I64Attr, [IntPositive]>:$kernel,
      ConfinedAttr<I64Attr, [IntPositive]>:$dw_size,
      ConfinedAttr<I64Attr, [IntPositive]>:$stride,
      DefaultValuedAttr<Ghost_ActivationAttr, "Activation::None">:$activation);
  let results = (outs Ghost_Tensor4D:$output);
  let assemblyFormat = [{
    $input `,` $primary_weight `,` $primary_bias `,` $cheap_weight `,`
    $cheap_bias attr-dict `act` $activation `:`
    functional-type(operands, results)
  }];
}

def Ghost_SEOp : Ghost_InferredOp<"se"> {
  let summary = "squeeze-and-excitation: x times a per-channel gate computed from x";
  let description = [{
    On `input` of shape N×C×H×W, with `w1` R×C, `b1` R, `w2` C×R, `b2` C:

    1. `s[n, c] = mean over h, w of input[n, c, h, w]`;
    2. `r[n, i] = relu(sum over c of w1[i, c] * s[n, c] + b1[i])`;
    3. `g[n, c] = gate(sum over i of w2[c, i] * r[n, i] + b2[c])`, where
       `gate` is `hard_sigmoid` (`relu6(v + 3) / 6`) or `sigmoid`;
    4. `output[n, c, h, w] = input[n, c, h, w] * g[n, c]`: the gate scales
       the block's own input, channel by channel.

    Example:
    ```mlir
    %y = ghost.se %x, %w1, %b1, %w2, %b2 gate hard_sigmoid
        : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>)
          -> tensor<1x40x28x28xf32>
    ```
  }];
  let arguments = (ins Ghost_Tensor4D:$input, Ghost_Tensor:$w1,
      Ghost_Tensor:$b1, Ghost_Tensor:$w2, Ghost_Tensor:$b2,
      Ghost_SEGateAttr:$gate);
  let results = (outs Ghost_Tensor4D:$output);
  let assemblyFormat = [{
    $input `,` $w1 `,` $b1 `,` $w2 `,` $b2 `gate` $gate attr-dict `:`
    functional-type(operands, results)
  }];
}

#endif // GHOSTC_DIALECT_GHOST_GHOSTOPS_TD
