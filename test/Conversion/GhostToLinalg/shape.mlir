// RUN: ghostc-opt %s --convert-ghost-to-linalg -split-input-file | FileCheck %s

// Data movement: concat is a chain of insert_slices, a positive-step slice
// an extract_slice, reshape a collapse to 1-D and an expand, transpose a
// permuted map, constant padding a fill and an insert_slice. Every gather
// (negative-step slice, reflect/edge padding, resize) reads the source with
// tensor.extract at indices from compile-time index tables.

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<1x2x4x4xf32>, %[[B:.*]]: tensor<1x3x4x4xf32>, %[[C:.*]]: tensor<1x1x4x4xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x6x4x4xf32>
// CHECK: %[[R0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0, 0, 0] [1, 2, 4, 4] [1, 1, 1, 1] : tensor<1x2x4x4xf32> into tensor<1x6x4x4xf32>
// CHECK: %[[R1:.*]] = tensor.insert_slice %[[B]] into %[[R0]][0, 2, 0, 0] [1, 3, 4, 4] [1, 1, 1, 1] : tensor<1x3x4x4xf32> into tensor<1x6x4x4xf32>
// CHECK: %[[R2:.*]] = tensor.insert_slice %[[C]] into %[[R1]][0, 5, 0, 0] [1, 1, 4, 4] [1, 1, 1, 1] : tensor<1x1x4x4xf32> into tensor<1x6x4x4xf32>
// CHECK-NOT: linalg.generic
// CHECK: return %[[R2]]
func.func @concat(%a: tensor<1x2x4x4xf32>, %b: tensor<1x3x4x4xf32>, %c: tensor<1x1x4x4xf32>) -> tensor<1x6x4x4xf32> {
  %0 = ghost.concat %a, %b, %c axis 1 : (tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<1x6x4x4xf32>
  return %0 : tensor<1x6x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @concat_last_axis
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x5xf32>)
// CHECK: %[[R0:.*]] = tensor.insert_slice %[[A]] into %{{.*}}[0, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<2x8xf32>
// CHECK: %[[R1:.*]] = tensor.insert_slice %[[B]] into %[[R0]][0, 3] [2, 5] [1, 1] : tensor<2x5xf32> into tensor<2x8xf32>
// CHECK: return %[[R1]]
func.func @concat_last_axis(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %0 = ghost.concat %a, %b axis 1 : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// CHECK-LABEL: func.func @slice_positive_steps
// CHECK-SAME: (%[[X:.*]]: tensor<1x20x8x8xf32>)
// CHECK-NEXT: %[[Y:.*]] = tensor.extract_slice %[[X]][0, 2, 1, 0] [1, 8, 4, 8] [1, 2, 2, 1] : tensor<1x20x8x8xf32> to tensor<1x8x4x8xf32>
// CHECK-NEXT: return %[[Y]]
func.func @slice_positive_steps(%x: tensor<1x20x8x8xf32>) -> tensor<1x8x4x8xf32> {
  %0 = ghost.slice %x [0, 2, 1, 0] [1, 8, 4, 8] [1, 2, 2, 1] : tensor<1x20x8x8xf32> -> tensor<1x8x4x8xf32>
  return %0 : tensor<1x8x4x8xf32>
}

// -----

// A negative step walks backwards from its start: axis 1 reads 5, 3, 1.

// CHECK-DAG: #[[AXIS0:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[AXIS1:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @slice_negative_step
// CHECK-SAME: (%[[X:.*]]: tensor<2x6xf32>)
// CHECK-DAG: %[[ROWS:.*]] = arith.constant dense<[0, 1]> : tensor<2xindex>
// CHECK-DAG: %[[COLS:.*]] = arith.constant dense<[5, 3, 1]> : tensor<3xindex>
// CHECK-DAG: %[[E:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[AXIS0]], #[[AXIS1]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[ROWS]], %[[COLS]] : tensor<2xindex>, tensor<3xindex>) outs(%[[E]] : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[I:.*]]: index, %[[J:.*]]: index, %{{.*}}: f32):
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[I]], %[[J]]] : tensor<2x6xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK-NOT: tensor.extract_slice
// CHECK: return %[[Y]]
func.func @slice_negative_step(%x: tensor<2x6xf32>) -> tensor<2x3xf32> {
  %0 = ghost.slice %x [0, 5] [2, 3] [1, -2] : tensor<2x6xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @reshape
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x1x1xf32>, %[[Y:.*]]: tensor<2x6xf32>)
// CHECK: %[[F0:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2, 3]] : tensor<1x8x1x1xf32> into tensor<8xf32>
// CHECK: %[[R0:.*]] = tensor.expand_shape %[[F0]] {{\[\[}}0, 1]] output_shape [1, 8] : tensor<8xf32> into tensor<1x8xf32>
// CHECK: %[[F1:.*]] = tensor.collapse_shape %[[Y]] {{\[\[}}0, 1]] : tensor<2x6xf32> into tensor<12xf32>
// CHECK: %[[R1:.*]] = tensor.expand_shape %[[F1]] {{\[\[}}0, 1]] output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
// To 1-D there is only the collapse.
// CHECK: %[[R2:.*]] = tensor.collapse_shape %[[Y]] {{\[\[}}0, 1]] : tensor<2x6xf32> into tensor<12xf32>
// CHECK-NOT: tensor.expand_shape
// CHECK: return %[[R0]], %[[R1]], %[[R2]]
func.func @reshape(%x: tensor<1x8x1x1xf32>, %y: tensor<2x6xf32>) -> (tensor<1x8xf32>, tensor<3x4xf32>, tensor<12xf32>) {
  %0 = ghost.reshape %x : tensor<1x8x1x1xf32> -> tensor<1x8xf32>
  %1 = ghost.reshape %y : tensor<2x6xf32> -> tensor<3x4xf32>
  %2 = ghost.reshape %y : tensor<2x6xf32> -> tensor<12xf32>
  return %0, %1, %2 : tensor<1x8xf32>, tensor<3x4xf32>, tensor<12xf32>
}

