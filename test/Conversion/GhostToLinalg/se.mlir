// RUN: ghostc-opt %s --convert-ghost-to-linalg -split-input-file | FileCheck %s

// ghost.se: the mean of every channel (a sum over H, W times 1 / (H * W)),
// two dense layers on the means (loops n, out, in; the bias initialises the
// accumulator), relu after the first and the gate after the second, then the
// input scaled by its channel's gate.

// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[NC4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[BIAS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[VEC:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[MAT:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[ACC:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// CHECK-LABEL: func.func @hard_sigmoid_gate
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>, %[[W1:.*]]: tensor<2x8xf32>, %[[B1:.*]]: tensor<2xf32>, %[[W2:.*]]: tensor<8x2xf32>, %[[B2:.*]]: tensor<8xf32>)
// Squeeze.
// CHECK: %[[ZEROS:.*]] = linalg.fill {{.*}} -> tensor<1x8xf32>
// CHECK: %[[SUMS:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[NC4]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<1x8x4x4xf32>) outs(%[[ZEROS]] : tensor<1x8xf32>)
// CHECK-NEXT: ^bb0(%[[E:.*]]: f32, %[[S:.*]]: f32):
// CHECK-NEXT: %[[ADD:.*]] = arith.addf %[[S]], %[[E]] fastmath<reassoc> : f32
// CHECK-NEXT: linalg.yield %[[ADD]]
// CHECK: %[[MEANS:.*]] = linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[SUMS]] : tensor<1x8xf32>)
// CHECK-NEXT: ^bb0(%[[M:.*]]: f32):
// CHECK-DAG: %[[INV:.*]] = arith.constant 6.250000e-02 : f32
// CHECK-DAG: %[[MEAN:.*]] = arith.mulf %[[M]], %[[INV]] : f32
// CHECK: linalg.yield %[[MEAN]]
// First dense layer: 2 outputs from 8 means, then relu.
// CHECK: %[[H_INIT:.*]] = linalg.generic {indexing_maps = [#[[BIAS]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[B1]] : tensor<2xf32>) outs(%{{.*}} : tensor<1x2xf32>)
// CHECK: %[[H_SUM:.*]] = linalg.generic {indexing_maps = [#[[VEC]], #[[MAT]], #[[ACC]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[MEANS]], %[[W1]] : tensor<1x8xf32>, tensor<2x8xf32>) outs(%[[H_INIT]] : tensor<1x2xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %[[W:.*]]: f32, %[[A:.*]]: f32):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[V]], %[[W]] : f32
// CHECK-NEXT: %[[Q:.*]] = arith.addf %[[A]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[Q]]
// CHECK: %[[HIDDEN:.*]] = linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[H_SUM]] : tensor<1x2xf32>)
// CHECK: arith.maximumf
// Second dense layer: 8 outputs from 2, then the hard sigmoid gate.
// CHECK: %[[G_INIT:.*]] = linalg.generic {indexing_maps = [#[[BIAS]], #[[ID2]]], {{.*}} ins(%[[B2]] : tensor<8xf32>) outs(%{{.*}} : tensor<1x8xf32>)
// CHECK: %[[G_SUM:.*]] = linalg.generic {indexing_maps = [#[[VEC]], #[[MAT]], #[[ACC]]], {{.*}} ins(%[[HIDDEN]], %[[W2]] : tensor<1x2xf32>, tensor<8x2xf32>) outs(%[[G_INIT]] : tensor<1x8xf32>)
// CHECK: %[[GATE:.*]] = linalg.generic {indexing_maps = [#[[ID2]]], {{.*}} outs(%[[G_SUM]] : tensor<1x8xf32>)
// CHECK-NEXT: ^bb0(%[[G:.*]]: f32):
// CHECK-DAG: %[[SHIFTED:.*]] = arith.addf %[[G]], %[[THREE:.*]] : f32
// CHECK-DAG: %[[THREE]] = arith.constant 3.000000e+00 : f32
// CHECK-DAG: %[[LOW:.*]] = arith.maximumf %[[SHIFTED]], %{{.*}} : f32
// CHECK-DAG: %[[HIGH:.*]] = arith.minimumf %[[LOW]], %{{.*}} : f32
// CHECK-DAG: %[[HS:.*]] = arith.divf %[[HIGH]], %[[SIX:.*]] : f32
// CHECK-DAG: %[[SIX]] = arith.constant 6.000000e+00 : f32
// CHECK: linalg.yield %[[HS]]
// Excite: x[n, c, h, w] * gate[n, c].
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x8x4x4xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[NC4]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[X]], %[[GATE]] : tensor<1x8x4x4xf32>, tensor<1x8xf32>) outs(%[[EMPTY]] : tensor<1x8x4x4xf32>)
// CHECK-NEXT: ^bb0(%[[XV:.*]]: f32, %[[GV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[SCALED:.*]] = arith.mulf %[[XV]], %[[GV]] : f32
// CHECK-NEXT: linalg.yield %[[SCALED]]
// CHECK: return %[[Y]] : tensor<1x8x4x4xf32>
func.func @hard_sigmoid_gate(%x: tensor<1x8x4x4xf32>, %w1: tensor<2x8xf32>, %b1: tensor<2xf32>, %w2: tensor<8x2xf32>, %b2: tensor<8xf32>) -> tensor<1x8x4x4xf32> {
  %y = ghost.se %x, %w1, %b1, %w2, %b2 gate hard_sigmoid : (tensor<1x8x4x4xf32>, tensor<2x8xf32>, tensor<2xf32>, tensor<8x2xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return %y : tensor<1x8x4x4xf32>
}

// -----

// A sigmoid gate, a batch of 2 and a 2x3 image: the mean scales by 1/6.

// CHECK-DAG: #[[NC4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>

// CHECK-LABEL: func.func @sigmoid_gate
// CHECK-SAME: (%[[X:.*]]: tensor<2x8x2x3xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<2x8x2x3xf32>) outs(%{{.*}} : tensor<2x8xf32>)
// CHECK: arith.constant 0.166666672 : f32
// CHECK: %[[HIDDEN_SUM:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2x2xf32>)
// CHECK: arith.maximumf
// CHECK: %[[G_SUM:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x2xf32>, tensor<8x2xf32>) outs(%{{.*}} : tensor<2x8xf32>)
// CHECK: %[[GATE:.*]] = linalg.generic {{.*}} outs(%[[G_SUM]] : tensor<2x8xf32>)
// CHECK-NEXT: ^bb0(%[[G:.*]]: f32):
// CHECK-DAG: %[[HALFX:.*]] = arith.mulf %[[G]], %{{.*}} : f32
// CHECK-DAG: %[[TANH:.*]] = math.tanh %[[HALFX]] : f32
// CHECK-DAG: %[[SIG:.*]] = math.fma %[[TANH]], %{{.*}}, %{{.*}} : f32
// CHECK: linalg.yield %[[SIG]]
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #[[NC4]], #{{.*}}], {{.*}} ins(%[[X]], %[[GATE]] : tensor<2x8x2x3xf32>, tensor<2x8xf32>)
// CHECK: return %[[Y]]
func.func @sigmoid_gate(%x: tensor<2x8x2x3xf32>, %w1: tensor<2x8xf32>, %b1: tensor<2xf32>, %w2: tensor<8x2xf32>, %b2: tensor<8xf32>) -> tensor<2x8x2x3xf32> {
  %y = ghost.se %x, %w1, %b1, %w2, %b2 gate sigmoid : (tensor<2x8x2x3xf32>, tensor<2x8xf32>, tensor<2xf32>, tensor<8x2xf32>, tensor<8xf32>) -> tensor<2x8x2x3xf32>
  return %y : tensor<2x8x2x3xf32>
}
