// RUN: ghostc-opt %s --ghost-lift-ghost-module -split-input-file | FileCheck %s

// GhostNet's module: 1x1 primary conv to 8 channels, 3x3 depthwise cheap
// conv, concat, slice to oup = 15 channels.
// CHECK-LABEL: func.func @ghostnet_module
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK-DAG: %[[WP:.*]] = ghost.constant dense<1.000000e+00> : tensor<8x16x1x1xf32>
// CHECK-DAG: %[[BP:.*]] = ghost.constant dense<5.000000e-01> : tensor<8xf32>
// CHECK-DAG: %[[WC:.*]] = ghost.constant dense<2.000000e+00> : tensor<8x1x3x3xf32>
// CHECK-DAG: %[[BC:.*]] = ghost.constant dense<2.500000e-01> : tensor<8xf32>
// CHECK: %[[Y:.*]] = ghost.ghost_module %[[X]], %[[WP]], %[[BP]], %[[WC]], %[[BC]]
// CHECK-SAME: {dw_size = 3 : i64, kernel = 1 : i64, oup = 15 : i64, ratio = 2 : i64, stride = 1 : i64} act relu
// CHECK-SAME: -> tensor<1x15x8x8xf32>
// CHECK-NOT: ghost.concat
// CHECK-NOT: ghost.slice
// CHECK: return %[[Y]]
func.func @ghostnet_module(%x: tensor<1x16x8x8xf32>) -> tensor<1x15x8x8xf32> {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %bp = ghost.constant dense<0.5> : tensor<8xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x1x3x3xf32>
  %bc = ghost.constant dense<0.25> : tensor<8xf32>
  %p = ghost.conv %x, %wp, %bp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %c = ghost.conv %p, %wc, %bc {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} act relu : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %cat = ghost.concat %p, %c axis 1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x16x8x8xf32>
  %y = ghost.slice %cat [0, 0, 0, 0] [1, 15, 8, 8] [1, 1, 1, 1] : tensor<1x16x8x8xf32> -> tensor<1x15x8x8xf32>
  return %y : tensor<1x15x8x8xf32>
}

// -----