// -----

// Rank 0 goes through a 1-element vector in both directions.

// CHECK-LABEL: func.func @reshape_rank0
// CHECK-SAME: (%[[X:.*]]: tensor<1x1xf32>, %[[Y:.*]]: tensor<f32>)
// CHECK: %[[F0:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<1x1xf32> into tensor<1xf32>
// CHECK: %[[R0:.*]] = tensor.collapse_shape %[[F0]] [] : tensor<1xf32> into tensor<f32>
// CHECK: %[[F1:.*]] = tensor.expand_shape %[[Y]] [] output_shape [1] : tensor<f32> into tensor<1xf32>
// CHECK: %[[R1:.*]] = tensor.expand_shape %[[F1]] {{\[\[}}0, 1]] output_shape [1, 1] : tensor<1xf32> into tensor<1x1xf32>
// CHECK: return %[[R0]], %[[R1]]
func.func @reshape_rank0(%x: tensor<1x1xf32>, %y: tensor<f32>) -> (tensor<f32>, tensor<1x1xf32>) {
  %0 = ghost.reshape %x : tensor<1x1xf32> -> tensor<f32>
  %1 = ghost.reshape %y : tensor<f32> -> tensor<1x1xf32>
  return %0, %1 : tensor<f32>, tensor<1x1xf32>
}

// -----

// Output axis i reads input axis perm[i]: with perm [0, 2, 3, 1] the input
// is read at (d0, d3, d1, d2).

// CHECK-DAG: #[[PERM:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d1, d2)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x4xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x8x4x16xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[PERM]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[X]] : tensor<1x16x8x4xf32>) outs(%[[E]] : tensor<1x8x4x16xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[Y]]
func.func @transpose(%x: tensor<1x16x8x4xf32>) -> tensor<1x8x4x16xf32> {
  %0 = ghost.transpose %x [0, 2, 3, 1] : tensor<1x16x8x4xf32> -> tensor<1x8x4x16xf32>
  return %0 : tensor<1x8x4x16xf32>
}

// -----

// pads are [begin per axis..., end per axis...]: H gets 1 before and 2 after,
// W 0 before and 1 after.

