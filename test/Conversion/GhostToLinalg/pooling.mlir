// RUN: ghostc-opt %s --convert-ghost-to-linalg -split-input-file | FileCheck %s

// Pooling is linalg's window reduction (pooling_nchw_max, pooling_nchw_sum),
// which ghost-lower-convolutions gives the depthwise kernels; an empty tensor
// of the kernel's shape gives the window its extent. Max pooling pads with
// the lowest float, average pooling with zero and then multiplies each output
// by a compile-time table of 1 / divisor. Global average pooling is a mean.

// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[NC:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @global_average_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x5xf32>)
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x8xf32>)
// CHECK: %[[SUMS:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[NC]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<1x8x4x5xf32>) outs(%[[ZEROS]] : tensor<1x8xf32>)
// CHECK: arith.addf
// CHECK: %[[MEANS:.*]] = linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[SUMS]] : tensor<1x8xf32>)
// CHECK-NEXT: ^bb0(%[[S:.*]]: f32):
// CHECK-DAG: %[[INV:.*]] = arith.constant 5.000000e-02 : f32
// CHECK-DAG: %[[MEAN:.*]] = arith.mulf %[[S]], %[[INV]] : f32
// CHECK: linalg.yield %[[MEAN]]
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[MEANS]] {{\[\[}}0, 1]] : tensor<1x8xf32> into tensor<8xf32>
// CHECK: %[[Y:.*]] = tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1, 2, 3]] output_shape [1, 8, 1, 1] : tensor<8xf32> into tensor<1x8x1x1xf32>
// CHECK: return %[[Y]]
func.func @global_average_pool(%x: tensor<1x8x4x5xf32>) -> tensor<1x8x1x1xf32> {
  %y = ghost.global_average_pool %x : tensor<1x8x4x5xf32> -> tensor<1x8x1x1xf32>
  return %y : tensor<1x8x1x1xf32>
}

// -----

// CHECK-LABEL: func.func @max_pool_padded
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>)
// CHECK-DAG: %[[PEMPTY:.*]] = tensor.empty() : tensor<1x2x7x7xf32>
// CHECK-DAG: %[[LOWEST:.*]] = arith.constant -3.40282347E+38 : f32
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%[[LOWEST]] : f32) outs(%[[PEMPTY]] : tensor<1x2x7x7xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[X]] into %[[FILLED]][0, 0, 1, 1] [1, 2, 5, 5] [1, 1, 1, 1] : tensor<1x2x5x5xf32> into tensor<1x2x7x7xf32>
// CHECK: %[[EXTENT:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK-DAG: %[[OEMPTY:.*]] = tensor.empty() : tensor<1x2x3x3xf32>
// CHECK-DAG: %[[INIT_VALUE:.*]] = arith.constant -3.40282347E+38 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[INIT_VALUE]] : f32) outs(%[[OEMPTY]] : tensor<1x2x3x3xf32>)
// CHECK: %[[Y:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PADDED]], %[[EXTENT]] : tensor<1x2x7x7xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x2x3x3xf32>)
// CHECK: return %[[Y]]
func.func @max_pool_padded(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %y = ghost.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : tensor<1x2x5x5xf32> -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// ceil_mode: (5 - 2) / 2 + 1 rounds up to 3 windows, the last one starting at
// 4, so the input gets one row and column of end padding (lowest float).

// CHECK-LABEL: func.func @max_pool_ceil
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>)
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x2x6x6xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[X]] into %[[FILLED]][0, 0, 0, 0] [1, 2, 5, 5] [1, 1, 1, 1] : tensor<1x2x5x5xf32> into tensor<1x2x6x6xf32>
// CHECK: %[[Y:.*]] = linalg.pooling_nchw_max {{.*}} ins(%[[PADDED]], %{{.*}} : tensor<1x2x6x6xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<1x2x3x3xf32>)
// CHECK: return %[[Y]]
func.func @max_pool_ceil(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %y = ghost.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : tensor<1x2x5x5xf32> -> tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// Without padding there is no pad at all, and every window averages 4.

// CHECK-DAG: #[[YX:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @average_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32>)
// CHECK-NOT: tensor.insert_slice
// CHECK: %[[EXTENT:.*]] = tensor.empty() : tensor<2x2xf32>
// CHECK-DAG: %[[OEMPTY:.*]] = tensor.empty() : tensor<1x2x2x2xf32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[OEMPTY]] : tensor<1x2x2x2xf32>)
// CHECK: %[[SUMS:.*]] = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[X]], %[[EXTENT]] : tensor<1x2x4x4xf32>, tensor<2x2xf32>) outs(%[[INIT]] : tensor<1x2x2x2xf32>)
// CHECK: %[[TABLE:.*]] = arith.constant dense<2.500000e-01> : tensor<2x2xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[YX]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[TABLE]] : tensor<2x2xf32>) outs(%[[SUMS]] : tensor<1x2x2x2xf32>)
// CHECK-NEXT: ^bb0(%[[INV:.*]]: f32, %[[SUM:.*]]: f32):
// CHECK-NEXT: %[[AVG:.*]] = arith.mulf %[[SUM]], %[[INV]] : f32
// CHECK-NEXT: linalg.yield %[[AVG]]
// CHECK: return %[[Y]]
func.func @average_pool(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %y = ghost.average_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// Padding [top 1, left 1, bottom 0, right 0] on a 3x3 input, kernel 2,
// stride 2: the first window on each axis covers one real element and one of
// padding. Without count_include_pad the divisors are 1, 2, 2, 4; with it,
// every window counts 4.

// CHECK-LABEL: func.func @average_pool_count_include_pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x3xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 1, 1] [1, 2, 3, 3] [1, 1, 1, 1] : tensor<1x2x3x3xf32> into tensor<1x2x4x4xf32>
// CHECK: %[[SUMS:.*]] = linalg.pooling_nchw_sum {{.*}} ins(%[[PADDED]], %{{.*}} : tensor<1x2x4x4xf32>, tensor<2x2xf32>)
// CHECK: %[[EXCLUDE:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 5.000000e-01], [5.000000e-01, 2.500000e-01]]> : tensor<2x2xf32>
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[EXCLUDE]] : tensor<2x2xf32>) outs(%[[SUMS]] : tensor<1x2x2x2xf32>)
// CHECK: %[[PADDED2:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 1, 1] [1, 2, 3, 3] [1, 1, 1, 1]
// CHECK: %[[SUMS2:.*]] = linalg.pooling_nchw_sum {{.*}} ins(%[[PADDED2]], %{{.*}} : tensor<1x2x4x4xf32>, tensor<2x2xf32>)
// CHECK: %[[INCLUDE:.*]] = arith.constant dense<2.500000e-01> : tensor<2x2xf32>
// CHECK: %[[Z:.*]] = linalg.generic {{.*}} ins(%[[INCLUDE]] : tensor<2x2xf32>) outs(%[[SUMS2]] : tensor<1x2x2x2xf32>)
// CHECK: return %[[Y]], %[[Z]]
func.func @average_pool_count_include_pad(%x: tensor<1x2x3x3xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) {
  %y = ghost.average_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>} : tensor<1x2x3x3xf32> -> tensor<1x2x2x2xf32>
  %z = ghost.average_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>, count_include_pad = true} : tensor<1x2x3x3xf32> -> tensor<1x2x2x2xf32>
  return %y, %z : tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>
}

