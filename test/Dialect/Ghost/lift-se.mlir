// RUN: ghostc-opt %s --ghost-lift-se --canonicalize -split-input-file | FileCheck %s

// GhostNet's SE block after activation fusion, with the hard sigmoid gate.
// The 1x1 weights become matrices (the reshapes of constants fold).
// CHECK-LABEL: func.func @hard_sigmoid_gate
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>)
// CHECK-DAG: %[[W1:.*]] = ghost.constant dense<1.000000e+00> : tensor<2x8xf32>
// CHECK-DAG: %[[B1:.*]] = ghost.constant dense<5.000000e-01> : tensor<2xf32>
// CHECK-DAG: %[[W2:.*]] = ghost.constant dense<2.000000e+00> : tensor<8x2xf32>
// CHECK-DAG: %[[B2:.*]] = ghost.constant dense<2.500000e-01> : tensor<8xf32>
// CHECK: %[[Y:.*]] = ghost.se %[[X]], %[[W1]], %[[B1]], %[[W2]], %[[B2]] gate hard_sigmoid
// CHECK-NOT: ghost.conv
// CHECK-NOT: ghost.mul
// CHECK: return %[[Y]]
func.func @hard_sigmoid_gate(%x: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %w1 = ghost.constant dense<1.0> : tensor<2x8x1x1xf32>
  %b1 = ghost.constant dense<0.5> : tensor<2xf32>
  %w2 = ghost.constant dense<2.0> : tensor<8x2x1x1xf32>
  %b2 = ghost.constant dense<0.25> : tensor<8xf32>
  %s = ghost.global_average_pool %x : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  %r = ghost.conv %s, %w1, %b1 act relu : (tensor<1x8x1x1xf32>, tensor<2x8x1x1xf32>, tensor<2xf32>) -> tensor<1x2x1x1xf32>
  %g = ghost.conv %r, %w2, %b2 act hard_sigmoid : (tensor<1x2x1x1xf32>, tensor<8x2x1x1xf32>, tensor<8xf32>) -> tensor<1x8x1x1xf32>
  %y = ghost.mul %x, %g : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// The mean written as reduce_mean, a sigmoid gate, the gate on the left and
// no biases (zeros are made).
// CHECK-LABEL: func.func @sigmoid_gate_reduce_mean
// CHECK-SAME: (%[[X:.*]]: tensor<2x8x4x4xf32>)
// CHECK-DAG: %[[Z2:.*]] = ghost.constant dense<0.000000e+00> : tensor<2xf32>
// CHECK-DAG: %[[Z8:.*]] = ghost.constant dense<0.000000e+00> : tensor<8xf32>
// CHECK: %[[Y:.*]] = ghost.se %[[X]], %{{.*}}, %[[Z2]], %{{.*}}, %[[Z8]] gate sigmoid
// CHECK-SAME: (tensor<2x8x4x4xf32>, tensor<2x8xf32>, tensor<2xf32>, tensor<8x2xf32>, tensor<8xf32>) -> tensor<2x8x4x4xf32>
// CHECK: return %[[Y]]
func.func @sigmoid_gate_reduce_mean(%x: tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> {
  %w1 = ghost.constant dense<1.0> : tensor<2x8x1x1xf32>
  %w2 = ghost.constant dense<2.0> : tensor<8x2x1x1xf32>
  %s = ghost.reduce_mean %x [2, 3] : tensor<2x8x4x4xf32> -> tensor<2x8x1x1xf32>
  %r = ghost.conv %s, %w1 act relu : (tensor<2x8x1x1xf32>, tensor<2x8x1x1xf32>) -> tensor<2x2x1x1xf32>
  %g = ghost.conv %r, %w2 act sigmoid : (tensor<2x2x1x1xf32>, tensor<8x2x1x1xf32>) -> tensor<2x8x1x1xf32>
  %y = ghost.mul %g, %x : (tensor<2x8x1x1xf32>, tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  return %y : tensor<2x8x4x4xf32>
}

// -----

// Near misses: the mean over other axes, a gate that is relu6 rather than a
// sigmoid, no relu between the convolutions, the pooled tensor not the one
// scaled, and a pooled value with a second user.
// CHECK-LABEL: func.func @near_misses
// CHECK-NOT: ghost.se
// CHECK-COUNT-5: ghost.mul
// CHECK-NOT: ghost.se
func.func @near_misses(%x: tensor<1x8x4x4xf32>, %z: tensor<1x8x4x4xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) {
  %w1 = ghost.constant dense<1.0> : tensor<2x8x1x1xf32>
  %w2 = ghost.constant dense<2.0> : tensor<8x2x1x1xf32>
  %s0 = ghost.reduce_mean %x [1, 2] : tensor<1x8x4x4xf32> -> tensor<1x1x1x4xf32>
  %t0 = ghost.reshape %s0 : tensor<1x1x1x4xf32> -> tensor<1x4x1x1xf32>
  %w0 = ghost.constant dense<1.0> : tensor<2x4x1x1xf32>
  %r0 = ghost.conv %t0, %w0 act relu : (tensor<1x4x1x1xf32>, tensor<2x4x1x1xf32>) -> tensor<1x2x1x1xf32>
  %g0 = ghost.conv %r0, %w2 act hard_sigmoid : (tensor<1x2x1x1xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x1x1xf32>
  %y0 = ghost.mul %x, %g0 : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>

  %s1 = ghost.global_average_pool %x : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  %r1 = ghost.conv %s1, %w1 act relu : (tensor<1x8x1x1xf32>, tensor<2x8x1x1xf32>) -> tensor<1x2x1x1xf32>
  %g1 = ghost.conv %r1, %w2 act relu6 : (tensor<1x2x1x1xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x1x1xf32>
  %y1 = ghost.mul %x, %g1 : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>

  %s2 = ghost.global_average_pool %x : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  %r2 = ghost.conv %s2, %w1 act none : (tensor<1x8x1x1xf32>, tensor<2x8x1x1xf32>) -> tensor<1x2x1x1xf32>
  %g2 = ghost.conv %r2, %w2 act hard_sigmoid : (tensor<1x2x1x1xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x1x1xf32>
  %y2 = ghost.mul %x, %g2 : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>

  %s3 = ghost.global_average_pool %z : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  %r3 = ghost.conv %s3, %w1 act relu : (tensor<1x8x1x1xf32>, tensor<2x8x1x1xf32>) -> tensor<1x2x1x1xf32>
  %g3 = ghost.conv %r3, %w2 act hard_sigmoid : (tensor<1x2x1x1xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x1x1xf32>
  %y3 = ghost.mul %x, %g3 : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>

  %s4 = ghost.global_average_pool %x : tensor<1x8x4x4xf32> -> tensor<1x8x1x1xf32>
  %r4 = ghost.conv %s4, %w1 act relu : (tensor<1x8x1x1xf32>, tensor<2x8x1x1xf32>) -> tensor<1x2x1x1xf32>
  %g4 = ghost.conv %r4, %w2 act hard_sigmoid : (tensor<1x2x1x1xf32>, tensor<8x2x1x1xf32>) -> tensor<1x8x1x1xf32>
  %y4 = ghost.mul %x, %g4 : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %y0, %y1, %y2, %y3, %y4, %s4 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>
}