// CHECK-LABEL: func.func @pad_constant
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>)
// CHECK-DAG: %[[E:.*]] = tensor.empty() : tensor<1x3x7x5xf32>
// CHECK-DAG: %[[VALUE:.*]] = arith.constant 2.500000e+00 : f32
// CHECK: %[[FILLED:.*]] = linalg.fill ins(%[[VALUE]] : f32) outs(%[[E]] : tensor<1x3x7x5xf32>) -> tensor<1x3x7x5xf32>
// CHECK: %[[Y:.*]] = tensor.insert_slice %[[X]] into %[[FILLED]][0, 0, 1, 0] [1, 3, 4, 4] [1, 1, 1, 1] : tensor<1x3x4x4xf32> into tensor<1x3x7x5xf32>
// CHECK-NOT: linalg.generic
// CHECK: return %[[Y]]
func.func @pad_constant(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x7x5xf32> {
  %0 = ghost.pad %x constant [0, 0, 1, 0, 0, 0, 2, 1] {value = 2.5 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x7x5xf32>
  return %0 : tensor<1x3x7x5xf32>
}

// -----

// Reflect mirrors without repeating the edge: rows -1..3 of 3 read
// 1 0 1 2 1; columns -2..4 of 4 read 2 1 0 1 2 3 2.

// CHECK-DAG: #[[AXIS0:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[AXIS1:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @pad_reflect
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>)
// CHECK-DAG: %[[ROWS:.*]] = arith.constant dense<[1, 0, 1, 2, 1]> : tensor<5xindex>
// CHECK-DAG: %[[COLS:.*]] = arith.constant dense<[2, 1, 0, 1, 2, 3, 2]> : tensor<7xindex>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[AXIS0]], #[[AXIS1]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[ROWS]], %[[COLS]] : tensor<5xindex>, tensor<7xindex>) outs(%{{.*}} : tensor<5x7xf32>)
// CHECK-NEXT: ^bb0(%[[I:.*]]: index, %[[J:.*]]: index, %{{.*}}: f32):
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[I]], %[[J]]] : tensor<3x4xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[Y]]
func.func @pad_reflect(%x: tensor<3x4xf32>) -> tensor<5x7xf32> {
  %0 = ghost.pad %x reflect [1, 2, 1, 1] : tensor<3x4xf32> -> tensor<5x7xf32>
  return %0 : tensor<5x7xf32>
}

// -----

// Edge repeats the border: rows 0 0 1 2 2, columns 0 0 0 1 2 3 3.

// CHECK-LABEL: func.func @pad_edge
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>)
// CHECK-DAG: %[[ROWS:.*]] = arith.constant dense<[0, 0, 1, 2, 2]> : tensor<5xindex>
// CHECK-DAG: %[[COLS:.*]] = arith.constant dense<[0, 0, 0, 1, 2, 3, 3]> : tensor<7xindex>
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[ROWS]], %[[COLS]] : tensor<5xindex>, tensor<7xindex>) outs(%{{.*}} : tensor<5x7xf32>)
// CHECK-NEXT: ^bb0(%[[I:.*]]: index, %[[J:.*]]: index, %{{.*}}: f32):
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[I]], %[[J]]] : tensor<3x4xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[Y]]
func.func @pad_edge(%x: tensor<3x4xf32>) -> tensor<5x7xf32> {
  %0 = ghost.pad %x edge [1, 2, 1, 1] : tensor<3x4xf32> -> tensor<5x7xf32>
  return %0 : tensor<5x7xf32>
}

// -----

// Nearest, asymmetric, floor, scale 2: output i reads input floor(i / 2).
// N and C go through identity tables.

