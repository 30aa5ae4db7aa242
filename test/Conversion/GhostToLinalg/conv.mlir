// RUN: ghostc-opt %s --convert-ghost-to-linalg -split-input-file | FileCheck %s

// ghost.conv becomes linalg.conv_2d_nchw_fchw without groups,
// linalg.depthwise_conv_2d_nchw_chw when every group has one input and one
// output channel, and otherwise one linalg.generic over
// (n, o, c, ky, kx, y, x) whose input channel is `(o floordiv Og) * Cg + c`.
// Padding is a zero-filled tensor with the input inserted into it, a bias a
// broadcasting generic that initialises the accumulator, and a fused
// activation a second generic that works in place on the sum.

// CHECK-LABEL: func.func @plain
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
// CHECK-DAG: %[[EMPTY:.*]] = tensor.empty() : tensor<1x4x6x6xf32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
// CHECK-NOT: tensor.insert_slice
// CHECK: %[[SUM:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[X]], %[[W]] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%[[INIT]] : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
// CHECK-NOT: linalg.generic
// CHECK: return %[[SUM]] : tensor<1x4x6x6xf32>
func.func @plain(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %0 = ghost.conv %x, %w act none : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

// Stride 2; the padding of 1 on every side is a 10x10 zero tensor holding
// the input at [1, 1]; the bias initialises the sum through a channel map;
// relu runs in place on the sum.

// CHECK-DAG: #[[BIAS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @strided_padded_bias_relu
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x4x4x4xf32>
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[BIAS]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[B]] : tensor<4xf32>) outs(%[[EMPTY]] : tensor<1x4x4x4xf32>)
// CHECK-NEXT: ^bb0(%[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[BV]] : f32
// CHECK-DAG: %[[PEMPTY:.*]] = tensor.empty() : tensor<1x3x10x10xf32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[PEMPTY]] : tensor<1x3x10x10xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[X]] into %[[ZEROS]][0, 0, 1, 1] [1, 3, 8, 8] [1, 1, 1, 1] : tensor<1x3x8x8xf32> into tensor<1x3x10x10xf32>
// CHECK: %[[SUM:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PADDED]], %[[W]] : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) outs(%[[INIT]] : tensor<1x4x4x4xf32>)
// CHECK: %[[ACT:.*]] = linalg.generic {indexing_maps = [#[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%[[SUM]] : tensor<1x4x4x4xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK-DAG: %[[RZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[RELU:.*]] = arith.maximumf %[[V]], %[[RZERO]] : f32
// CHECK: linalg.yield %[[RELU]] : f32
// CHECK: return %[[ACT]] : tensor<1x4x4x4xf32>
func.func @strided_padded_bias_relu(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = ghost.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} act relu : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Two groups of 2 input and 4 output channels: output channel o reads input
// channels (o floordiv 4) * 2 + c. The hard_sigmoid activation is
// relu6(x + 3) / 6 on the sum.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, (d1 floordiv 4) * 2 + d2, d3 + d5, d4 + d6)>
// CHECK-DAG: #[[WEIGHT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d2, d3, d4)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d5, d6)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @grouped
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x5xf32>, %[[W:.*]]: tensor<8x2x1x1xf32>)
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[WEIGHT]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]} ins(%[[X]], %[[W]] : tensor<1x4x5x5xf32>, tensor<8x2x1x1xf32>) outs(%[[INIT]] : tensor<1x8x5x5xf32>)
// CHECK: %[[ACT:.*]] = linalg.generic {indexing_maps = [#[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%[[SUM]] : tensor<1x8x5x5xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK-DAG: %[[SHIFTED:.*]] = arith.addf %[[V]], %[[THREE:.*]] : f32
// CHECK-DAG: %[[THREE]] = arith.constant 3.000000e+00 : f32
// CHECK-DAG: %[[LOW:.*]] = arith.maximumf %[[SHIFTED]], %[[ZERO:.*]] : f32
// CHECK-DAG: %[[ZERO]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HIGH:.*]] = arith.minimumf %[[LOW]], %[[SIX:.*]] : f32
// CHECK-DAG: %[[SIX]] = arith.constant 6.000000e+00 : f32
// CHECK-DAG: %[[GATE:.*]] = arith.divf %[[HIGH]], %[[DIVISOR:.*]] : f32
// CHECK-DAG: %[[DIVISOR]] = arith.constant 6.000000e+00 : f32
// CHECK: linalg.yield %[[GATE]] : f32
// CHECK: return %[[ACT]]
func.func @grouped(%x: tensor<1x4x5x5xf32>, %w: tensor<8x2x1x1xf32>) -> tensor<1x8x5x5xf32> {
  %0 = ghost.conv %x, %w {group = 2 : i64} act hard_sigmoid : (tensor<1x4x5x5xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x5x5xf32>
  return %0 : tensor<1x8x5x5xf32>
}

// -----

// Depthwise (group == C == O): the named op on the weight without its unit
// input-channel dimension. Dilation 2 on H; asymmetric padding [top 0,
// left 1, bottom 0, right 2] pads W to 9 + 3. hard_swish multiplies the
// input by its hard sigmoid.

// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @depthwise_dilated
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x9x9xf32>, %[[W:.*]]: tensor<16x1x3x3xf32>)
// CHECK: %[[INIT:.*]] = linalg.fill {{.*}} -> tensor<1x16x3x5xf32>
// CHECK: %[[ZEROS:.*]] = linalg.fill {{.*}} -> tensor<1x16x9x12xf32>
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[X]] into %[[ZEROS]][0, 0, 0, 1] [1, 16, 9, 9] [1, 1, 1, 1]
// CHECK: %[[FILTER:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<16x1x3x3xf32> into tensor<16x3x3xf32>
// CHECK: %[[SUM:.*]] = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PADDED]], %[[FILTER]] : tensor<1x16x9x12xf32>, tensor<16x3x3xf32>) outs(%[[INIT]] : tensor<1x16x3x5xf32>)
// CHECK: %[[ACT:.*]] = linalg.generic {indexing_maps = [#[[ID4]]], {{.*}} outs(%[[SUM]] : tensor<1x16x3x5xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK-DAG: %[[SHIFTED:.*]] = arith.addf %[[V]], %[[THREE:.*]] : f32
// CHECK-DAG: %[[THREE]] = arith.constant 3.000000e+00 : f32
// CHECK-DAG: %[[LOW:.*]] = arith.maximumf %[[SHIFTED]], %{{.*}} : f32
// CHECK-DAG: %[[HIGH:.*]] = arith.minimumf %[[LOW]], %{{.*}} : f32
// CHECK-DAG: %[[GATE:.*]] = arith.divf %[[HIGH]], %{{.*}} : f32
// CHECK-DAG: %[[SWISH:.*]] = arith.mulf %[[V]], %[[GATE]] : f32
// CHECK: linalg.yield %[[SWISH]] : f32
// CHECK: return %[[ACT]]
func.func @depthwise_dilated(%x: tensor<1x16x9x9xf32>, %w: tensor<16x1x3x3xf32>) -> tensor<1x16x3x5xf32> {
  %0 = ghost.conv %x, %w {group = 16 : i64, dilations = array<i64: 2, 1>, strides = array<i64: 2, 2>, pads = array<i64: 0, 1, 0, 2>} act hard_swish
      : (tensor<1x16x9x9xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x3x5xf32>
  return %0 : tensor<1x16x3x5xf32>
}

// -----

// Depthwise with a channel multiplier of 2 (group 4, 4 inputs, 8 outputs):
// output channels 2g and 2g + 1 both read input channel g. Sigmoid is
// 0.5 + 0.5 * tanh(x / 2).

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 floordiv 2 + d2, d3 + d5, d4 + d6)>

// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x6x6xf32>, %[[W:.*]]: tensor<8x1x3x3xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[IN]], {{.*}} ins(%[[X]], %[[W]] : tensor<1x4x6x6xf32>, tensor<8x1x3x3xf32>) outs(%{{.*}} : tensor<1x8x4x4xf32>)
// CHECK: %[[ACT:.*]] = linalg.generic {{.*}} outs(%[[SUM]] : tensor<1x8x4x4xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[HALFX:.*]] = arith.mulf %[[V]], %[[HALF]] : f32
// CHECK-DAG: %[[TANH:.*]] = math.tanh %[[HALFX]] : f32
// CHECK-DAG: %[[SIG:.*]] = math.fma %[[TANH]], %[[HALF]], %[[HALF]] : f32
// CHECK: linalg.yield %[[SIG]] : f32
// CHECK: return %[[ACT]]
func.func @depthwise_multiplier(%x: tensor<1x4x6x6xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x4x4xf32> {
  %0 = ghost.conv %x, %w {group = 4 : i64} act sigmoid : (tensor<1x4x6x6xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// relu6 clamps the sum to [0, 6] in place.

// CHECK-LABEL: func.func @relu6
// CHECK: %[[SUM:.*]] = linalg.conv_2d_nchw_fchw
// CHECK: %[[ACT:.*]] = linalg.generic {{.*}} outs(%[[SUM]] : tensor<1x2x3x3xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK-DAG: %[[LOW:.*]] = arith.maximumf %[[V]], %[[ZERO:.*]] : f32
// CHECK-DAG: %[[ZERO]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HIGH:.*]] = arith.minimumf %[[LOW]], %[[SIX:.*]] : f32
// CHECK-DAG: %[[SIX]] = arith.constant 6.000000e+00 : f32
// CHECK: linalg.yield %[[HIGH]] : f32
// CHECK: return %[[ACT]]
func.func @relu6(%x: tensor<1x2x3x3xf32>, %w: tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32> {
  %0 = ghost.conv %x, %w act relu6 : (tensor<1x2x3x3xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// A 1x1 convolution of 1x1 planes (a head after global pooling) is a dense
// layer: the constant weight is packed [c, f] at compile time and the sum
// runs n, c, f, with the bias as the start and the activation after.

// CHECK-LABEL: func.func @dense_head
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x1x1xf32>, %[[B:.*]]: tensor<2xf32>)
// CHECK: tensor.collapse_shape %[[X]] {{.*}} : tensor<1x3x1x1xf32> into tensor<3xf32>
// CHECK: %[[START:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<2xf32>) outs(%{{.*}} : tensor<1x2xf32>)
// CHECK: %[[PACKED:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} ins(%{{.*}}, %[[PACKED]] : tensor<1x3xf32>, tensor<3x2xf32>) outs(%[[START]] : tensor<1x2xf32>)
// CHECK: %[[ACT:.*]] = linalg.generic {{.*}} outs(%[[SUM]] : tensor<1x2xf32>)
// CHECK: arith.maximumf
// CHECK: tensor.expand_shape {{.*}} : tensor<2xf32> into tensor<1x2x1x1xf32>
// CHECK-NOT: linalg.conv
func.func @dense_head(%x: tensor<1x3x1x1xf32>, %b: tensor<2xf32>) -> tensor<1x2x1x1xf32> {
  %w = ghost.constant dense<[[[[1.0]], [[2.0]], [[3.0]]], [[[4.0]], [[5.0]], [[6.0]]]]> : tensor<2x3x1x1xf32>
  %0 = ghost.conv %x, %w, %b act relu : (tensor<1x3x1x1xf32>, tensor<2x3x1x1xf32>, tensor<2xf32>) -> tensor<1x2x1x1xf32>
  return %0 : tensor<1x2x1x1xf32>
}

// -----

// Padding or 1x1 planes that grow with padding keep the convolution.

// CHECK-LABEL: func.func @padded_head
// CHECK: linalg.conv_2d_nchw_fchw
func.func @padded_head(%x: tensor<1x3x1x1xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x2x3x3xf32> {
  %0 = ghost.conv %x, %w {pads = array<i64: 1, 1, 1, 1>} act none : (tensor<1x3x1x1xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// Constant weights held as resource blobs reach the kernels as constants of
// the shapes they read, the same blob (no collapse_shape, no copy): the
// depthwise filter [C, kh, kw], the dense layer's [f, c], which is then
// packed [c, f] at compile time (a dense constant, as this one is small).

// CHECK-LABEL: func.func @resource_depthwise
// CHECK: %[[W:.*]] = arith.constant dense_resource<dw> : tensor<2x1x2xf32>
// CHECK-NOT: tensor.collapse_shape %[[W]]
// CHECK: linalg.depthwise_conv_2d_nchw_chw {{.*}} ins(%{{.*}}, %[[W]] : tensor<1x2x3x3xf32>, tensor<2x1x2xf32>)
func.func @resource_depthwise(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = ghost.constant dense_resource<dw> : tensor<2x1x1x2xf32>
  %0 = ghost.conv %x, %w {group = 2 : i64} act none : (tensor<1x2x3x3xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32>
  return %0 : tensor<1x2x3x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      dw: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// CHECK-LABEL: func.func @resource_dense_head
// CHECK: %[[W:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[W]] : tensor<1x3xf32>, tensor<3x2xf32>)
func.func @resource_dense_head(%x: tensor<1x3x1x1xf32>) -> tensor<1x2x1x1xf32> {
  %w = ghost.constant dense_resource<fc> : tensor<2x3x1x1xf32>
  %0 = ghost.conv %x, %w act none : (tensor<1x3x1x1xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x1x1xf32>
  return %0 : tensor<1x2x1x1xf32>
}

{-#
  dialect_resources: {
    builtin: {
      fc: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}