// -----

// ceil_mode average: the last window on each axis holds one element only,
// so its divisor is 1 (the corner's 1 * 1), the edges' 2 * 1.

// CHECK-LABEL: func.func @average_pool_ceil
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x5x5xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 0, 0] [1, 1, 5, 5] [1, 1, 1, 1] : tensor<1x1x5x5xf32> into tensor<1x1x6x6xf32>
// CHECK: %[[SUMS:.*]] = linalg.pooling_nchw_sum {{.*}} ins(%[[PADDED]], %{{.*}} : tensor<1x1x6x6xf32>, tensor<2x2xf32>)
// CHECK: %[[TABLE:.*]] = arith.constant dense<{{\[\[}}2.500000e-01, 2.500000e-01, 5.000000e-01], [2.500000e-01, 2.500000e-01, 5.000000e-01], [5.000000e-01, 5.000000e-01, 1.000000e+00]]> : tensor<3x3xf32>
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[TABLE]] : tensor<3x3xf32>) outs(%[[SUMS]] : tensor<1x1x3x3xf32>)
// CHECK: return %[[Y]]
func.func @average_pool_ceil(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %y = ghost.average_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// Dilated windows: the taps are 2 apart. The divisor counts the taps on real
// input: output 0 on each axis has taps at -1 (padding) and 1, output 1 at 1
// and 3, output 2 at 3 and 5 (padding).
// CHECK-LABEL: func.func @average_pool_dilated
// CHECK: linalg.pooling_nchw_sum {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x1x7x7xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<1x1x3x3xf32>)
// CHECK: arith.constant dense<{{\[\[}}1.000000e+00, 5.000000e-01, 1.000000e+00], [5.000000e-01, 2.500000e-01, 5.000000e-01], [1.000000e+00, 5.000000e-01, 1.000000e+00]]> : tensor<3x3xf32>
func.func @average_pool_dilated(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %y = ghost.average_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                              pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 2, 2>}
      : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// With count_include_pad, every tap inside the padded input counts: 2 x 2
// everywhere.
// CHECK-LABEL: func.func @average_pool_dilated_incl
// CHECK: arith.constant dense<2.500000e-01> : tensor<3x3xf32>
func.func @average_pool_dilated_incl(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
  %y = ghost.average_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                              pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 2, 2>,
                              count_include_pad = true}
      : tensor<1x1x5x5xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}
