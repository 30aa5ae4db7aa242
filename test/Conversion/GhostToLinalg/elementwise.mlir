// RUN: ghostc-opt %s --convert-ghost-to-linalg -split-input-file | FileCheck %s

// Element-wise ops are one parallel linalg.generic each, into a fresh
// tensor.empty; broadcasting operands read through maps with a constant 0
// for every stretched dimension. ghost.constant becomes arith.constant.

// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @unary
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[E0:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[RELU:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]] : tensor<2x3xf32>) outs(%[[E0]] : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[MAX:.*]] = arith.maximumf %[[A]], %[[ZERO]] : f32
// CHECK: linalg.yield %[[MAX]] : f32
// CHECK: %[[E1:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[SIG:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]] : tensor<2x3xf32>) outs(%[[E1]] : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[HALFX:.*]] = arith.mulf %[[B]], %[[HALF]] : f32
// CHECK-DAG: %[[TANH:.*]] = math.tanh %[[HALFX]] : f32
// CHECK-DAG: %[[Q:.*]] = math.fma %[[TANH]], %[[HALF]], %[[HALF]] : f32
// CHECK: linalg.yield %[[Q]] : f32
// CHECK: %[[E2:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[HSWISH:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]] : tensor<2x3xf32>) outs(%[[E2]] : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[C:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[SHIFTED:.*]] = arith.addf %[[C]], %[[THREE:.*]] : f32
// CHECK-DAG: %[[THREE]] = arith.constant 3.000000e+00 : f32
// CHECK-DAG: %[[LOW:.*]] = arith.maximumf %[[SHIFTED]], %[[LZERO:.*]] : f32
// CHECK-DAG: %[[LZERO]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[HIGH:.*]] = arith.minimumf %[[LOW]], %[[SIX:.*]] : f32
// CHECK-DAG: %[[SIX]] = arith.constant 6.000000e+00 : f32
// CHECK-DAG: %[[GATE:.*]] = arith.divf %[[HIGH]], %[[DIV:.*]] : f32
// CHECK-DAG: %[[DIV]] = arith.constant 6.000000e+00 : f32
// CHECK-DAG: %[[SWISH:.*]] = arith.mulf %[[C]], %[[GATE]] : f32
// CHECK: linalg.yield %[[SWISH]] : f32
// CHECK: return %[[RELU]], %[[SIG]], %[[HSWISH]]
func.func @unary(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = ghost.relu %x : tensor<2x3xf32>
  %1 = ghost.sigmoid %x : tensor<2x3xf32>
  %2 = ghost.hard_swish %x : tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// CHECK-DAG: #[[ID1:.*]] = affine_map<(d0) -> (d0)>

// CHECK-LABEL: func.func @clip
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID1]], #[[ID1]]], iterator_types = ["parallel"]} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[LO:.*]] = arith.constant -1.500000e+00 : f32
// CHECK-DAG: %[[LOW:.*]] = arith.maximumf %[[A]], %[[LO]] : f32
// CHECK-DAG: %[[HI:.*]] = arith.constant 2.500000e+00 : f32
// CHECK-DAG: %[[HIGH:.*]] = arith.minimumf %[[LOW]], %[[HI]] : f32
// CHECK: linalg.yield %[[HIGH]] : f32
// CHECK: return %[[Y]]
func.func @clip(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = ghost.clip %x {min = -1.5 : f32, max = 2.5 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// hard_sigmoid is max(0, min(1, alpha * x + beta)) with the op's own alpha
// and beta; the defaults are 1/6 and 0.5.

// CHECK-LABEL: func.func @hard_sigmoid
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant 2.000000e-01 : f32
// CHECK-DAG: %[[SCALED:.*]] = arith.mulf %[[A]], %[[ALPHA]] : f32
// CHECK-DAG: %[[BETA:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG: %[[SHIFTED:.*]] = arith.addf %[[SCALED]], %[[BETA]] : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[LOW:.*]] = arith.maximumf %[[SHIFTED]], %[[ZERO]] : f32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[HIGH:.*]] = arith.minimumf %[[LOW]], %[[ONE]] : f32
// CHECK: linalg.yield %[[HIGH]] : f32
// CHECK: %[[Z:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[DALPHA:.*]] = arith.constant 0.166666672 : f32
// CHECK-DAG: %[[DSCALED:.*]] = arith.mulf %[[B]], %[[DALPHA]] : f32
// CHECK-DAG: %[[DBETA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[DSHIFTED:.*]] = arith.addf %[[DSCALED]], %[[DBETA]] : f32
// CHECK-DAG: %[[DLOW:.*]] = arith.maximumf %[[DSHIFTED]], %{{.*}} : f32
// CHECK-DAG: %[[DHIGH:.*]] = arith.minimumf %[[DLOW]], %{{.*}} : f32
// CHECK: linalg.yield %[[DHIGH]] : f32
// CHECK: return %[[Y]], %[[Z]]
func.func @hard_sigmoid(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = ghost.hard_sigmoid %x {alpha = 2.0e-01 : f32, beta = 2.5e-01 : f32} : tensor<4xf32>
  %1 = ghost.hard_sigmoid %x : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// leaky_relu selects x where x >= 0 and alpha * x elsewhere.

// CHECK-LABEL: func.func @leaky_relu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant 1.250000e-01 : f32
// CHECK-DAG: %[[SCALED:.*]] = arith.mulf %[[A]], %[[ALPHA]] : f32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[POSITIVE:.*]] = arith.cmpf oge, %[[A]], %[[ZERO]] : f32
// CHECK-DAG: %[[R:.*]] = arith.select %[[POSITIVE]], %[[A]], %[[SCALED]] : f32
// CHECK: linalg.yield %[[R]] : f32
// CHECK: return %[[Y]]
func.func @leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = ghost.leaky_relu %x {alpha = 1.25e-01 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Broadcasting: a size-1 dimension that stretches reads index 0; missing
// leading dimensions are dropped from the map; a size-1 dimension that the
// result keeps at 1 stays a loop index.

// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[PER_CHANNEL:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, 0, 0)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[LHS3:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-DAG: #[[RHS3:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: tensor<1x16x8x8xf32>, %[[B:.*]]: tensor<1x16x1x1xf32>, %[[C:.*]]: tensor<8xf32>, %[[D:.*]]: tensor<2x1x8xf32>, %[[E:.*]]: tensor<3x1xf32>)
// CHECK: %[[E0:.*]] = tensor.empty() : tensor<1x16x8x8xf32>
// CHECK: %[[ADD:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[PER_CHANNEL]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<1x16x8x8xf32>, tensor<1x16x1x1xf32>) outs(%[[E0]] : tensor<1x16x8x8xf32>)
// CHECK-NEXT: ^bb0(%[[L0:.*]]: f32, %[[R0:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V0:.*]] = arith.addf %[[L0]], %[[R0]] : f32
// CHECK-NEXT: linalg.yield %[[V0]] : f32
// CHECK: %[[E1:.*]] = tensor.empty() : tensor<1x16x8x8xf32>
// CHECK: %[[SUB:.*]] = linalg.generic {indexing_maps = [#[[LAST]], #[[ID4]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[C]], %[[A]] : tensor<8xf32>, tensor<1x16x8x8xf32>) outs(%[[E1]] : tensor<1x16x8x8xf32>)
// CHECK-NEXT: ^bb0(%[[L1:.*]]: f32, %[[R1:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V1:.*]] = arith.subf %[[L1]], %[[R1]] : f32
// CHECK-NEXT: linalg.yield %[[V1]] : f32
// CHECK: %[[E2:.*]] = tensor.empty() : tensor<2x3x8xf32>
// CHECK: %[[MUL:.*]] = linalg.generic {indexing_maps = [#[[LHS3]], #[[RHS3]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[D]], %[[E]] : tensor<2x1x8xf32>, tensor<3x1xf32>) outs(%[[E2]] : tensor<2x3x8xf32>)
// CHECK-NEXT: ^bb0(%[[L2:.*]]: f32, %[[R2:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V2:.*]] = arith.mulf %[[L2]], %[[R2]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK: %[[E3:.*]] = tensor.empty() : tensor<1x16x8x8xf32>
// CHECK: %[[DIV:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[ID4]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[A]], %[[A]] : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) outs(%[[E3]] : tensor<1x16x8x8xf32>)
// CHECK-NEXT: ^bb0(%[[L3:.*]]: f32, %[[R3:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[V3:.*]] = arith.divf %[[L3]], %[[R3]] : f32
// CHECK-NEXT: linalg.yield %[[V3]] : f32
// CHECK: return %[[ADD]], %[[SUB]], %[[MUL]], %[[DIV]]
func.func @binary(%a: tensor<1x16x8x8xf32>, %b: tensor<1x16x1x1xf32>, %c: tensor<8xf32>, %d: tensor<2x1x8xf32>, %e: tensor<3x1xf32>) -> (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>, tensor<2x3x8xf32>, tensor<1x16x8x8xf32>) {
  %0 = ghost.add %a, %b : (tensor<1x16x8x8xf32>, tensor<1x16x1x1xf32>) -> tensor<1x16x8x8xf32>
  %1 = ghost.sub %c, %a : (tensor<8xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %2 = ghost.mul %d, %e : (tensor<2x1x8xf32>, tensor<3x1xf32>) -> tensor<2x3x8xf32>
  %3 = ghost.div %a, %a : (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %0, %1, %2, %3 : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>, tensor<2x3x8xf32>, tensor<1x16x8x8xf32>
}

// -----

// batch_norm: (x - mean) * rsqrt(var + epsilon) * scale + bias, the four
// vectors read per channel.

// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>

// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x2x2xf32>, %[[S:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>, %[[M:.*]]: tensor<4xf32>, %[[V:.*]]: tensor<4xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x4x2x2xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[CHANNEL]], #[[CHANNEL]], #[[CHANNEL]], #[[CHANNEL]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[X]], %[[S]], %[[B]], %[[M]], %[[V]] : tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) outs(%[[E]] : tensor<1x4x2x2xf32>)
// CHECK-NEXT: ^bb0(%[[XV:.*]]: f32, %[[SV:.*]]: f32, %[[BV:.*]]: f32, %[[MV:.*]]: f32, %[[VV:.*]]: f32, %{{.*}}: f32):
// CHECK-DAG: %[[CENTERED:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// CHECK-DAG: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK-DAG: %[[VAR:.*]] = arith.addf %[[VV]], %[[EPS]] : f32
// CHECK-DAG: %[[INV:.*]] = math.rsqrt %[[VAR]] : f32
// CHECK-DAG: %[[NORM:.*]] = arith.mulf %[[CENTERED]], %[[INV]] : f32
// CHECK-DAG: %[[SCALED:.*]] = arith.mulf %[[NORM]], %[[SV]] : f32
// CHECK-DAG: %[[R:.*]] = arith.addf %[[SCALED]], %[[BV]] : f32
// CHECK: linalg.yield %[[R]] : f32
// CHECK: return %[[Y]]
func.func @batch_norm(%x: tensor<1x4x2x2xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
  %0 = ghost.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-03 : f32} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  return %0 : tensor<1x4x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @constant
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: %[[S:.*]] = arith.constant dense<3.000000e+00> : tensor<f32>
// CHECK-NEXT: return %[[C]], %[[S]] : tensor<2xf32>, tensor<f32>
// CHECK-NOT: ghost.
func.func @constant() -> (tensor<2xf32>, tensor<f32>) {
  %0 = ghost.constant dense<[0.5, -1.0]> : tensor<2xf32>
  %1 = ghost.constant dense<3.0> : tensor<f32>
  return %0, %1 : tensor<2xf32>, tensor<f32>
}

// -----

// A rank-0 tensor is a generic with no loops.

// CHECK-DAG: #[[SCALAR:.*]] = affine_map<() -> ()>

// CHECK-LABEL: func.func @rank0
// CHECK-SAME: (%[[X:.*]]: tensor<f32>)
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[SCALAR]], #[[SCALAR]]], iterator_types = []} ins(%[[X]] : tensor<f32>) outs(%{{.*}} : tensor<f32>)
// CHECK: arith.maximumf
// CHECK: return %[[Y]]
func.func @rank0(%x: tensor<f32>) -> tensor<f32> {
  %0 = ghost.relu %x : tensor<f32>
  return %0 : tensor<f32>
}

// -----

// silu is x * sigmoid(x), sigmoid computed as 0.5 + 0.5 * tanh(x / 2).

// CHECK-LABEL: func.func @silu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[HALFX:.*]] = arith.mulf %[[A]], %[[HALF:.*]] : f32
// CHECK: %[[TANH:.*]] = math.tanh %[[HALFX]] : f32
// CHECK: %[[SIG:.*]] = math.fma %[[TANH]], %[[HALF]], %[[HALF]] : f32
// CHECK: %[[OUT:.*]] = arith.mulf %[[A]], %[[SIG]] : f32
// CHECK: linalg.yield %[[OUT]] : f32
func.func @silu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = ghost.silu %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
