// RUN: ghostc-opt %s --convert-ghost-to-linalg -split-input-file | FileCheck %s

// Reductions put the kept axes first and the reduced ones last in the loop
// order; the output is a zero- (or lowest-) filled tensor of the kept axes.
// Matrix products are generics with the contraction loop k last.

// reduce_mean over axis 1 of 2x3x4: loops (d0, d1) = input axes 0, 2 and
// d2 = input axis 1; the sums scale by 1/3, and keepdims restores the 1.

// CHECK-DAG: #[[IN_A:.*]] = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
// CHECK-DAG: #[[OUT_A:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[IN_B:.*]] = affine_map<(d0, d1, d2) -> (d1, d0, d2)>
// CHECK-DAG: #[[OUT_B:.*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-DAG: #[[ID1:.*]] = affine_map<(d0) -> (d0)>

// CHECK-LABEL: func.func @reduce_mean
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[Z0:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: %[[S0:.*]] = linalg.generic {indexing_maps = [#[[IN_A]], #[[OUT_A]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[Z0]] : tensor<2x4xf32>)
// CHECK-NEXT: ^bb0(%[[E:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[ACC]], %[[E]] fastmath<reassoc> : f32
// CHECK-NEXT: linalg.yield %[[SUM]] : f32
// CHECK: %[[M0:.*]] = linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[S0]] : tensor<2x4xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32):
// CHECK-DAG: %[[THIRD:.*]] = arith.constant 0.333333343 : f32
// CHECK-DAG: %[[MEAN:.*]] = arith.mulf %[[V]], %[[THIRD]] : f32
// CHECK: linalg.yield %[[MEAN]] : f32
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[M0]] {{\[\[}}0, 1]] : tensor<2x4xf32> into tensor<8xf32>
// CHECK: %[[R0:.*]] = tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1, 2]] output_shape [2, 1, 4] : tensor<8xf32> into tensor<2x1x4xf32>
// Over axes 0 and 2 without keepdims: one kept loop, 8 elements per mean.
// CHECK: %[[Z1:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK: %[[S1:.*]] = linalg.generic {indexing_maps = [#[[IN_B]], #[[OUT_B]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[Z1]] : tensor<3xf32>)
// CHECK: %[[M1:.*]] = linalg.generic {indexing_maps = [#[[ID1]]], iterator_types = ["parallel"]} outs(%[[S1]] : tensor<3xf32>)
// CHECK: arith.constant 1.250000e-01 : f32
// CHECK-NOT: tensor.expand_shape
// CHECK: return %[[R0]], %[[M1]]
func.func @reduce_mean(%x: tensor<2x3x4xf32>) -> (tensor<2x1x4xf32>, tensor<3xf32>) {
  %0 = ghost.reduce_mean %x [1] : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  %1 = ghost.reduce_mean %x [0, 2] {keepdims = false} : tensor<2x3x4xf32> -> tensor<3xf32>
  return %0, %1 : tensor<2x1x4xf32>, tensor<3xf32>
}

// -----

// Reducing every axis gives a rank-0 mean.

// CHECK-DAG: #[[ALL_IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ALL_OUT:.*]] = affine_map<(d0, d1) -> ()>

// CHECK-LABEL: func.func @reduce_mean_all
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[S:.*]] = linalg.generic {indexing_maps = [#[[ALL_IN]], #[[ALL_OUT]]], iterator_types = ["reduction", "reduction"]} ins(%[[X]] : tensor<2x3xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[M:.*]] = linalg.generic {{.*}} iterator_types = []} outs(%[[S]] : tensor<f32>)
// CHECK: arith.constant 0.166666672 : f32
// CHECK: return %[[M]] : tensor<f32>
func.func @reduce_mean_all(%x: tensor<2x3xf32>) -> tensor<f32> {
  %0 = ghost.reduce_mean %x [0, 1] {keepdims = false} : tensor<2x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// softmax along axis 1 of 2x5x3: the row maximum and the row sum are
// reductions with axis 1 last; the per-row values are read back in the full
// space through (d0, d2).

// CHECK-DAG: #[[RED_IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
// CHECK-DAG: #[[RED_OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>

// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<2x5x3xf32>)
// CHECK-DAG: %[[LOWEST:.*]] = arith.constant -3.40282347E+38 : f32
// CHECK-DAG: %[[E0:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[MINIT:.*]] = linalg.fill ins(%[[LOWEST]] : f32) outs(%[[E0]] : tensor<2x3xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[RED_IN]], #[[RED_OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]] : tensor<2x5x3xf32>) outs(%[[MINIT]] : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32):
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[B]], %[[A]] : f32
// CHECK: %[[EXPS:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[ROW]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]], %[[MAX]] : tensor<2x5x3xf32>, tensor<2x3xf32>) outs(%{{.*}} : tensor<2x5x3xf32>)
// CHECK-NEXT: ^bb0(%[[XV:.*]]: f32, %[[MV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[SHIFTED:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// CHECK-NEXT: %[[EXP:.*]] = math.exp %[[SHIFTED]] : f32
// CHECK-NEXT: linalg.yield %[[EXP]] : f32
// CHECK: %[[SINIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: %[[SUMS:.*]] = linalg.generic {indexing_maps = [#[[RED_IN]], #[[RED_OUT]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[EXPS]] : tensor<2x5x3xf32>) outs(%[[SINIT]] : tensor<2x3xf32>)
// CHECK: arith.addf
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[ROW]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[EXPS]], %[[SUMS]] : tensor<2x5x3xf32>, tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[EV:.*]]: f32, %[[SV:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[Q:.*]] = arith.divf %[[EV]], %[[SV]] : f32
// CHECK-NEXT: linalg.yield %[[Q]] : f32
// CHECK: return %[[Y]]
func.func @softmax(%x: tensor<2x5x3xf32>) -> tensor<2x5x3xf32> {
  %0 = ghost.softmax %x axis 1 : tensor<2x5x3xf32>
  return %0 : tensor<2x5x3xf32>
}

// -----

// act(alpha * A^T B^T + beta * C): C (one value per column) times beta
// initialises the accumulator; B is computed at run time, so the loops are
// m, n, k and the transposed operands read at (k, m) and (n, k); alpha
// scales each product, relu runs in place.

// CHECK-DAG: #[[C_MAP:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[AT:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG: #[[BT:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// CHECK-LABEL: func.func @gemm_transposed
// CHECK-SAME: (%[[A:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<5x4xf32>, %[[C:.*]]: tensor<5xf32>)
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[C_MAP]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[C]] : tensor<5xf32>) outs(%{{.*}} : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[CV:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[BETA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[CB:.*]] = arith.mulf %[[CV]], %[[BETA]] : f32
// CHECK: linalg.yield %[[CB]] : f32
// CHECK: %[[PROD:.*]] = linalg.generic {indexing_maps = [#[[AT]], #[[BT]], #[[MN]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[A]], %[[B]] : tensor<4x3xf32>, tensor<5x4xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[AV:.*]]: f32, %[[BV:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-DAG: %[[AB:.*]] = arith.mulf %[[AV]], %[[BV]] : f32
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-DAG: %[[SCALED:.*]] = arith.mulf %[[AB]], %[[ALPHA]] : f32
// CHECK-DAG: %[[NEXT:.*]] = arith.addf %[[ACC]], %[[SCALED]] : f32
// CHECK: linalg.yield %[[NEXT]] : f32
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID2]]], iterator_types = ["parallel", "parallel"]} outs(%[[PROD]] : tensor<3x5xf32>)
// CHECK: arith.maximumf
// CHECK: return %[[Y]]
func.func @gemm_transposed(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>) -> tensor<3x5xf32> {
  %0 = ghost.gemm %a, %b, %c {trans_a = true, trans_b = true, alpha = 2.0 : f32, beta = 0.5 : f32} act relu : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// A Linear layer: a constant B read transposed is transposed at compile time
// ([[1, 2, 3], [4, 5, 6]] becomes [[1, 4], [2, 5], [3, 6]]), and the loops
// are m, k, n as without transposition. alpha = 1 multiplies nothing.

// CHECK-DAG: #[[AM:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[BM:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>

// CHECK-LABEL: func.func @gemm_linear
// CHECK-SAME: (%[[A:.*]]: tensor<1x3xf32>)
// CHECK: %[[BT:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK: linalg.generic {indexing_maps = [#[[AM]], #[[BM]], #[[MN]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[A]], %[[BT]] : tensor<1x3xf32>, tensor<3x2xf32>)
// CHECK-NEXT: ^bb0(%[[AV:.*]]: f32, %[[BV:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[AB:.*]] = arith.mulf %[[AV]], %[[BV]] : f32
// CHECK-NEXT: %[[NEXT:.*]] = arith.addf %[[ACC]], %[[AB]] : f32
// CHECK-NEXT: linalg.yield %[[NEXT]] : f32
func.func @gemm_linear(%a: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %b = ghost.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = ghost.gemm %a, %b {trans_b = true} act none : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

// The same from a weight's resource blob: transposed at compile time (into a
// dense constant, as this one is small).
// CHECK-LABEL: func.func @gemm_linear_resource
// CHECK: arith.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
func.func @gemm_linear_resource(%a: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %b = ghost.constant dense_resource<b> : tensor<2x3xf32>
  %0 = ghost.gemm %a, %b {trans_b = true} act none : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      b: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}

// -----

// No transposition: loops m, k, n, so that the innermost loop walks rows of
// B and of the output; A at (m, k), B at (k, n). Without C the accumulator
// is zero; a C of one value per row broadcasts through (d0, 0).

// CHECK-DAG: #[[AM:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[BM:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[C_ROW:.*]] = affine_map<(d0, d1) -> (d0, 0)>

// CHECK-LABEL: func.func @gemm_plain
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xf32>, %[[B:.*]]: tensor<4x5xf32>, %[[C:.*]]: tensor<3x1xf32>)
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[E:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E]] : tensor<3x5xf32>)
// CHECK: %[[P0:.*]] = linalg.generic {indexing_maps = [#[[AM]], #[[BM]], #[[MN]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x4xf32>, tensor<4x5xf32>) outs(%[[ZEROS]] : tensor<3x5xf32>)
// CHECK: %[[CINIT:.*]] = linalg.generic {indexing_maps = [#[[C_ROW]], #{{.*}}], iterator_types = ["parallel", "parallel"]} ins(%[[C]] : tensor<3x1xf32>)
// CHECK: %[[P1:.*]] = linalg.generic {indexing_maps = [#[[AM]], #[[BM]], #[[MN]]], {{.*}} ins(%[[A]], %[[B]] : tensor<3x4xf32>, tensor<4x5xf32>) outs(%[[CINIT]] : tensor<3x5xf32>)
// CHECK-NOT: arith.maximumf
// CHECK: return %[[P0]], %[[P1]]
func.func @gemm_plain(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>, %c: tensor<3x1xf32>) -> (tensor<3x5xf32>, tensor<3x5xf32>) {
  %0 = ghost.gemm %a, %b act none : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  %1 = ghost.gemm %a, %b, %c act none : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<3x1xf32>) -> tensor<3x5xf32>
  return %0, %1 : tensor<3x5xf32>, tensor<3x5xf32>
}