// Ratio 3, a 3x3 stride-2 primary, no biases (zeros are made), and no slice:
// oup is every channel of the concat.
// CHECK-LABEL: func.func @ratio3_stride2_no_slice
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>)
// CHECK-DAG: %[[Z4:.*]] = ghost.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK-DAG: %[[Z8:.*]] = ghost.constant dense<0.000000e+00> : tensor<8xf32>
// CHECK: %[[Y:.*]] = ghost.ghost_module %[[X]], %{{.*}}, %[[Z4]], %{{.*}}, %[[Z8]]
// CHECK-SAME: {dw_size = 5 : i64, kernel = 3 : i64, oup = 12 : i64, ratio = 3 : i64, stride = 2 : i64} act none
// CHECK-SAME: -> tensor<1x12x4x4xf32>
// CHECK-NOT: ghost.concat
// CHECK: return %[[Y]]
func.func @ratio3_stride2_no_slice(%x: tensor<1x4x8x8xf32>) -> tensor<1x12x4x4xf32> {
  %wp = ghost.constant dense<1.0> : tensor<4x4x3x3xf32>
  %wc = ghost.constant dense<1.0> : tensor<8x1x5x5xf32>
  %p = ghost.conv %x, %wp {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} act none : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x4x4xf32>
  %c = ghost.conv %p, %wc {group = 4 : i64, pads = array<i64: 2, 2, 2, 2>} act none : (tensor<1x4x4x4xf32>, tensor<8x1x5x5xf32>) -> tensor<1x8x4x4xf32>
  %y = ghost.concat %p, %c axis 1 : (tensor<1x4x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x12x4x4xf32>
  return %y : tensor<1x12x4x4xf32>
}

// -----

// Near miss: the primary conv's result has a third user.
// CHECK-LABEL: func.func @primary_shared
// CHECK-NOT: ghost.ghost_module
// CHECK: ghost.concat
func.func @primary_shared(%x: tensor<1x16x8x8xf32>) -> (tensor<1x16x8x8xf32>, tensor<1x8x8x8xf32>) {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x1x3x3xf32>
  %p = ghost.conv %x, %wp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  %c = ghost.conv %p, %wc {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} act relu : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  %y = ghost.concat %p, %c axis 1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %y, %p : tensor<1x16x8x8xf32>, tensor<1x8x8x8xf32>
}

// -----

// Near miss: the cheap conv is a full (group 1) convolution.
// CHECK-LABEL: func.func @cheap_not_depthwise
// CHECK-NOT: ghost.ghost_module
// CHECK: ghost.concat
func.func @cheap_not_depthwise(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x8x3x3xf32>
  %p = ghost.conv %x, %wp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  %c = ghost.conv %p, %wc {pads = array<i64: 1, 1, 1, 1>} act relu : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32>
  %y = ghost.concat %p, %c axis 1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %y : tensor<1x16x8x8xf32>
}

// -----

// Near misses: concatenation on another axis, the halves in the other order,
// and different activations on the two convolutions.
// CHECK-LABEL: func.func @wrong_axis_order_activation
// CHECK-NOT: ghost.ghost_module
// CHECK: ghost.concat {{.*}} axis 3
// CHECK: ghost.concat {{.*}} axis 1
// CHECK: ghost.concat {{.*}} axis 1
func.func @wrong_axis_order_activation(%x: tensor<1x16x8x8xf32>) -> (tensor<1x8x8x16xf32>, tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x1x3x3xf32>
  %p0 = ghost.conv %x, %wp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  %c0 = ghost.conv %p0, %wc {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} act relu : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  %y0 = ghost.concat %p0, %c0 axis 3 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x8x8x16xf32>
  %p1 = ghost.conv %x, %wp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  %c1 = ghost.conv %p1, %wc {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} act relu : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  %y1 = ghost.concat %c1, %p1 axis 1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x16x8x8xf32>
  %p2 = ghost.conv %x, %wp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  %c2 = ghost.conv %p2, %wc {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} act none : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  %y2 = ghost.concat %p2, %c2 axis 1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %y0, %y1, %y2 : tensor<1x8x8x16xf32>, tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>
}

// -----

// Near miss: the slice cuts the spatial axis, so it is not the module's; the
// concat alone becomes a module of every channel and the slice stays.
// CHECK-LABEL: func.func @slice_on_height
// CHECK: %[[M:.*]] = ghost.ghost_module {{.*}}oup = 16 : i64
// CHECK: ghost.slice %[[M]] [0, 0, 0, 0] [1, 16, 4, 8] [1, 1, 1, 1]
func.func @slice_on_height(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x4x8xf32> {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x1x3x3xf32>
  %p = ghost.conv %x, %wp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  %c = ghost.conv %p, %wc {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} act relu : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  %cat = ghost.concat %p, %c axis 1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x16x8x8xf32>
  %y = ghost.slice %cat [0, 0, 0, 0] [1, 16, 4, 8] [1, 1, 1, 1] : tensor<1x16x8x8xf32> -> tensor<1x16x4x8xf32>
  return %y : tensor<1x16x4x8xf32>
}

// -----

// Near miss: keeping 6 channels would drop primary channels, which a Ghost
// module never does (ceil(6 / 2) != 8).
// CHECK-LABEL: func.func @slice_too_short
// CHECK: %[[M:.*]] = ghost.ghost_module {{.*}}oup = 16 : i64
// CHECK: ghost.slice %[[M]] [0, 0, 0, 0] [1, 6, 8, 8]
func.func @slice_too_short(%x: tensor<1x16x8x8xf32>) -> tensor<1x6x8x8xf32> {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x1x3x3xf32>
  %p = ghost.conv %x, %wp act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>) -> tensor<1x8x8x8xf32>
  %c = ghost.conv %p, %wc {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} act relu : (tensor<1x8x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x8x8xf32>
  %cat = ghost.concat %p, %c axis 1 : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x16x8x8xf32>
  %y = ghost.slice %cat [0, 0, 0, 0] [1, 6, 8, 8] [1, 1, 1, 1] : tensor<1x16x8x8xf32> -> tensor<1x6x8x8xf32>
  return %y : tensor<1x6x8x8xf32>
}

// -----

// Near miss: the primary conv is not padded by kernel / 2.
// CHECK-LABEL: func.func @primary_unpadded
// CHECK-NOT: ghost.ghost_module
func.func @primary_unpadded(%x: tensor<1x4x8x8xf32>) -> tensor<1x8x6x6xf32> {
  %wp = ghost.constant dense<1.0> : tensor<4x4x3x3xf32>
  %wc = ghost.constant dense<1.0> : tensor<4x1x3x3xf32>
  %p = ghost.conv %x, %wp act none : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  %c = ghost.conv %p, %wc {group = 4 : i64, pads = array<i64: 1, 1, 1, 1>} act none : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  %y = ghost.concat %p, %c axis 1 : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x8x6x6xf32>
  return %y : tensor<1x8x6x6xf32>
}
