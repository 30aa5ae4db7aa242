// RUN: ghostc-opt %s --canonicalize --ghost-canonicalize-gates -split-input-file | FileCheck %s

// relu6(x + 3) / 6, as PyTorch exports F.relu6(x + 3.) / 6. (Relu then Clip;
// the canonicalizer merges the two first).
// CHECK-LABEL: func.func @div_gate
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x1x1xf32>)
// CHECK: %[[G:.*]] = ghost.hard_sigmoid %[[X]] : tensor<1x8x1x1xf32>
// CHECK-NOT: ghost.clip
// CHECK-NOT: ghost.div
// CHECK: return %[[G]]
func.func @div_gate(%x: tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32> {
  %three = ghost.constant dense<3.0> : tensor<f32>
  %six = ghost.constant dense<6.0> : tensor<f32>
  %a = ghost.add %x, %three : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  %r = ghost.relu %a : tensor<1x8x1x1xf32>
  %c = ghost.clip %r {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x8x1x1xf32>
  %g = ghost.div %c, %six : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  return %g : tensor<1x8x1x1xf32>
}

// -----

// (3 + x) clipped, times 1/6 on the left.
// CHECK-LABEL: func.func @mul_gate
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x1x1xf32>)
// CHECK: %[[G:.*]] = ghost.hard_sigmoid %[[X]]
// CHECK-NOT: ghost.mul
// CHECK: return %[[G]]
func.func @mul_gate(%x: tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32> {
  %three = ghost.constant dense<3.0> : tensor<1xf32>
  %sixth = ghost.constant dense<0.166666672> : tensor<f32>
  %a = ghost.add %three, %x : (tensor<1xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32>
  %c = ghost.clip %a {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x8x1x1xf32>
  %g = ghost.mul %sixth, %c : (tensor<f32>, tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32>
  return %g : tensor<1x8x1x1xf32>
}

// -----

// x * hard_sigmoid(x) is hard swish (PyTorch's export before opset 14).
// CHECK-LABEL: func.func @hard_swish
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>)
// CHECK: %[[Y:.*]] = ghost.hard_swish %[[X]]
// CHECK-NOT: ghost.hard_sigmoid
// CHECK: return %[[Y]]
func.func @hard_swish(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %h = ghost.hard_sigmoid %x : tensor<1x8x4x4xf32>
  %y = ghost.mul %x, %h : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// x * sigmoid(x), in either order, is SiLU (PyTorch's export of nn.SiLU).
// CHECK-LABEL: func.func @silu
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>)
// CHECK: %[[Y:.*]] = ghost.silu %[[X]]
// CHECK: %[[Z:.*]] = ghost.silu %[[X]]
// CHECK-NOT: ghost.sigmoid
// CHECK: return %[[Y]], %[[Z]]
func.func @silu(%x: tensor<1x8x4x4xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %s = ghost.sigmoid %x : tensor<1x8x4x4xf32>
  %y = ghost.mul %x, %s : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %t = ghost.sigmoid %x : tensor<1x8x4x4xf32>
  %z = ghost.mul %t, %x : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y, %z : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// -----

// Near misses: a sigmoid with a second user, and one of another value, stay.
// CHECK-LABEL: func.func @not_silu
// CHECK-NOT: ghost.silu
// CHECK: ghost.sigmoid
// CHECK: ghost.mul
// CHECK: ghost.sigmoid
// CHECK: ghost.mul
// CHECK-NOT: ghost.silu
func.func @not_silu(%x: tensor<1x8x4x4xf32>, %w: tensor<1x8x4x4xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %s = ghost.sigmoid %x : tensor<1x8x4x4xf32>
  %y = ghost.mul %x, %s : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %t = ghost.sigmoid %w : tensor<1x8x4x4xf32>
  %z = ghost.mul %x, %t : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y, %s, %z : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// -----

// Near misses: the wrong constants, a clip to 5, and an intermediate value
// with a second user all stay as they are.
// CHECK-LABEL: func.func @near_misses
// CHECK-NOT: ghost.hard_sigmoid
// CHECK: ghost.div
// CHECK: ghost.div
// CHECK: ghost.div
// CHECK-NOT: ghost.hard_sigmoid
func.func @near_misses(%x: tensor<1x8x1x1xf32>) -> (tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>) {
  %two = ghost.constant dense<2.0> : tensor<f32>
  %three = ghost.constant dense<3.0> : tensor<f32>
  %six = ghost.constant dense<6.0> : tensor<f32>
  %a0 = ghost.add %x, %two : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  %c0 = ghost.clip %a0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x8x1x1xf32>
  %g0 = ghost.div %c0, %six : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  %a1 = ghost.add %x, %three : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  %c1 = ghost.clip %a1 {min = 0.0 : f32, max = 5.0 : f32} : tensor<1x8x1x1xf32>
  %g1 = ghost.div %c1, %six : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  %a2 = ghost.add %x, %three : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  %c2 = ghost.clip %a2 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x8x1x1xf32>
  %g2 = ghost.div %c2, %six : (tensor<1x8x1x1xf32>, tensor<f32>) -> tensor<1x8x1x1xf32>
  return %g0, %g1, %g2, %c2 : tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>, tensor<1x8x1x1xf32>
}

// -----

// Near miss: a hard sigmoid with other coefficients is not hard swish's.
// CHECK-LABEL: func.func @not_hard_swish
// CHECK: ghost.hard_sigmoid
// CHECK: ghost.mul
// CHECK-NOT: ghost.hard_swish
func.func @not_hard_swish(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %h = ghost.hard_sigmoid %x {alpha = 0.2 : f32} : tensor<1x8x4x4xf32>
  %y = ghost.mul %x, %h : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}