// -----

// Batched matmul 2x1x3x4 by 5x4x6: loops (b0, b1, m, n, k). The lhs batch
// axis of 1 broadcasts (constant 0); the rank-3 rhs aligns on the right, so
// its batch axis is b1.

// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d4)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[LHS2:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[RHS2:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[OUT2:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>

// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: tensor<2x1x3x4xf32>, %[[B:.*]]: tensor<5x4x6xf32>, %[[C:.*]]: tensor<3x4xf32>, %[[D:.*]]: tensor<4x6xf32>)
// CHECK: %[[Z0:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x5x3x6xf32>)
// CHECK: %[[R0:.*]] = linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%[[A]], %[[B]] : tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) outs(%[[Z0]] : tensor<2x5x3x6xf32>)
// CHECK-NEXT: ^bb0(%[[L:.*]]: f32, %[[R:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[L]], %[[R]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
// CHECK: %[[Z1:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3x6xf32>)
// CHECK: %[[R1:.*]] = linalg.generic {indexing_maps = [#[[LHS2]], #[[RHS2]], #[[OUT2]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[C]], %[[D]] : tensor<3x4xf32>, tensor<4x6xf32>) outs(%[[Z1]] : tensor<3x6xf32>)
// CHECK: return %[[R0]], %[[R1]]
func.func @matmul(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>, %c: tensor<3x4xf32>, %d: tensor<4x6xf32>) -> (tensor<2x5x3x6xf32>, tensor<3x6xf32>) {
  %0 = ghost.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  %1 = ghost.matmul %c, %d : (tensor<3x4xf32>, tensor<4x6xf32>) -> tensor<3x6xf32>
  return %0, %1 : tensor<2x5x3x6xf32>, tensor<3x6xf32>
}