// CHECK-DAG: #[[N:.*]] = affine_map<(d0, d1, d2, d3) -> (d0)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[H:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @resize_nearest
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x3xf32>)
// CHECK-DAG: %[[NS:.*]] = arith.constant dense<0> : tensor<1xindex>
// CHECK-DAG: %[[CS:.*]] = arith.constant dense<[0, 1]> : tensor<2xindex>
// CHECK-DAG: %[[HS:.*]] = arith.constant dense<[0, 0, 1, 1]> : tensor<4xindex>
// CHECK-DAG: %[[WS:.*]] = arith.constant dense<[0, 0, 1, 1, 2, 2]> : tensor<6xindex>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[N]], #[[C]], #[[H]], #[[W]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[NS]], %[[CS]], %[[HS]], %[[WS]] : tensor<1xindex>, tensor<2xindex>, tensor<4xindex>, tensor<6xindex>) outs(%{{.*}} : tensor<1x2x4x6xf32>)
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index, %[[I1:.*]]: index, %[[I2:.*]]: index, %[[I3:.*]]: index, %{{.*}}: f32):
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[I0]], %[[I1]], %[[I2]], %[[I3]]] : tensor<1x2x2x3xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[Y]]
func.func @resize_nearest(%x: tensor<1x2x2x3xf32>) -> tensor<1x2x4x6xf32> {
  %0 = ghost.resize %x nearest asymmetric floor [2.0, 2.0] : tensor<1x2x2x3xf32> -> tensor<1x2x4x6xf32>
  return %0 : tensor<1x2x4x6xf32>
}

// -----

// Source coordinates 0, 0.5, 1, 1.5: round_prefer_floor rounds the halves
// down, round_prefer_ceil up (and 2 clamps to the last row).

// CHECK-LABEL: func.func @resize_nearest_rounding
// CHECK: arith.constant dense<[0, 0, 1, 1]> : tensor<4xindex>
// CHECK: arith.constant dense<[0, 0, 1, 1]> : tensor<4xindex>
// CHECK: linalg.generic
// CHECK: arith.constant dense<[0, 1, 1, 1]> : tensor<4xindex>
// CHECK: arith.constant dense<[0, 1, 1, 1]> : tensor<4xindex>
// CHECK: linalg.generic
func.func @resize_nearest_rounding(%x: tensor<1x1x2x2xf32>) -> (tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32>) {
  %0 = ghost.resize %x nearest asymmetric round_prefer_floor [2.0, 2.0] : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  %1 = ghost.resize %x nearest asymmetric round_prefer_ceil [2.0, 2.0] : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return %0, %1 : tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32>
}

// -----

// Linear, half_pixel, 2 -> 4: coordinates -0.25, 0.25, 0.75, 1.25 clamp to
// [0, 1], giving lower rows 0 0 0 1, upper rows 1 1 1 1 and weights
// 0 .25 .75 0 per axis. Each output lerps along x in the two rows and then
// along y.

// CHECK-DAG: #[[Y:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-DAG: #[[X:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

