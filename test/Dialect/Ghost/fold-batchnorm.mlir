// RUN: ghostc-opt %s --ghost-fold-batchnorm -split-input-file | FileCheck %s

// s = gamma / sqrt(var + eps) = [4/2, 9/3] = [2, 3]
// t = beta - mean * s = [1 - 0.5*2, -1 - 1*3] = [0, -4]
// W' = W * s = [2, 6]; b' = b * s + t = [0.5*2 + 0, 1*3 - 4] = [1, -1]

// CHECK-LABEL: func.func @into_producer
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>)
// CHECK-DAG: %[[W:.*]] = ghost.constant dense<{{\[\[\[\[}}2.000000e+00]]], {{\[\[\[}}6.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG: %[[B:.*]] = ghost.constant dense<[1.000000e+00, -1.000000e+00]> : tensor<2xf32>
// CHECK: %[[Y:.*]] = ghost.conv %[[X]], %[[W]], %[[B]] {strides = array<i64: 2, 2>} act none
// CHECK-NOT: ghost.batch_norm
// CHECK: return %[[Y]]
func.func @into_producer(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %w = ghost.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %b = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %gamma = ghost.constant dense<[4.0, 9.0]> : tensor<2xf32>
  %beta = ghost.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %var = ghost.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %c = ghost.conv %x, %w, %b {strides = array<i64: 2, 2>} act none : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  %y = ghost.batch_norm %c, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// A conv without bias gets b' = t.
// CHECK-LABEL: func.func @into_producer_no_bias
// CHECK-DAG: ghost.constant dense<[0.000000e+00, -4.000000e+00]> : tensor<2xf32>
// CHECK-NOT: ghost.batch_norm
func.func @into_producer_no_bias(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = ghost.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %gamma = ghost.constant dense<[4.0, 9.0]> : tensor<2xf32>
  %beta = ghost.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %var = ghost.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %c = ghost.conv %x, %w act none : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %y = ghost.batch_norm %c, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// BN before an unpadded conv folds forward: W'[o, c] = W[o, c] * s[c] and
// b'[o] = b[o] + sum_c W[o, c] * t[c] = 0 + 1*0 + 1*(-4) = -4.
// CHECK-LABEL: func.func @into_consumer
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32>)
// CHECK-DAG: %[[W:.*]] = ghost.constant dense<{{\[\[\[\[}}2.000000e+00]], {{\[\[}}3.000000e+00]]]]> : tensor<1x2x1x1xf32>
// CHECK-DAG: %[[B:.*]] = ghost.constant dense<-4.000000e+00> : tensor<1xf32>
// CHECK: %[[Y:.*]] = ghost.conv %[[X]], %[[W]], %[[B]] act relu
// CHECK-NOT: ghost.batch_norm
// CHECK: return %[[Y]]
func.func @into_consumer(%x: tensor<1x2x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %gamma = ghost.constant dense<[4.0, 9.0]> : tensor<2xf32>
  %beta = ghost.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %var = ghost.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %n = ghost.batch_norm %x, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %w = ghost.constant dense<[[[[1.0]], [[1.0]]]]> : tensor<1x2x1x1xf32>
  %y = ghost.conv %n, %w act relu : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// Near miss: the consumer conv is padded, so the shift would leak into the
// zero padding; the BN becomes a scale and a shift of its own instead: a
// 1x1 depthwise convolution (one pass, and an activation after it fuses
// in), weights s, bias t.
// CHECK-LABEL: func.func @padded_consumer
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32>)
// CHECK-DAG: %[[S:.*]] = ghost.constant dense<{{\[\[\[\[}}2.000000e+00]]], {{\[\[\[}}3.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG: %[[T:.*]] = ghost.constant dense<[0.000000e+00, -4.000000e+00]> : tensor<2xf32>
// CHECK: %[[N:.*]] = ghost.conv %[[X]], %[[S]], %[[T]] {group = 2 : i64} act none : (tensor<1x2x4x4xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
// CHECK: ghost.conv %[[N]]
// CHECK-NOT: ghost.batch_norm
func.func @padded_consumer(%x: tensor<1x2x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %gamma = ghost.constant dense<[4.0, 9.0]> : tensor<2xf32>
  %beta = ghost.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %var = ghost.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %n = ghost.batch_norm %x, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %w = ghost.constant dense<1.0> : tensor<1x2x3x3xf32>
  %y = ghost.conv %n, %w {pads = array<i64: 1, 1, 1, 1>} act none : (tensor<1x2x4x4xf32>, tensor<1x2x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// Near miss: the conv's result has a second user, so its weights must stay.
// CHECK-LABEL: func.func @shared_conv
// CHECK: %[[C:.*]] = ghost.conv
// CHECK: ghost.conv %[[C]], %{{.*}}, %{{.*}} {group = 2 : i64}
// CHECK-NOT: ghost.batch_norm
func.func @shared_conv(%x: tensor<1x1x4x4xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) {
  %w = ghost.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %p = ghost.constant dense<1.0> : tensor<2xf32>
  %c = ghost.conv %x, %w act none : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %y = ghost.batch_norm %c, %p, %p, %p, %p : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y, %c : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>
}

// -----

// Near miss: an activated conv cannot absorb a BN that follows the activation.
// CHECK-LABEL: func.func @activated_conv
// CHECK: %[[C:.*]] = ghost.conv {{.*}} act relu
// CHECK: ghost.conv %[[C]], %{{.*}}, %{{.*}} {group = 2 : i64} act none
func.func @activated_conv(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = ghost.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %p = ghost.constant dense<1.0> : tensor<2xf32>
  %c = ghost.conv %x, %w act relu : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  %y = ghost.batch_norm %c, %p, %p, %p, %p : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// Other ranks (BatchNorm1d on [N, C, L]) get a scale and a shift shaped to
// broadcast over the channel axis.
// CHECK-LABEL: func.func @rank3
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5xf32>)
// CHECK-DAG: %[[S:.*]] = ghost.constant dense<{{\[\[}}2.000000e+00], [3.000000e+00]]> : tensor<2x1xf32>
// CHECK-DAG: %[[T:.*]] = ghost.constant dense<{{\[\[}}0.000000e+00], [-4.000000e+00]]> : tensor<2x1xf32>
// CHECK: %[[M:.*]] = ghost.mul %[[X]], %[[S]]
// CHECK: %[[A:.*]] = ghost.add %[[M]], %[[T]]
// CHECK: return %[[A]]
func.func @rank3(%x: tensor<1x2x5xf32>) -> tensor<1x2x5xf32> {
  %gamma = ghost.constant dense<[4.0, 9.0]> : tensor<2xf32>
  %beta = ghost.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %var = ghost.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %n = ghost.batch_norm %x, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x5xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x5xf32>
  return %n : tensor<1x2x5xf32>
}

// -----

// Parameters known only at run time: nothing to fold.
// CHECK-LABEL: func.func @runtime_parameters
// CHECK: ghost.batch_norm
func.func @runtime_parameters(%x: tensor<1x2x4x4xf32>, %p: tensor<2xf32>) -> tensor<1x2x4x4xf32> {
  %y = ghost.batch_norm %x, %p, %p, %p, %p : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// -----

// Weights held as resource blobs, as the importer holds them, fold the same
// way: W = [1, 2] read from the blob, as in @into_producer.
// CHECK-LABEL: func.func @resource_weights
// CHECK-DAG: ghost.constant dense<{{\[\[\[\[}}2.000000e+00]]], {{\[\[\[}}6.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG: ghost.constant dense<[1.000000e+00, -1.000000e+00]> : tensor<2xf32>
// CHECK-NOT: ghost.batch_norm
func.func @resource_weights(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %w = ghost.constant dense_resource<w> : tensor<2x1x1x1xf32>
  %b = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %gamma = ghost.constant dense<[4.0, 9.0]> : tensor<2xf32>
  %beta = ghost.constant dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = ghost.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %var = ghost.constant dense<[3.0, 8.0]> : tensor<2xf32>
  %c = ghost.conv %x, %w, %b {strides = array<i64: 2, 2>} act none : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  %y = ghost.batch_norm %c, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F00000040"
    }
  }
#-}
