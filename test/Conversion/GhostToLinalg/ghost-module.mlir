// RUN: ghostc-opt %s --convert-ghost-to-linalg -split-input-file | FileCheck %s

// ghost.ghost_module computes straight into its result: the primary
// convolution into the extract_slice of channels [0, init), the cheap
// depthwise convolution into the extract_slice of channels [init, oup) of the
// result after the primary half is inserted. Only the first oup - init cheap
// filters and biases, and primary channels, are used. No concatenation and no slice of a computed
// tensor.

// CHECK-DAG: #[[BIAS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// oup = 15, ratio = 2: init = 8 primary channels, then 7 of the 8 cheap ones.
// CHECK-LABEL: func.func @odd_oup
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>, %[[WP:.*]]: tensor<8x16x1x1xf32>, %[[BP:.*]]: tensor<8xf32>, %[[WC:.*]]: tensor<8x1x3x3xf32>, %[[BC:.*]]: tensor<8xf32>) -> tensor<1x15x8x8xf32>
// CHECK: %[[RESULT:.*]] = tensor.empty() : tensor<1x15x8x8xf32>
// CHECK: %[[PSLOT:.*]] = tensor.extract_slice %[[RESULT]][0, 0, 0, 0] [1, 8, 8, 8] [1, 1, 1, 1] : tensor<1x15x8x8xf32> to tensor<1x8x8x8xf32>
// CHECK: %[[PINIT:.*]] = linalg.generic {indexing_maps = [#[[BIAS]], #[[ID4]]], {{.*}} ins(%[[BP]] : tensor<8xf32>) outs(%[[PSLOT]] : tensor<1x8x8x8xf32>)
// CHECK: %[[PSUM:.*]] = linalg.conv_2d_nchw_fchw {{.*}} ins(%[[X]], %[[WP]] : tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) outs(%[[PINIT]] : tensor<1x8x8x8xf32>)
// CHECK: %[[PRIMARY:.*]] = linalg.generic {indexing_maps = [#[[ID4]]], {{.*}} outs(%[[PSUM]] : tensor<1x8x8x8xf32>)
// CHECK: arith.maximumf
// The cheap convolution reads the primary half padded by dw_size / 2 = 1.
// CHECK: %[[ZEROS:.*]] = linalg.fill {{.*}} -> tensor<1x8x10x10xf32>
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[PRIMARY]] into %[[ZEROS]][0, 0, 1, 1] [1, 8, 8, 8] [1, 1, 1, 1] : tensor<1x8x8x8xf32> into tensor<1x8x10x10xf32>
// CHECK: %[[WITH_PRIMARY:.*]] = tensor.insert_slice %[[PRIMARY]] into %[[RESULT]][0, 0, 0, 0] [1, 8, 8, 8] [1, 1, 1, 1] : tensor<1x8x8x8xf32> into tensor<1x15x8x8xf32>
// CHECK: %[[KEPT_W:.*]] = tensor.extract_slice %[[WC]][0, 0, 0, 0] [7, 1, 3, 3] [1, 1, 1, 1] : tensor<8x1x3x3xf32> to tensor<7x1x3x3xf32>
// CHECK: %[[KEPT_B:.*]] = tensor.extract_slice %[[BC]][0] [7] [1] : tensor<8xf32> to tensor<7xf32>
// CHECK: %[[CSLOT:.*]] = tensor.extract_slice %[[WITH_PRIMARY]][0, 8, 0, 0] [1, 7, 8, 8] [1, 1, 1, 1] : tensor<1x15x8x8xf32> to tensor<1x7x8x8xf32>
// CHECK: %[[CINIT:.*]] = linalg.generic {indexing_maps = [#[[BIAS]], #[[ID4]]], {{.*}} ins(%[[KEPT_B]] : tensor<7xf32>) outs(%[[CSLOT]] : tensor<1x7x8x8xf32>)
// CHECK: %[[KEPT_IN:.*]] = tensor.extract_slice %[[PADDED]][0, 0, 0, 0] [1, 7, 10, 10] [1, 1, 1, 1] : tensor<1x8x10x10xf32> to tensor<1x7x10x10xf32>
// CHECK: %[[FILTER:.*]] = tensor.collapse_shape %[[KEPT_W]] {{\[}}[0, 1], [2], [3]] : tensor<7x1x3x3xf32> into tensor<7x3x3xf32>
// CHECK: %[[CSUM:.*]] = linalg.depthwise_conv_2d_nchw_chw {{.*}} ins(%[[KEPT_IN]], %[[FILTER]] : tensor<1x7x10x10xf32>, tensor<7x3x3xf32>) outs(%[[CINIT]] : tensor<1x7x8x8xf32>)
// CHECK: %[[CHEAP:.*]] = linalg.generic {indexing_maps = [#[[ID4]]], {{.*}} outs(%[[CSUM]] : tensor<1x7x8x8xf32>)
// CHECK: arith.maximumf
// CHECK: %[[DONE:.*]] = tensor.insert_slice %[[CHEAP]] into %[[WITH_PRIMARY]][0, 8, 0, 0] [1, 7, 8, 8] [1, 1, 1, 1] : tensor<1x7x8x8xf32> into tensor<1x15x8x8xf32>
// CHECK-NOT: tensor.concat
// CHECK-NOT: linalg.copy
// CHECK: return %[[DONE]] : tensor<1x15x8x8xf32>
func.func @odd_oup(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x15x8x8xf32> {
  %y = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 15 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x15x8x8xf32>
  return %y : tensor<1x15x8x8xf32>
}

// -----

// oup = 8, ratio = 3: init = ceil(8 / 3) = 3, cheap channel j reads primary
// channel j floordiv 2, and 5 of the 6 cheap channels are kept. The 3x3
// primary kernel with stride 2 pads the input by 1. Without an activation
// there is no in-place generic.

// CHECK-DAG: #[[CHEAP_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 floordiv 2 + d2, d3 + d5, d4 + d6)>

// CHECK-LABEL: func.func @ratio3
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>, %[[WP:.*]]: tensor<3x4x3x3xf32>, %[[BP:.*]]: tensor<3xf32>, %[[WC:.*]]: tensor<6x1x3x3xf32>, %[[BC:.*]]: tensor<6xf32>)
// CHECK: %[[RESULT:.*]] = tensor.empty() : tensor<1x8x4x4xf32>
// CHECK: %[[PSLOT:.*]] = tensor.extract_slice %[[RESULT]][0, 0, 0, 0] [1, 3, 4, 4] [1, 1, 1, 1]
// CHECK: %[[PINIT:.*]] = linalg.generic {{.*}} ins(%[[BP]] : tensor<3xf32>) outs(%[[PSLOT]] : tensor<1x3x4x4xf32>)
// CHECK: %[[XPAD:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 1, 1] [1, 4, 8, 8] [1, 1, 1, 1] : tensor<1x4x8x8xf32> into tensor<1x4x10x10xf32>
// CHECK: %[[PRIMARY:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[XPAD]], %[[WP]] : tensor<1x4x10x10xf32>, tensor<3x4x3x3xf32>) outs(%[[PINIT]] : tensor<1x3x4x4xf32>)
// CHECK-NOT: arith.maximumf
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[PRIMARY]] into %{{.*}}[0, 0, 1, 1] [1, 3, 4, 4] [1, 1, 1, 1] : tensor<1x3x4x4xf32> into tensor<1x3x6x6xf32>
// CHECK: %[[WITH_PRIMARY:.*]] = tensor.insert_slice %[[PRIMARY]] into %[[RESULT]][0, 0, 0, 0] [1, 3, 4, 4] [1, 1, 1, 1]
// CHECK: %[[KEPT_W:.*]] = tensor.extract_slice %[[WC]][0, 0, 0, 0] [5, 1, 3, 3] [1, 1, 1, 1] : tensor<6x1x3x3xf32> to tensor<5x1x3x3xf32>
// CHECK: %[[KEPT_B:.*]] = tensor.extract_slice %[[BC]][0] [5] [1] : tensor<6xf32> to tensor<5xf32>
// CHECK: %[[CSLOT:.*]] = tensor.extract_slice %[[WITH_PRIMARY]][0, 3, 0, 0] [1, 5, 4, 4] [1, 1, 1, 1] : tensor<1x8x4x4xf32> to tensor<1x5x4x4xf32>
// CHECK: %[[CINIT:.*]] = linalg.generic {{.*}} ins(%[[KEPT_B]] : tensor<5xf32>) outs(%[[CSLOT]] : tensor<1x5x4x4xf32>)
// CHECK: %[[CHEAP:.*]] = linalg.generic {indexing_maps = [#[[CHEAP_IN]], {{.*}} ins(%[[PADDED]], %[[KEPT_W]] : tensor<1x3x6x6xf32>, tensor<5x1x3x3xf32>) outs(%[[CINIT]] : tensor<1x5x4x4xf32>)
// CHECK-NOT: arith.maximumf
// CHECK: %[[DONE:.*]] = tensor.insert_slice %[[CHEAP]] into %[[WITH_PRIMARY]][0, 3, 0, 0] [1, 5, 4, 4] [1, 1, 1, 1] : tensor<1x5x4x4xf32> into tensor<1x8x4x4xf32>
// CHECK: return %[[DONE]]
func.func @ratio3(%x: tensor<1x4x8x8xf32>, %wp: tensor<3x4x3x3xf32>, %bp: tensor<3xf32>, %wc: tensor<6x1x3x3xf32>, %bc: tensor<6xf32>) -> tensor<1x8x4x4xf32> {
  %y = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 8 : i64, ratio = 3 : i64, kernel = 3 : i64, dw_size = 3 : i64, stride = 2 : i64} act none : (tensor<1x4x8x8xf32>, tensor<3x4x3x3xf32>, tensor<3xf32>, tensor<6x1x3x3xf32>, tensor<6xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// oup = 1, ratio = 2: init = 1 and no cheap channel is kept, so there is one
// convolution and the result is the primary half alone.

// CHECK-LABEL: func.func @no_cheap_channel
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>, %[[WP:.*]]: tensor<1x4x1x1xf32>
// CHECK: %[[RESULT:.*]] = tensor.empty() : tensor<1x1x8x8xf32>
// CHECK: %[[SUM:.*]] = linalg.conv_2d_nchw_fchw {{.*}} ins(%[[X]], %[[WP]] :
// CHECK: %[[PRIMARY:.*]] = linalg.generic {{.*}} outs(%[[SUM]] : tensor<1x1x8x8xf32>)
// CHECK-NOT: conv
// CHECK: %[[DONE:.*]] = tensor.insert_slice %[[PRIMARY]] into %[[RESULT]][0, 0, 0, 0] [1, 1, 8, 8] [1, 1, 1, 1]
// CHECK-NOT: conv
// CHECK: return %[[DONE]] : tensor<1x1x8x8xf32>
func.func @no_cheap_channel(%x: tensor<1x4x8x8xf32>, %wp: tensor<1x4x1x1xf32>, %bp: tensor<1xf32>, %wc: tensor<1x1x3x3xf32>, %bc: tensor<1xf32>) -> tensor<1x1x8x8xf32> {
  %y = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 1 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu : (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf32>, tensor<1xf32>, tensor<1x1x3x3xf32>, tensor<1xf32>) -> tensor<1x1x8x8xf32>
  return %y : tensor<1x1x8x8xf32>
}
