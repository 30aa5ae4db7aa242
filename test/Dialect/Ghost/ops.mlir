// RUN: ghostc-opt %s | ghostc-opt | FileCheck %s
// RUN: ghostc-opt %s --mlir-print-op-generic | ghostc-opt | FileCheck %s

// Round trip of every ghost op through the custom and the generic form. The
// generic form spells out every default-valued attribute; printing it back in
// the custom form must elide them again.

// CHECK-LABEL: func.func @constant
// CHECK: %[[C0:.*]] = ghost.constant dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>
// CHECK: %[[C1:.*]] = ghost.constant dense<3.000000e+00> : tensor<f32>
// CHECK: %[[C2:.*]] = ghost.constant dense<0.000000e+00> : tensor<1x16x1x1xf32>
// CHECK: return %[[C0]], %[[C1]], %[[C2]]
func.func @constant() -> (tensor<2xf32>, tensor<f32>, tensor<1x16x1x1xf32>) {
  %0 = ghost.constant dense<[0.5, -1.0]> : tensor<2xf32>
  %1 = ghost.constant dense<3.0> : tensor<f32>
  %2 = ghost.constant dense<0.0> : tensor<1x16x1x1xf32>
  return %0, %1, %2 : tensor<2xf32>, tensor<f32>, tensor<1x16x1x1xf32>
}

// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x224x224xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %[[B:.*]]: tensor<16xf32>, %[[DW:.*]]: tensor<16x1x3x3xf32>, %[[X16:.*]]: tensor<1x16x9x9xf32>)
// CHECK: %[[R0:.*]] = ghost.conv %[[X]], %[[W]] act none : (tensor<1x3x224x224xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x222x222xf32>
// CHECK: %[[R1:.*]] = ghost.conv %[[X]], %[[W]], %[[B]] {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} act relu : (tensor<1x3x224x224xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32>
// CHECK: %[[R2:.*]] = ghost.conv %[[X16]], %[[DW]], %[[B]] {dilations = array<i64: 2, 1>, group = 16 : i64, pads = array<i64: 0, 1, 0, 2>, strides = array<i64: 2, 2>} act hard_swish : (tensor<1x16x9x9xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x3x5xf32>
// CHECK: %[[R3:.*]] = ghost.conv %[[X16]], %[[DW]] {group = 16 : i64} act relu6 : (tensor<1x16x9x9xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x7x7xf32>
// CHECK: return %[[R0]], %[[R1]], %[[R2]], %[[R3]]
func.func @conv(%x: tensor<1x3x224x224xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>,
                %dw: tensor<16x1x3x3xf32>, %x16: tensor<1x16x9x9xf32>)
    -> (tensor<1x16x222x222xf32>, tensor<1x16x112x112xf32>, tensor<1x16x3x5xf32>, tensor<1x16x7x7xf32>) {
  %0 = ghost.conv %x, %w act none
      : (tensor<1x3x224x224xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x222x222xf32>
  %1 = ghost.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} act relu
      : (tensor<1x3x224x224xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x112x112xf32>
  // Depthwise, dilated on H only, asymmetric padding on W:
  // H = (9 - 2*2 - 1) / 2 + 1 = 3, W = (9 + 1 + 2 - 3) / 2 + 1 = 5.
  %2 = ghost.conv %x16, %dw, %b {group = 16 : i64, dilations = array<i64: 2, 1>, strides = array<i64: 2, 2>, pads = array<i64: 0, 1, 0, 2>} act hard_swish
      : (tensor<1x16x9x9xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x3x5xf32>
  // Explicitly written default values are elided when printed.
  %3 = ghost.conv %x16, %dw {group = 16 : i64, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>} act relu6
      : (tensor<1x16x9x9xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x7x7xf32>
  return %0, %1, %2, %3 : tensor<1x16x222x222xf32>, tensor<1x16x112x112xf32>, tensor<1x16x3x5xf32>, tensor<1x16x7x7xf32>
}

// CHECK-LABEL: func.func @conv_activations
// CHECK: ghost.conv {{.*}} act sigmoid : (tensor<1x4x5x5xf32>, tensor<8x4x1x1xf32>) -> tensor<1x8x5x5xf32>
// CHECK: ghost.conv {{.*}} act hard_sigmoid : (tensor<1x4x5x5xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x5x5xf32>
func.func @conv_activations(%x: tensor<1x4x5x5xf32>, %w: tensor<8x4x1x1xf32>, %wg: tensor<8x2x1x1xf32>)
    -> (tensor<1x8x5x5xf32>, tensor<1x8x5x5xf32>) {
  %0 = ghost.conv %x, %w act sigmoid : (tensor<1x4x5x5xf32>, tensor<8x4x1x1xf32>) -> tensor<1x8x5x5xf32>
  // Grouped, not depthwise: 2 groups of 2 input and 4 output channels.
  %1 = ghost.conv %x, %wg {group = 2 : i64} act hard_sigmoid : (tensor<1x4x5x5xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x5x5xf32>
  return %0, %1 : tensor<1x8x5x5xf32>, tensor<1x8x5x5xf32>
}

// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>, %[[S:.*]]: tensor<16xf32>, %[[B:.*]]: tensor<16xf32>, %[[M:.*]]: tensor<16xf32>, %[[V:.*]]: tensor<16xf32>, %[[X2:.*]]: tensor<2x16xf32>)
// CHECK: %[[R0:.*]] = ghost.batch_norm %[[X]], %[[S]], %[[B]], %[[M]], %[[V]] : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
// CHECK: %[[R1:.*]] = ghost.batch_norm %[[X2]], %[[S]], %[[B]], %[[M]], %[[V]] {epsilon = 1.000000e-03 : f32} : (tensor<2x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x16xf32>
// CHECK: return %[[R0]], %[[R1]]
func.func @batch_norm(%x: tensor<1x16x8x8xf32>, %s: tensor<16xf32>, %b: tensor<16xf32>,
                      %m: tensor<16xf32>, %v: tensor<16xf32>, %x2: tensor<2x16xf32>)
    -> (tensor<1x16x8x8xf32>, tensor<2x16xf32>) {
  %0 = ghost.batch_norm %x, %s, %b, %m, %v
      : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %1 = ghost.batch_norm %x2, %s, %b, %m, %v {epsilon = 1.0e-03 : f32}
      : (tensor<2x16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x16xf32>
  return %0, %1 : tensor<1x16x8x8xf32>, tensor<2x16xf32>
}

// CHECK-LABEL: func.func @unary
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK: %[[R:.*]] = ghost.relu %[[X]] : tensor<1x16x8x8xf32>
// CHECK: %[[S:.*]] = ghost.sigmoid %[[R]] : tensor<1x16x8x8xf32>
// CHECK: %[[H:.*]] = ghost.hard_swish %[[S]] : tensor<1x16x8x8xf32>
// CHECK: %[[L:.*]] = ghost.silu %[[H]] : tensor<1x16x8x8xf32>
// CHECK: return %[[L]]
func.func @unary(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = ghost.relu %x : tensor<1x16x8x8xf32>
  %1 = ghost.sigmoid %0 : tensor<1x16x8x8xf32>
  %2 = ghost.hard_swish %1 : tensor<1x16x8x8xf32>
  %3 = ghost.silu %2 : tensor<1x16x8x8xf32>
  return %3 : tensor<1x16x8x8xf32>
}

// CHECK-LABEL: func.func @clip
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK: %[[C0:.*]] = ghost.clip %[[X]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x16x8x8xf32>
// CHECK: %[[C1:.*]] = ghost.clip %[[C0]] {max = -1.000000e+00 : f32, min = -1.000000e+00 : f32} : tensor<1x16x8x8xf32>
// CHECK: return %[[C1]]
func.func @clip(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = ghost.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x16x8x8xf32>
  // min == max is allowed.
  %1 = ghost.clip %0 {min = -1.0 : f32, max = -1.0 : f32} : tensor<1x16x8x8xf32>
  return %1 : tensor<1x16x8x8xf32>
}

// CHECK-LABEL: func.func @hard_sigmoid
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x1x1xf32>)
// CHECK: %[[H0:.*]] = ghost.hard_sigmoid %[[X]] : tensor<1x16x1x1xf32>
// CHECK: %[[H1:.*]] = ghost.hard_sigmoid %[[H0]] {alpha = 2.000000e-01 : f32, beta = 2.500000e-01 : f32} : tensor<1x16x1x1xf32>
// CHECK: %[[H2:.*]] = ghost.hard_sigmoid %[[H1]] {beta = 1.000000e+00 : f32} : tensor<1x16x1x1xf32>
// CHECK: return %[[H2]]
func.func @hard_sigmoid(%x: tensor<1x16x1x1xf32>) -> tensor<1x16x1x1xf32> {
  %0 = ghost.hard_sigmoid %x : tensor<1x16x1x1xf32>
  %1 = ghost.hard_sigmoid %0 {alpha = 0.2 : f32, beta = 0.25 : f32} : tensor<1x16x1x1xf32>
  %2 = ghost.hard_sigmoid %1 {beta = 1.0 : f32} : tensor<1x16x1x1xf32>
  return %2 : tensor<1x16x1x1xf32>
}

// CHECK-LABEL: func.func @leaky_relu
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK: %[[L0:.*]] = ghost.leaky_relu %[[X]] : tensor<1x16x8x8xf32>
// CHECK: %[[L1:.*]] = ghost.leaky_relu %[[L0]] {alpha = 1.000000e-01 : f32} : tensor<1x16x8x8xf32>
// CHECK: return %[[L1]]
func.func @leaky_relu(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = ghost.leaky_relu %x : tensor<1x16x8x8xf32>
  %1 = ghost.leaky_relu %0 {alpha = 0.1 : f32} : tensor<1x16x8x8xf32>
  return %1 : tensor<1x16x8x8xf32>
}

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>, %[[S:.*]]: tensor<1x16x1x1xf32>, %[[C:.*]]: tensor<16x1x1xf32>, %[[K:.*]]: tensor<f32>, %[[COL:.*]]: tensor<4x1xf32>, %[[ROW:.*]]: tensor<5xf32>)
// CHECK: %[[A:.*]] = ghost.add %[[X]], %[[S]] : (tensor<1x16x8x8xf32>, tensor<1x16x1x1xf32>) -> tensor<1x16x8x8xf32>
// CHECK: %[[SU:.*]] = ghost.sub %[[C]], %[[A]] : (tensor<16x1x1xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
// CHECK: %[[M:.*]] = ghost.mul %[[SU]], %[[K]] : (tensor<1x16x8x8xf32>, tensor<f32>) -> tensor<1x16x8x8xf32>
// CHECK: %[[D:.*]] = ghost.div %[[K]], %[[M]] : (tensor<f32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
// CHECK: %[[O:.*]] = ghost.add %[[COL]], %[[ROW]] : (tensor<4x1xf32>, tensor<5xf32>) -> tensor<4x5xf32>
// CHECK: %[[SC:.*]] = ghost.mul %[[K]], %[[K]] : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: return %[[D]], %[[O]], %[[SC]]
func.func @binary(%x: tensor<1x16x8x8xf32>, %s: tensor<1x16x1x1xf32>, %c: tensor<16x1x1xf32>,
                  %k: tensor<f32>, %col: tensor<4x1xf32>, %row: tensor<5xf32>)
    -> (tensor<1x16x8x8xf32>, tensor<4x5xf32>, tensor<f32>) {
  %0 = ghost.add %x, %s : (tensor<1x16x8x8xf32>, tensor<1x16x1x1xf32>) -> tensor<1x16x8x8xf32>
  // The lower-rank operand is aligned on the right.
  %1 = ghost.sub %c, %0 : (tensor<16x1x1xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %2 = ghost.mul %1, %k : (tensor<1x16x8x8xf32>, tensor<f32>) -> tensor<1x16x8x8xf32>
  %3 = ghost.div %k, %2 : (tensor<f32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  // Both operands stretch.
  %4 = ghost.add %col, %row : (tensor<4x1xf32>, tensor<5xf32>) -> tensor<4x5xf32>
  %5 = ghost.mul %k, %k : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %3, %4, %5 : tensor<1x16x8x8xf32>, tensor<4x5xf32>, tensor<f32>
}

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<1x8x4x4xf32>, %[[B:.*]]: tensor<1x3x4x4xf32>, %[[C:.*]]: tensor<2x8x4x4xf32>)
// CHECK: %[[R0:.*]] = ghost.concat %[[A]], %[[B]], %[[A]] axis 1 : (tensor<1x8x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x19x4x4xf32>
// CHECK: %[[R1:.*]] = ghost.concat %[[A]], %[[C]] axis 0 : (tensor<1x8x4x4xf32>, tensor<2x8x4x4xf32>) -> tensor<3x8x4x4xf32>
// CHECK: %[[R2:.*]] = ghost.concat %[[A]] axis 3 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
// CHECK: return %[[R0]], %[[R1]], %[[R2]]
func.func @concat(%a: tensor<1x8x4x4xf32>, %b: tensor<1x3x4x4xf32>, %c: tensor<2x8x4x4xf32>)
    -> (tensor<1x19x4x4xf32>, tensor<3x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %0 = ghost.concat %a, %b, %a axis 1
      : (tensor<1x8x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x19x4x4xf32>
  %1 = ghost.concat %a, %c axis 0 : (tensor<1x8x4x4xf32>, tensor<2x8x4x4xf32>) -> tensor<3x8x4x4xf32>
  %2 = ghost.concat %a axis 3 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0, %1, %2 : tensor<1x19x4x4xf32>, tensor<3x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @slice
// CHECK-SAME: (%[[X:.*]]: tensor<1x20x8x8xf32>)
// CHECK: %[[S0:.*]] = ghost.slice %[[X]] [0, 0, 0, 0] [1, 16, 8, 8] [1, 1, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x16x8x8xf32>
// CHECK: %[[S1:.*]] = ghost.slice %[[X]] [0, 19, 7, 1] [1, 10, 4, 3] [1, -2, -1, 3] : tensor<1x20x8x8xf32> -> tensor<1x10x4x3xf32>
// CHECK: %[[S2:.*]] = ghost.slice %[[X]] [0, 0, 0, 0] [1, 0, 8, 8] [1, 1, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x0x8x8xf32>
// CHECK: return %[[S0]], %[[S1]], %[[S2]]
func.func @slice(%x: tensor<1x20x8x8xf32>)
    -> (tensor<1x16x8x8xf32>, tensor<1x10x4x3xf32>, tensor<1x0x8x8xf32>) {
  %0 = ghost.slice %x [0, 0, 0, 0] [1, 16, 8, 8] [1, 1, 1, 1]
      : tensor<1x20x8x8xf32> -> tensor<1x16x8x8xf32>
  // Negative steps walk backwards: channels 19, 17, ..., 1; rows 7, 6, 5, 4.
  %1 = ghost.slice %x [0, 19, 7, 1] [1, 10, 4, 3] [1, -2, -1, 3]
      : tensor<1x20x8x8xf32> -> tensor<1x10x4x3xf32>
  // An empty slice reads nothing, so its start is not checked.
  %2 = ghost.slice %x [0, 0, 0, 0] [1, 0, 8, 8] [1, 1, 1, 1]
      : tensor<1x20x8x8xf32> -> tensor<1x0x8x8xf32>
  return %0, %1, %2 : tensor<1x16x8x8xf32>, tensor<1x10x4x3xf32>, tensor<1x0x8x8xf32>
}

// CHECK-LABEL: func.func @reshape
// CHECK-SAME: (%[[X:.*]]: tensor<1x1280x1x1xf32>)
// CHECK: %[[R0:.*]] = ghost.reshape %[[X]] : tensor<1x1280x1x1xf32> -> tensor<1x1280xf32>
// CHECK: %[[R1:.*]] = ghost.reshape %[[R0]] : tensor<1x1280xf32> -> tensor<2x4x160xf32>
// CHECK: return %[[R1]]
func.func @reshape(%x: tensor<1x1280x1x1xf32>) -> tensor<2x4x160xf32> {
  %0 = ghost.reshape %x : tensor<1x1280x1x1xf32> -> tensor<1x1280xf32>
  %1 = ghost.reshape %0 : tensor<1x1280xf32> -> tensor<2x4x160xf32>
  return %1 : tensor<2x4x160xf32>
}

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x4xf32>)
// CHECK: %[[T0:.*]] = ghost.transpose %[[X]] [0, 2, 3, 1] : tensor<1x16x8x4xf32> -> tensor<1x8x4x16xf32>
// CHECK: %[[T1:.*]] = ghost.transpose %[[T0]] [3, 2, 1, 0] : tensor<1x8x4x16xf32> -> tensor<16x4x8x1xf32>
// CHECK: return %[[T1]]
func.func @transpose(%x: tensor<1x16x8x4xf32>) -> tensor<16x4x8x1xf32> {
  %0 = ghost.transpose %x [0, 2, 3, 1] : tensor<1x16x8x4xf32> -> tensor<1x8x4x16xf32>
  %1 = ghost.transpose %0 [3, 2, 1, 0] : tensor<1x8x4x16xf32> -> tensor<16x4x8x1xf32>
  return %1 : tensor<16x4x8x1xf32>
}

// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>)
// CHECK: %[[P0:.*]] = ghost.pad %[[X]] constant [0, 0, 1, 1, 0, 0, 1, 1] : tensor<1x3x8x8xf32> -> tensor<1x3x10x10xf32>
// CHECK: %[[P1:.*]] = ghost.pad %[[X]] constant [0, 1, 0, 2, 0, 0, 3, 0] {value = -1.500000e+00 : f32} : tensor<1x3x8x8xf32> -> tensor<1x4x11x10xf32>
// CHECK: %[[P2:.*]] = ghost.pad %[[X]] reflect [0, 0, 7, 1, 0, 0, 2, 7] : tensor<1x3x8x8xf32> -> tensor<1x3x17x16xf32>
// CHECK: %[[P3:.*]] = ghost.pad %[[X]] edge [0, 0, 9, 0, 0, 0, 0, 9] : tensor<1x3x8x8xf32> -> tensor<1x3x17x17xf32>
// CHECK: return %[[P0]], %[[P1]], %[[P2]], %[[P3]]
func.func @pad(%x: tensor<1x3x8x8xf32>)
    -> (tensor<1x3x10x10xf32>, tensor<1x4x11x10xf32>, tensor<1x3x17x16xf32>, tensor<1x3x17x17xf32>) {
  %0 = ghost.pad %x constant [0, 0, 1, 1, 0, 0, 1, 1] {value = 0.0 : f32}
      : tensor<1x3x8x8xf32> -> tensor<1x3x10x10xf32>
  %1 = ghost.pad %x constant [0, 1, 0, 2, 0, 0, 3, 0] {value = -1.5 : f32}
      : tensor<1x3x8x8xf32> -> tensor<1x4x11x10xf32>
  // Reflect padding may be up to size - 1 on each side.
  %2 = ghost.pad %x reflect [0, 0, 7, 1, 0, 0, 2, 7]
      : tensor<1x3x8x8xf32> -> tensor<1x3x17x16xf32>
  // Edge padding has no such limit.
  %3 = ghost.pad %x edge [0, 0, 9, 0, 0, 0, 0, 9]
      : tensor<1x3x8x8xf32> -> tensor<1x3x17x17xf32>
  return %0, %1, %2, %3 : tensor<1x3x10x10xf32>, tensor<1x4x11x10xf32>, tensor<1x3x17x16xf32>, tensor<1x3x17x17xf32>
}

// CHECK-LABEL: func.func @resize
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x7x7xf32>)
// CHECK: %[[R0:.*]] = ghost.resize %[[X]] nearest asymmetric floor [2.000000e+00, 2.000000e+00] : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
// CHECK: %[[R1:.*]] = ghost.resize %[[X]] nearest half_pixel round_prefer_ceil [1.500000e+00, 5.000000e-01] : tensor<1x16x7x7xf32> -> tensor<1x16x10x3xf32>
// CHECK: %[[R2:.*]] = ghost.resize %[[X]] linear align_corners round_prefer_floor [2.000000e+00, 2.000000e+00] : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
// CHECK: %[[R3:.*]] = ghost.resize %[[X]] linear pytorch_half_pixel ceil [1.000000e+00, 3.000000e+00] : tensor<1x16x7x7xf32> -> tensor<1x16x7x21xf32>
// CHECK: return %[[R0]], %[[R1]], %[[R2]], %[[R3]]
func.func @resize(%x: tensor<1x16x7x7xf32>)
    -> (tensor<1x16x14x14xf32>, tensor<1x16x10x3xf32>, tensor<1x16x14x14xf32>, tensor<1x16x7x21xf32>) {
  %0 = ghost.resize %x nearest asymmetric floor [2.0, 2.0]
      : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
  %1 = ghost.resize %x nearest half_pixel round_prefer_ceil [1.5, 0.5]
      : tensor<1x16x7x7xf32> -> tensor<1x16x10x3xf32>
  %2 = ghost.resize %x linear align_corners round_prefer_floor [2.0, 2.0]
      : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
  %3 = ghost.resize %x linear pytorch_half_pixel ceil [1.0, 3.0]
      : tensor<1x16x7x7xf32> -> tensor<1x16x7x21xf32>
  return %0, %1, %2, %3 : tensor<1x16x14x14xf32>, tensor<1x16x10x3xf32>, tensor<1x16x14x14xf32>, tensor<1x16x7x21xf32>
}

// CHECK-LABEL: func.func @global_average_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x960x7x7xf32>)
// CHECK: %[[R:.*]] = ghost.global_average_pool %[[X]] : tensor<1x960x7x7xf32> -> tensor<1x960x1x1xf32>
// CHECK: return %[[R]]
func.func @global_average_pool(%x: tensor<1x960x7x7xf32>) -> tensor<1x960x1x1xf32> {
  %0 = ghost.global_average_pool %x : tensor<1x960x7x7xf32> -> tensor<1x960x1x1xf32>
  return %0 : tensor<1x960x1x1xf32>
}

// CHECK-LABEL: func.func @average_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK: %[[P0:.*]] = ghost.average_pool %[[X]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x16x8x8xf32> -> tensor<1x16x4x4xf32>
// CHECK: %[[P1:.*]] = ghost.average_pool %[[X]] {count_include_pad = true, kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32>
// CHECK: %[[P2:.*]] = ghost.average_pool %[[X]] {ceil_mode = true, kernel = array<i64: 3, 2>, pads = array<i64: 0, 1, 0, 0>, strides = array<i64: 2, 3>} : tensor<1x16x8x8xf32> -> tensor<1x16x4x3xf32>
// CHECK: return %[[P0]], %[[P1]], %[[P2]]
func.func @average_pool(%x: tensor<1x16x8x8xf32>)
    -> (tensor<1x16x4x4xf32>, tensor<1x16x8x8xf32>, tensor<1x16x4x3xf32>) {
  %0 = ghost.average_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : tensor<1x16x8x8xf32> -> tensor<1x16x4x4xf32>
  %1 = ghost.average_pool %x {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = true}
      : tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32>
  // H: (8 - 3) / 2 rounded up + 1 = 4 (3 when rounded down); W: (8 + 1 - 2) / 3
  // rounded up + 1 = 4, but the last window would start in the end padding, so 3.
  %2 = ghost.average_pool %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 3>, pads = array<i64: 0, 1, 0, 0>, ceil_mode = true, count_include_pad = false}
      : tensor<1x16x8x8xf32> -> tensor<1x16x4x3xf32>
  return %0, %1, %2 : tensor<1x16x4x4xf32>, tensor<1x16x8x8xf32>, tensor<1x16x4x3xf32>
}

// CHECK-LABEL: func.func @max_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x7x7xf32>)
// CHECK: %[[P0:.*]] = ghost.max_pool %[[X]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x16x7x7xf32> -> tensor<1x16x3x3xf32>
// CHECK: %[[P1:.*]] = ghost.max_pool %[[X]] {ceil_mode = true, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x16x7x7xf32> -> tensor<1x16x4x4xf32>
// CHECK: %[[P2:.*]] = ghost.max_pool %[[X]] {kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x16x7x7xf32> -> tensor<1x16x4x4xf32>
// CHECK: return %[[P0]], %[[P1]], %[[P2]]
func.func @max_pool(%x: tensor<1x16x7x7xf32>)
    -> (tensor<1x16x3x3xf32>, tensor<1x16x4x4xf32>, tensor<1x16x4x4xf32>) {
  %0 = ghost.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
      : tensor<1x16x7x7xf32> -> tensor<1x16x3x3xf32>
  %1 = ghost.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true}
      : tensor<1x16x7x7xf32> -> tensor<1x16x4x4xf32>
  %2 = ghost.max_pool %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = false}
      : tensor<1x16x7x7xf32> -> tensor<1x16x4x4xf32>
  return %0, %1, %2 : tensor<1x16x3x3xf32>, tensor<1x16x4x4xf32>, tensor<1x16x4x4xf32>
}

// CHECK-LABEL: func.func @reduce_mean
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x4xf32>)
// CHECK: %[[R0:.*]] = ghost.reduce_mean %[[X]] [2, 3] : tensor<1x16x8x4xf32> -> tensor<1x16x1x1xf32>
// CHECK: %[[R1:.*]] = ghost.reduce_mean %[[X]] [2, 3] {keepdims = false} : tensor<1x16x8x4xf32> -> tensor<1x16xf32>
// CHECK: %[[R2:.*]] = ghost.reduce_mean %[[X]] [0, 1, 2, 3] {keepdims = false} : tensor<1x16x8x4xf32> -> tensor<f32>
// CHECK: %[[R3:.*]] = ghost.reduce_mean %[[X]] [] : tensor<1x16x8x4xf32> -> tensor<1x16x8x4xf32>
// CHECK: return %[[R0]], %[[R1]], %[[R2]], %[[R3]]
func.func @reduce_mean(%x: tensor<1x16x8x4xf32>)
    -> (tensor<1x16x1x1xf32>, tensor<1x16xf32>, tensor<f32>, tensor<1x16x8x4xf32>) {
  %0 = ghost.reduce_mean %x [2, 3] {keepdims = true} : tensor<1x16x8x4xf32> -> tensor<1x16x1x1xf32>
  %1 = ghost.reduce_mean %x [2, 3] {keepdims = false} : tensor<1x16x8x4xf32> -> tensor<1x16xf32>
  %2 = ghost.reduce_mean %x [0, 1, 2, 3] {keepdims = false} : tensor<1x16x8x4xf32> -> tensor<f32>
  %3 = ghost.reduce_mean %x [] : tensor<1x16x8x4xf32> -> tensor<1x16x8x4xf32>
  return %0, %1, %2, %3 : tensor<1x16x1x1xf32>, tensor<1x16xf32>, tensor<f32>, tensor<1x16x8x4xf32>
}

// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<1x1000xf32>, %[[Y:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[S0:.*]] = ghost.softmax %[[X]] axis 1 : tensor<1x1000xf32>
// CHECK: %[[S1:.*]] = ghost.softmax %[[Y]] axis 0 : tensor<2x3x4xf32>
// CHECK: return %[[S0]], %[[S1]]
func.func @softmax(%x: tensor<1x1000xf32>, %y: tensor<2x3x4xf32>) -> (tensor<1x1000xf32>, tensor<2x3x4xf32>) {
  %0 = ghost.softmax %x axis 1 : tensor<1x1000xf32>
  %1 = ghost.softmax %y axis 0 : tensor<2x3x4xf32>
  return %0, %1 : tensor<1x1000xf32>, tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @gemm
// CHECK-SAME: (%[[A:.*]]: tensor<1x1280xf32>, %[[W:.*]]: tensor<1000x1280xf32>, %[[B:.*]]: tensor<1000xf32>, %[[AT:.*]]: tensor<1280x1xf32>, %[[WT:.*]]: tensor<1280x1000xf32>, %[[C:.*]]: tensor<1x1xf32>)
// CHECK: %[[G0:.*]] = ghost.gemm %[[A]], %[[W]], %[[B]] {trans_b = true} act none : (tensor<1x1280xf32>, tensor<1000x1280xf32>, tensor<1000xf32>) -> tensor<1x1000xf32>
// CHECK: %[[G1:.*]] = ghost.gemm %[[A]], %[[WT]] act relu : (tensor<1x1280xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
// CHECK: %[[G2:.*]] = ghost.gemm %[[AT]], %[[W]], %[[C]] {alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32, trans_a = true, trans_b = true} act sigmoid : (tensor<1280x1xf32>, tensor<1000x1280xf32>, tensor<1x1xf32>) -> tensor<1x1000xf32>
// CHECK: %[[G3:.*]] = ghost.gemm %[[AT]], %[[WT]] {trans_a = true} act hard_swish : (tensor<1280x1xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
// CHECK: return %[[G0]], %[[G1]], %[[G2]], %[[G3]]
func.func @gemm(%a: tensor<1x1280xf32>, %w: tensor<1000x1280xf32>, %b: tensor<1000xf32>,
                %at: tensor<1280x1xf32>, %wt: tensor<1280x1000xf32>, %c: tensor<1x1xf32>)
    -> (tensor<1x1000xf32>, tensor<1x1000xf32>, tensor<1x1000xf32>, tensor<1x1000xf32>) {
  %0 = ghost.gemm %a, %w, %b {trans_b = true} act none
      : (tensor<1x1280xf32>, tensor<1000x1280xf32>, tensor<1000xf32>) -> tensor<1x1000xf32>
  %1 = ghost.gemm %a, %wt {trans_a = false, trans_b = false, alpha = 1.0 : f32, beta = 1.0 : f32} act relu
      : (tensor<1x1280xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
  %2 = ghost.gemm %at, %w, %c {trans_a = true, trans_b = true, alpha = 0.5 : f32, beta = 2.0 : f32} act sigmoid
      : (tensor<1280x1xf32>, tensor<1000x1280xf32>, tensor<1x1xf32>) -> tensor<1x1000xf32>
  %3 = ghost.gemm %at, %wt {trans_a = true} act hard_swish
      : (tensor<1280x1xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
  return %0, %1, %2, %3 : tensor<1x1000xf32>, tensor<1x1000xf32>, tensor<1x1000xf32>, tensor<1x1000xf32>
}

// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: tensor<1x1280xf32>, %[[B:.*]]: tensor<1280x1000xf32>, %[[L:.*]]: tensor<2x1x3x4xf32>, %[[R:.*]]: tensor<5x4x6xf32>)
// CHECK: %[[M0:.*]] = ghost.matmul %[[A]], %[[B]] : (tensor<1x1280xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
// CHECK: %[[M1:.*]] = ghost.matmul %[[L]], %[[R]] : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
// CHECK: return %[[M0]], %[[M1]]
func.func @matmul(%a: tensor<1x1280xf32>, %b: tensor<1280x1000xf32>,
                  %l: tensor<2x1x3x4xf32>, %r: tensor<5x4x6xf32>)
    -> (tensor<1x1000xf32>, tensor<2x5x3x6xf32>) {
  %0 = ghost.matmul %a, %b : (tensor<1x1280xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
  // Batch axes [2, 1] and [5] broadcast to [2, 5].
  %1 = ghost.matmul %l, %r : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  return %0, %1 : tensor<1x1000xf32>, tensor<2x5x3x6xf32>
}

// CHECK-LABEL: func.func @ghost_module
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x56x56xf32>, %[[WP:.*]]: tensor<8x16x1x1xf32>, %[[BP:.*]]: tensor<8xf32>, %[[WC:.*]]: tensor<8x1x3x3xf32>, %[[BC:.*]]: tensor<8xf32>, %[[WP3:.*]]: tensor<4x16x3x3xf32>, %[[BP3:.*]]: tensor<4xf32>, %[[WC3:.*]]: tensor<8x1x5x5xf32>)
// CHECK: %[[G0:.*]] = ghost.ghost_module %[[X]], %[[WP]], %[[BP]], %[[WC]], %[[BC]] {dw_size = 3 : i64, kernel = 1 : i64, oup = 16 : i64, ratio = 2 : i64, stride = 1 : i64} act relu : (tensor<1x16x56x56xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x56x56xf32>
// CHECK: %[[G1:.*]] = ghost.ghost_module %[[X]], %[[WP3]], %[[BP3]], %[[WC3]], %[[BC]] {dw_size = 5 : i64, kernel = 3 : i64, oup = 10 : i64, ratio = 3 : i64, stride = 2 : i64} act none : (tensor<1x16x56x56xf32>, tensor<4x16x3x3xf32>, tensor<4xf32>, tensor<8x1x5x5xf32>, tensor<8xf32>) -> tensor<1x10x28x28xf32>
// CHECK: return %[[G0]], %[[G1]]
func.func @ghost_module(%x: tensor<1x16x56x56xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>,
                        %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>,
                        %wp3: tensor<4x16x3x3xf32>, %bp3: tensor<4xf32>, %wc3: tensor<8x1x5x5xf32>)
    -> (tensor<1x16x56x56xf32>, tensor<1x10x28x28xf32>) {
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc
      {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x56x56xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>)
        -> tensor<1x16x56x56xf32>
  // oup 10 with ratio 3: init = ceil(10 / 3) = 4 primary channels and
  // 4 * 2 = 8 cheap channels, of which the first 6 are kept.
  %1 = ghost.ghost_module %x, %wp3, %bp3, %wc3, %bc
      {oup = 10 : i64, ratio = 3 : i64, kernel = 3 : i64, dw_size = 5 : i64, stride = 2 : i64} act none
      : (tensor<1x16x56x56xf32>, tensor<4x16x3x3xf32>, tensor<4xf32>, tensor<8x1x5x5xf32>, tensor<8xf32>)
        -> tensor<1x10x28x28xf32>
  return %0, %1 : tensor<1x16x56x56xf32>, tensor<1x10x28x28xf32>
}

// CHECK-LABEL: func.func @se
// CHECK-SAME: (%[[X:.*]]: tensor<1x40x28x28xf32>, %[[W1:.*]]: tensor<12x40xf32>, %[[B1:.*]]: tensor<12xf32>, %[[W2:.*]]: tensor<40x12xf32>, %[[B2:.*]]: tensor<40xf32>)
// CHECK: %[[S0:.*]] = ghost.se %[[X]], %[[W1]], %[[B1]], %[[W2]], %[[B2]] gate hard_sigmoid : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<1x40x28x28xf32>
// CHECK: %[[S1:.*]] = ghost.se %[[S0]], %[[W1]], %[[B1]], %[[W2]], %[[B2]] gate sigmoid : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<1x40x28x28xf32>
// CHECK: return %[[S1]]
func.func @se(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x40xf32>, %b1: tensor<12xf32>,
              %w2: tensor<40x12xf32>, %b2: tensor<40xf32>) -> tensor<1x40x28x28xf32> {
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate hard_sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>)
        -> tensor<1x40x28x28xf32>
  %1 = ghost.se %0, %w1, %b1, %w2, %b2 gate sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>)
        -> tensor<1x40x28x28xf32>
  return %1 : tensor<1x40x28x28xf32>
}

// Reflect padding leaves an empty axis alone when it pads only the others.
// CHECK-LABEL: func.func @pad_reflect_empty_axis
// CHECK: ghost.pad %{{.*}} reflect [0, 1, 0, 1] : tensor<0x4xf32> -> tensor<0x6xf32>
func.func @pad_reflect_empty_axis(%x: tensor<0x4xf32>) -> tensor<0x6xf32> {
  %0 = ghost.pad %x reflect [0, 1, 0, 1] : tensor<0x4xf32> -> tensor<0x6xf32>
  return %0 : tensor<0x6xf32>
}