// CHECK-LABEL: func.func @resize_linear
// CHECK-SAME: (%[[IN:.*]]: tensor<1x1x2x2xf32>)
// CHECK: %[[Y0:.*]] = arith.constant dense<[0, 0, 0, 1]> : tensor<4xindex>
// CHECK: %[[Y1:.*]] = arith.constant dense<1> : tensor<4xindex>
// CHECK: %[[YW:.*]] = arith.constant dense<[0.000000e+00, 2.500000e-01, 7.500000e-01, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[X0:.*]] = arith.constant dense<[0, 0, 0, 1]> : tensor<4xindex>
// CHECK: %[[X1:.*]] = arith.constant dense<1> : tensor<4xindex>
// CHECK: %[[XW:.*]] = arith.constant dense<[0.000000e+00, 2.500000e-01, 7.500000e-01, 0.000000e+00]> : tensor<4xf32>
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[Y]], #[[Y]], #[[Y]], #[[X]], #[[X]], #[[X]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[Y0]], %[[Y1]], %[[YW]], %[[X0]], %[[X1]], %[[XW]] : tensor<4xindex>, tensor<4xindex>, tensor<4xf32>, tensor<4xindex>, tensor<4xindex>, tensor<4xf32>) outs(%{{.*}} : tensor<1x1x4x4xf32>)
// CHECK-NEXT: ^bb0(%[[LY:.*]]: index, %[[UY:.*]]: index, %[[WY:.*]]: f32, %[[LX:.*]]: index, %[[UX:.*]]: index, %[[WX:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[N:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-DAG: %[[TL:.*]] = tensor.extract %[[IN]][%[[N]], %[[C]], %[[LY]], %[[LX]]] : tensor<1x1x2x2xf32>
// CHECK-DAG: %[[TR:.*]] = tensor.extract %[[IN]][%[[N]], %[[C]], %[[LY]], %[[UX]]] : tensor<1x1x2x2xf32>
// CHECK-DAG: %[[TD:.*]] = arith.subf %[[TR]], %[[TL]] : f32
// CHECK-DAG: %[[TM:.*]] = arith.mulf %[[TD]], %[[WX]] : f32
// CHECK-DAG: %[[TOP:.*]] = arith.addf %[[TL]], %[[TM]] : f32
// CHECK-DAG: %[[BL:.*]] = tensor.extract %[[IN]][%[[N]], %[[C]], %[[UY]], %[[LX]]] : tensor<1x1x2x2xf32>
// CHECK-DAG: %[[BR:.*]] = tensor.extract %[[IN]][%[[N]], %[[C]], %[[UY]], %[[UX]]] : tensor<1x1x2x2xf32>
// CHECK-DAG: %[[BD:.*]] = arith.subf %[[BR]], %[[BL]] : f32
// CHECK-DAG: %[[BM:.*]] = arith.mulf %[[BD]], %[[WX]] : f32
// CHECK-DAG: %[[BOTTOM:.*]] = arith.addf %[[BL]], %[[BM]] : f32
// CHECK-DAG: %[[VD:.*]] = arith.subf %[[BOTTOM]], %[[TOP]] : f32
// CHECK-DAG: %[[VM:.*]] = arith.mulf %[[VD]], %[[WY]] : f32
// CHECK-DAG: %[[V:.*]] = arith.addf %[[TOP]], %[[VM]] : f32
// CHECK: linalg.yield %[[V]] : f32
// CHECK: return %[[R]]
func.func @resize_linear(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
  %0 = ghost.resize %x linear half_pixel floor [2.0, 2.0] : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

// align_corners, 3 -> 5: coordinates 0, 0.5, 1, 1.5, 2.

// CHECK-LABEL: func.func @resize_linear_align_corners
// CHECK: arith.constant dense<[0, 0, 1, 1, 2]> : tensor<5xindex>
// CHECK: arith.constant dense<[1, 1, 2, 2, 2]> : tensor<5xindex>
// CHECK: arith.constant dense<[0.000000e+00, 5.000000e-01, 0.000000e+00, 5.000000e-01, 0.000000e+00]> : tensor<5xf32>
// CHECK: linalg.generic
func.func @resize_linear_align_corners(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32> {
  %0 = ghost.resize %x linear align_corners floor [1.6666666, 1.6666666] : tensor<1x1x3x3xf32> -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}

// -----

// align_corners divides by the resized length as the scale gives it, 4 * 0.6
// = 2.4, not by the output's 2 (ONNX's reference): coordinates 0 and
// 3 / 1.4 = 2.142857.

// CHECK-LABEL: func.func @resize_linear_align_corners_fractional
// CHECK: arith.constant dense<[0, 2]> : tensor<2xindex>
// CHECK: arith.constant dense<[1, 3]> : tensor<2xindex>
// CHECK: arith.constant dense<[0.000000e+00, 0.142857{{[0-9]*}}]> : tensor<2xf32>
func.func @resize_linear_align_corners_fractional(%x: tensor<1x1x1x4xf32>) -> tensor<1x1x1x2xf32> {
  %0 = ghost.resize %x linear align_corners floor [1.0, 0.6] : tensor<1x1x1x4xf32> -> tensor<1x1x1x2xf32>
  return %0 : tensor<1x1x1x2xf32>
}

// -----

// tf_half_pixel_for_nn: in = (out + 0.5) / scale, 1 and 3 at scale 0.5
// (half_pixel would read 0.5 and 2.5, floored to 0 and 2).

// CHECK-LABEL: func.func @resize_nearest_tf_half_pixel
// CHECK: arith.constant dense<[1, 3]> : tensor<2xindex>
func.func @resize_nearest_tf_half_pixel(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  %0 = ghost.resize %x nearest tf_half_pixel_for_nn floor [0.5, 0.5] : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}
