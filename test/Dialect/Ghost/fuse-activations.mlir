// RUN: ghostc-opt %s --ghost-fuse-activations -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @each_kind
// CHECK: %[[A:.*]] = ghost.conv {{.*}} act relu
// CHECK: %[[B:.*]] = ghost.conv %[[A]], {{.*}} act relu6
// CHECK: %[[C:.*]] = ghost.conv %[[B]], {{.*}} act sigmoid
// CHECK: %[[D:.*]] = ghost.conv %[[C]], {{.*}} act hard_sigmoid
// CHECK: %[[E:.*]] = ghost.conv %[[D]], {{.*}} act hard_swish
// CHECK: %[[F:.*]] = ghost.conv %[[E]], {{.*}} act silu
// CHECK-NOT: ghost.relu
// CHECK-NOT: ghost.clip
// CHECK-NOT: ghost.sigmoid
// CHECK-NOT: ghost.hard_swish %
// CHECK-NOT: ghost.silu %
// CHECK: return %[[F]]
func.func @each_kind(%x: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %w = ghost.constant dense<1.0> : tensor<4x4x1x1xf32>
  %c0 = ghost.conv %x, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a0 = ghost.relu %c0 : tensor<1x4x4x4xf32>
  %c1 = ghost.conv %a0, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a1 = ghost.clip %c1 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x4x4x4xf32>
  %c2 = ghost.conv %a1, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a2 = ghost.sigmoid %c2 : tensor<1x4x4x4xf32>
  %c3 = ghost.conv %a2, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a3 = ghost.hard_sigmoid %c3 : tensor<1x4x4x4xf32>
  %c4 = ghost.conv %a3, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a4 = ghost.hard_swish %c4 : tensor<1x4x4x4xf32>
  %c5 = ghost.conv %a4, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a5 = ghost.silu %c5 : tensor<1x4x4x4xf32>
  return %a5 : tensor<1x4x4x4xf32>
}

// -----

// Gemm takes activations too.
// CHECK-LABEL: func.func @gemm
// CHECK: %[[Y:.*]] = ghost.gemm {{.*}} act relu
// CHECK-NEXT: return %[[Y]]
func.func @gemm(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %g = ghost.gemm %a, %b act none : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %r = ghost.relu %g : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// Near misses: a conv result with a second user, a clip that is not relu6,
// a hard sigmoid with other coefficients, a producer that already has an
// activation, and an activation of a non-conv value all stay.
// CHECK-LABEL: func.func @near_misses
// CHECK: %[[C0:.*]] = ghost.conv {{.*}} act none
// CHECK: ghost.relu %[[C0]]
// CHECK: %[[C1:.*]] = ghost.conv {{.*}} act none
// CHECK: ghost.clip %[[C1]]
// CHECK: %[[C2:.*]] = ghost.conv {{.*}} act none
// CHECK: ghost.hard_sigmoid %[[C2]]
// CHECK: %[[C3:.*]] = ghost.conv {{.*}} act relu
// CHECK: ghost.sigmoid %[[C3]]
// CHECK: ghost.relu %arg0
func.func @near_misses(%x: tensor<1x4x4x4xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) {
  %w = ghost.constant dense<1.0> : tensor<4x4x1x1xf32>
  %c0 = ghost.conv %x, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a0 = ghost.relu %c0 : tensor<1x4x4x4xf32>
  %c1 = ghost.conv %x, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a1 = ghost.clip %c1 {min = -1.0 : f32, max = 6.0 : f32} : tensor<1x4x4x4xf32>
  %c2 = ghost.conv %x, %w act none : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a2 = ghost.hard_sigmoid %c2 {alpha = 0.2 : f32} : tensor<1x4x4x4xf32>
  %c3 = ghost.conv %x, %w act relu : (tensor<1x4x4x4xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x4x4xf32>
  %a3 = ghost.sigmoid %c3 : tensor<1x4x4x4xf32>
  %a4 = ghost.relu %x : tensor<1x4x4x4xf32>
  return %a0, %c0, %a1, %a2, %a3, %a4 : tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>
}
