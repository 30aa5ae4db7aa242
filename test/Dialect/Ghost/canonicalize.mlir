// RUN: ghostc-opt %s -canonicalize -split-input-file | FileCheck %s

// The folders of GhostFolds.cpp, each with the cases it must leave alone.

//===----------------------------------------------------------------------===//
// ghost.add / ghost.mul: neutral right operand
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @add_zero
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK-NOT: ghost.add
// CHECK: return %[[X]], %[[X]] : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>
func.func @add_zero(%x: tensor<1x16x8x8xf32>) -> (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) {
  %zero = ghost.constant dense<0.0> : tensor<f32>
  %0 = ghost.add %x, %zero : (tensor<1x16x8x8xf32>, tensor<f32>) -> tensor<1x16x8x8xf32>
  // A zero that broadcasts to x's own shape is neutral too.
  %zeros = ghost.constant dense<0.0> : tensor<1x16x1x1xf32>
  %1 = ghost.add %x, %zeros : (tensor<1x16x8x8xf32>, tensor<1x16x1x1xf32>) -> tensor<1x16x8x8xf32>
  return %0, %1 : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>
}

// -----

// Adding a zero of a larger shape broadcasts x: the result is not x.
// CHECK-LABEL: func.func @add_zero_broadcasts_lhs
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x1x1xf32>)
// CHECK: %[[Z:.*]] = ghost.constant dense<0.000000e+00> : tensor<1x16x8x8xf32>
// CHECK: %[[R:.*]] = ghost.add %[[X]], %[[Z]] : (tensor<1x16x1x1xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
// CHECK: return %[[R]]
func.func @add_zero_broadcasts_lhs(%x: tensor<1x16x1x1xf32>) -> tensor<1x16x8x8xf32> {
  %zero = ghost.constant dense<0.0> : tensor<1x16x8x8xf32>
  %0 = ghost.add %x, %zero : (tensor<1x16x1x1xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @add_not_zero
// CHECK-SAME: (%[[X:.*]]: tensor<1x4xf32>)
// CHECK-DAG: %[[ONE:.*]] = ghost.constant dense<1.000000e+00> : tensor<f32>
// CHECK-DAG: %[[MIXED:.*]] = ghost.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00]> : tensor<4xf32>
// CHECK: %[[A:.*]] = ghost.add %[[X]], %[[ONE]] : (tensor<1x4xf32>, tensor<f32>) -> tensor<1x4xf32>
// CHECK: %[[B:.*]] = ghost.add %[[X]], %[[MIXED]] : (tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
// CHECK: return %[[A]], %[[B]]
func.func @add_not_zero(%x: tensor<1x4xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>) {
  %one = ghost.constant dense<1.0> : tensor<f32>
  %0 = ghost.add %x, %one : (tensor<1x4xf32>, tensor<f32>) -> tensor<1x4xf32>
  // Not a splat: only some elements are zero.
  %mixed = ghost.constant dense<[0.0, 0.0, 0.0, 1.0]> : tensor<4xf32>
  %1 = ghost.add %x, %mixed : (tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0, %1 : tensor<1x4xf32>, tensor<1x4xf32>
}

// -----

// The right operand has to be a constant for the folder to see it.
// CHECK-LABEL: func.func @add_not_constant
// CHECK-SAME: (%[[X:.*]]: tensor<1x4xf32>, %[[Y:.*]]: tensor<f32>)
// CHECK: %[[A:.*]] = ghost.add %[[X]], %[[Y]]
// CHECK: return %[[A]]
func.func @add_not_constant(%x: tensor<1x4xf32>, %y: tensor<f32>) -> tensor<1x4xf32> {
  %0 = ghost.add %x, %y : (tensor<1x4xf32>, tensor<f32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

// CHECK-LABEL: func.func @mul_one
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK-NOT: ghost.mul
// CHECK: return %[[X]], %[[X]] : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>
func.func @mul_one(%x: tensor<1x16x8x8xf32>) -> (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) {
  %one = ghost.constant dense<1.0> : tensor<f32>
  %0 = ghost.mul %x, %one : (tensor<1x16x8x8xf32>, tensor<f32>) -> tensor<1x16x8x8xf32>
  %ones = ghost.constant dense<1.0> : tensor<8xf32>
  %1 = ghost.mul %x, %ones : (tensor<1x16x8x8xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0, %1 : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @mul_not_one
// CHECK-SAME: (%[[X:.*]]: tensor<1x16xf32>, %[[V:.*]]: tensor<16xf32>)
// CHECK-DAG: %[[ONES:.*]] = ghost.constant dense<1.000000e+00> : tensor<2x16xf32>
// CHECK-DAG: %[[TWO:.*]] = ghost.constant dense<2.000000e+00> : tensor<f32>
// CHECK-DAG: %[[ZERO:.*]] = ghost.constant dense<0.000000e+00> : tensor<f32>
// CHECK: %[[A:.*]] = ghost.mul %[[X]], %[[ONES]] : (tensor<1x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK: %[[B:.*]] = ghost.mul %[[X]], %[[TWO]] : (tensor<1x16xf32>, tensor<f32>) -> tensor<1x16xf32>
// CHECK: %[[C:.*]] = ghost.mul %[[X]], %[[ZERO]] : (tensor<1x16xf32>, tensor<f32>) -> tensor<1x16xf32>
// CHECK: %[[D:.*]] = ghost.mul %[[V]], %[[ONES]] : (tensor<16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK: return %[[A]], %[[B]], %[[C]], %[[D]]
func.func @mul_not_one(%x: tensor<1x16xf32>, %v: tensor<16xf32>)
    -> (tensor<2x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<2x16xf32>) {
  // A one of a larger shape broadcasts x.
  %ones = ghost.constant dense<1.0> : tensor<2x16xf32>
  %0 = ghost.mul %x, %ones : (tensor<1x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %two = ghost.constant dense<2.0> : tensor<f32>
  %1 = ghost.mul %x, %two : (tensor<1x16xf32>, tensor<f32>) -> tensor<1x16xf32>
  // Zero is the neutral element of add, not of mul.
  %zero = ghost.constant dense<0.0> : tensor<f32>
  %2 = ghost.mul %x, %zero : (tensor<1x16xf32>, tensor<f32>) -> tensor<1x16xf32>
  // A one of a higher rank changes x's rank.
  %3 = ghost.mul %v, %ones : (tensor<16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  return %0, %1, %2, %3 : tensor<2x16xf32>, tensor<1x16xf32>, tensor<1x16xf32>, tensor<2x16xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.relu / ghost.clip
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @relu_after_clamp
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>)
// CHECK: %[[R:.*]] = ghost.relu %[[X]] : tensor<8xf32>
// CHECK-NOT: ghost.relu
// CHECK: %[[C:.*]] = ghost.clip %[[X]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<8xf32>
// CHECK-NOT: ghost.relu
// CHECK: return %[[R]], %[[C]]
func.func @relu_after_clamp(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %0 = ghost.relu %x : tensor<8xf32>
  %1 = ghost.relu %0 : tensor<8xf32>
  %2 = ghost.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<8xf32>
  %3 = ghost.relu %2 : tensor<8xf32>
  return %1, %3 : tensor<8xf32>, tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @relu_after_negative_clip
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>)
// CHECK: %[[C:.*]] = ghost.clip %[[X]] {max = 6.000000e+00 : f32, min = -1.000000e+00 : f32} : tensor<8xf32>
// CHECK: %[[R:.*]] = ghost.relu %[[C]] : tensor<8xf32>
// CHECK: return %[[R]]
func.func @relu_after_negative_clip(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = ghost.clip %x {min = -1.0 : f32, max = 6.0 : f32} : tensor<8xf32>
  %1 = ghost.relu %0 : tensor<8xf32>
  return %1 : tensor<8xf32>
}

// -----

// CHECK-LABEL: func.func @clip_after_relu
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>)
// CHECK-NOT: ghost.relu
// CHECK: %[[C:.*]] = ghost.clip %[[X]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<8xf32>
// CHECK-NOT: ghost.relu
// CHECK: return %[[C]]
func.func @clip_after_relu(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = ghost.relu %x : tensor<8xf32>
  %1 = ghost.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<8xf32>
  return %1 : tensor<8xf32>
}

// -----

// With a negative lower bound the clip lets relu's zeros through but not the
// negative inputs relu removed.
// CHECK-LABEL: func.func @clip_after_relu_negative_min
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>)
// CHECK: %[[R:.*]] = ghost.relu %[[X]] : tensor<8xf32>
// CHECK: %[[C:.*]] = ghost.clip %[[R]] {max = 6.000000e+00 : f32, min = -1.000000e+00 : f32} : tensor<8xf32>
// CHECK: return %[[C]]
func.func @clip_after_relu_negative_min(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = ghost.relu %x : tensor<8xf32>
  %1 = ghost.clip %0 {min = -1.0 : f32, max = 6.0 : f32} : tensor<8xf32>
  return %1 : tensor<8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.concat
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @concat_one_input
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>)
// CHECK-NOT: ghost.concat
// CHECK: return %[[X]]
func.func @concat_one_input(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = ghost.concat %x axis 1 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @concat_two_inputs
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>, %[[E:.*]]: tensor<1x0x4x4xf32>)
// CHECK: %[[C:.*]] = ghost.concat %[[X]], %[[E]] axis 1 : (tensor<1x8x4x4xf32>, tensor<1x0x4x4xf32>) -> tensor<1x8x4x4xf32>
// CHECK: return %[[C]]
func.func @concat_two_inputs(%x: tensor<1x8x4x4xf32>, %e: tensor<1x0x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = ghost.concat %x, %e axis 1 : (tensor<1x8x4x4xf32>, tensor<1x0x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.slice
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @slice_identity
// CHECK-SAME: (%[[X:.*]]: tensor<1x20x8x8xf32>)
// CHECK-NOT: ghost.slice
// CHECK: return %[[X]]
func.func @slice_identity(%x: tensor<1x20x8x8xf32>) -> tensor<1x20x8x8xf32> {
  %0 = ghost.slice %x [0, 0, 0, 0] [1, 20, 8, 8] [1, 1, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x20x8x8xf32>
  return %0 : tensor<1x20x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @slice_not_identity
// CHECK-SAME: (%[[X:.*]]: tensor<1x20x8x8xf32>)
// CHECK: %[[A:.*]] = ghost.slice %[[X]] [0, 0, 0, 0] [1, 10, 8, 8] [1, 2, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x10x8x8xf32>
// CHECK: %[[B:.*]] = ghost.slice %[[X]] [0, 4, 0, 0] [1, 16, 8, 8] [1, 1, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x16x8x8xf32>
// CHECK: %[[C:.*]] = ghost.slice %[[X]] [0, 0, 0, 0] [1, 16, 8, 8] [1, 1, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x16x8x8xf32>
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @slice_not_identity(%x: tensor<1x20x8x8xf32>)
    -> (tensor<1x10x8x8xf32>, tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) {
  // Step 2: every other channel.
  %0 = ghost.slice %x [0, 0, 0, 0] [1, 10, 8, 8] [1, 2, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x10x8x8xf32>
  // The last 16 channels.
  %1 = ghost.slice %x [0, 4, 0, 0] [1, 16, 8, 8] [1, 1, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x16x8x8xf32>
  // The first 16 channels.
  %2 = ghost.slice %x [0, 0, 0, 0] [1, 16, 8, 8] [1, 1, 1, 1] : tensor<1x20x8x8xf32> -> tensor<1x16x8x8xf32>
  return %0, %1, %2 : tensor<1x10x8x8xf32>, tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>
}

// -----

// A slice that keeps the type but reverses an axis is not the identity.
// CHECK-LABEL: func.func @slice_reverse
// CHECK-SAME: (%[[X:.*]]: tensor<1x20x8x8xf32>)
// CHECK: %[[R:.*]] = ghost.slice %[[X]] [0, 0, 7, 0] [1, 20, 8, 8] [1, 1, -1, 1] : tensor<1x20x8x8xf32> -> tensor<1x20x8x8xf32>
// CHECK: return %[[R]]
func.func @slice_reverse(%x: tensor<1x20x8x8xf32>) -> tensor<1x20x8x8xf32> {
  %0 = ghost.slice %x [0, 0, 7, 0] [1, 20, 8, 8] [1, 1, -1, 1] : tensor<1x20x8x8xf32> -> tensor<1x20x8x8xf32>
  return %0 : tensor<1x20x8x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.pad
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @pad_zero
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>)
// CHECK-NOT: ghost.pad
// CHECK: return %[[X]], %[[X]], %[[X]]
func.func @pad_zero(%x: tensor<1x3x8x8xf32>) -> (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) {
  %0 = ghost.pad %x constant [0, 0, 0, 0, 0, 0, 0, 0] {value = 1.0 : f32} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  %1 = ghost.pad %x reflect [0, 0, 0, 0, 0, 0, 0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  %2 = ghost.pad %x edge [0, 0, 0, 0, 0, 0, 0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return %0, %1, %2 : tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @pad_not_zero
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>)
// CHECK: %[[P:.*]] = ghost.pad %[[X]] constant [0, 0, 0, 0, 0, 0, 0, 1] : tensor<1x3x8x8xf32> -> tensor<1x3x8x9xf32>
// CHECK: return %[[P]]
func.func @pad_not_zero(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x9xf32> {
  %0 = ghost.pad %x constant [0, 0, 0, 0, 0, 0, 0, 1] : tensor<1x3x8x8xf32> -> tensor<1x3x8x9xf32>
  return %0 : tensor<1x3x8x9xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.reshape
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @reshape_same_type
// CHECK-SAME: (%[[X:.*]]: tensor<1x1280xf32>)
// CHECK-NOT: ghost.reshape
// CHECK: return %[[X]]
func.func @reshape_same_type(%x: tensor<1x1280xf32>) -> tensor<1x1280xf32> {
  %0 = ghost.reshape %x : tensor<1x1280xf32> -> tensor<1x1280xf32>
  return %0 : tensor<1x1280xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_constant
// CHECK-DAG: %[[C:.*]] = ghost.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
// CHECK-DAG: %[[S:.*]] = ghost.constant dense<5.000000e-01> : tensor<1x4x1x1xf32>
// CHECK-NOT: ghost.reshape
// CHECK-NOT: tensor<6xf32>
// CHECK-NOT: tensor<4xf32>
// CHECK: return %[[C]], %[[S]]
func.func @reshape_constant() -> (tensor<2x3xf32>, tensor<1x4x1x1xf32>) {
  %c = ghost.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %0 = ghost.reshape %c : tensor<6xf32> -> tensor<2x3xf32>
  %s = ghost.constant dense<0.5> : tensor<4xf32>
  %1 = ghost.reshape %s : tensor<4xf32> -> tensor<1x4x1x1xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<1x4x1x1xf32>
}

// -----

// A weight's blob takes the new shape without a copy: the same resource.
// CHECK-LABEL: func.func @reshape_resource
// CHECK: %[[C:.*]] = ghost.constant dense_resource<w> : tensor<2x3xf32>
// CHECK-NOT: ghost.reshape
// CHECK: return %[[C]]
// CHECK: w: "0x040000000000803F0000004000004040000080400000A0400000C040"
func.func @reshape_resource() -> tensor<2x3xf32> {
  %c = ghost.constant dense_resource<w> : tensor<6xf32>
  %0 = ghost.reshape %c : tensor<6xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}

// -----

// reshape(reshape(x)) is one reshape of x.
// CHECK-LABEL: func.func @reshape_chain
// CHECK-SAME: (%[[X:.*]]: tensor<1x1280x1x1xf32>)
// CHECK: %[[R:.*]] = ghost.reshape %[[X]] : tensor<1x1280x1x1xf32> -> tensor<2x640xf32>
// CHECK-NOT: ghost.reshape
// CHECK: return %[[R]]
func.func @reshape_chain(%x: tensor<1x1280x1x1xf32>) -> tensor<2x640xf32> {
  %0 = ghost.reshape %x : tensor<1x1280x1x1xf32> -> tensor<1x1280xf32>
  %1 = ghost.reshape %0 : tensor<1x1280xf32> -> tensor<1280xf32>
  %2 = ghost.reshape %1 : tensor<1280xf32> -> tensor<2x640xf32>
  return %2 : tensor<2x640xf32>
}

// -----

// A chain back to the original shape disappears.
// CHECK-LABEL: func.func @reshape_round_trip
// CHECK-SAME: (%[[X:.*]]: tensor<1x1280x1x1xf32>)
// CHECK-NOT: ghost.reshape
// CHECK: return %[[X]]
func.func @reshape_round_trip(%x: tensor<1x1280x1x1xf32>) -> tensor<1x1280x1x1xf32> {
  %0 = ghost.reshape %x : tensor<1x1280x1x1xf32> -> tensor<1x1280xf32>
  %1 = ghost.reshape %0 : tensor<1x1280xf32> -> tensor<1x1280x1x1xf32>
  return %1 : tensor<1x1280x1x1xf32>
}

// -----

// The inner reshape keeps its other user.
// CHECK-LABEL: func.func @reshape_chain_shared
// CHECK-SAME: (%[[X:.*]]: tensor<1x1280x1x1xf32>)
// CHECK-DAG: %[[A:.*]] = ghost.reshape %[[X]] : tensor<1x1280x1x1xf32> -> tensor<1x1280xf32>
// CHECK-DAG: %[[B:.*]] = ghost.reshape %[[X]] : tensor<1x1280x1x1xf32> -> tensor<1280xf32>
// CHECK: return %[[A]], %[[B]]
func.func @reshape_chain_shared(%x: tensor<1x1280x1x1xf32>) -> (tensor<1x1280xf32>, tensor<1280xf32>) {
  %0 = ghost.reshape %x : tensor<1x1280x1x1xf32> -> tensor<1x1280xf32>
  %1 = ghost.reshape %0 : tensor<1x1280xf32> -> tensor<1280xf32>
  return %0, %1 : tensor<1x1280xf32>, tensor<1280xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.constant
//===----------------------------------------------------------------------===//

// Equal constants are uniqued; unused ones are erased.
// CHECK-LABEL: func.func @constant_dedup
// CHECK: %[[C:.*]] = ghost.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK-NOT: ghost.constant
// CHECK: return %[[C]], %[[C]]
func.func @constant_dedup() -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = ghost.constant dense<2.0> : tensor<4xf32>
  %1 = ghost.constant dense<2.0> : tensor<4xf32>
  %2 = ghost.constant dense<3.0> : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
