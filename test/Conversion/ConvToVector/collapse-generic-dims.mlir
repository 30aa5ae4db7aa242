// RUN: ghostc-opt %s --ghost-collapse-generic-dims -split-input-file | FileCheck %s

// An element-wise op on whole buffers: one loop over every element.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[ID1:.*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @add
// CHECK-DAG: %[[A:.*]] = memref.collapse_shape %arg0 {{\[\[}}0, 1, 2, 3]] : memref<1x8x7x7xf32> into memref<392xf32>
// CHECK-DAG: %[[B:.*]] = memref.collapse_shape %arg1 {{\[\[}}0, 1, 2, 3]] : memref<1x8x7x7xf32> into memref<392xf32>
// CHECK-DAG: %[[C:.*]] = memref.collapse_shape %arg2 {{\[\[}}0, 1, 2, 3]] : memref<1x8x7x7xf32> into memref<392xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID1]], #[[ID1]], #[[ID1]]], iterator_types = ["parallel"]} ins(%[[A]], %[[B]] : memref<392xf32>, memref<392xf32>) outs(%[[C]] : memref<392xf32>)
func.func @add(%a: memref<1x8x7x7xf32>, %b: memref<1x8x7x7xf32>, %c: memref<1x8x7x7xf32>) {
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%a, %b : memref<1x8x7x7xf32>, memref<1x8x7x7xf32>)
      outs(%c : memref<1x8x7x7xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A per-channel scale (SE's excitation): the batch and channel loops merge,
// and so do the two spatial loops, which the gate does not index.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#nc = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @scale
// CHECK-DAG: %[[X:.*]] = memref.collapse_shape %arg0 {{\[\[}}0, 1], [2, 3]] : memref<1x8x7x7xf32> into memref<8x49xf32>
// CHECK-DAG: %[[G:.*]] = memref.collapse_shape %arg1 {{\[\[}}0, 1]] : memref<1x8xf32> into memref<8xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[G]] : memref<8x49xf32>, memref<8xf32>) outs(%{{.*}} : memref<8x49xf32>)
func.func @scale(%x: memref<1x8x7x7xf32>, %g: memref<1x8xf32>, %y: memref<1x8x7x7xf32>) {
  linalg.generic {indexing_maps = [#id, #nc, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %g : memref<1x8x7x7xf32>, memref<1x8xf32>)
      outs(%y : memref<1x8x7x7xf32>) {
  ^bb0(%v: f32, %s: f32, %o: f32):
    %p = arith.mulf %v, %s : f32
    linalg.yield %p : f32
  }
  return
}

// -----

// A spatial sum: parallel and reduction loops merge only among themselves.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#nc = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @spatial_sum
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%{{.*}} : memref<8x49xf32>) outs(%{{.*}} : memref<8xf32>)
func.func @spatial_sum(%x: memref<1x8x7x7xf32>, %s: memref<1x8xf32>) {
  linalg.generic {indexing_maps = [#id, #nc],
                  iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
      ins(%x : memref<1x8x7x7xf32>) outs(%s : memref<1x8xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %sum = arith.addf %acc, %v : f32
    linalg.yield %sum : f32
  }
  return
}

// -----

// Near misses. A channel slice of a larger buffer (the half of a Ghost
// module) with a batch of 2 is contiguous within each image but not across
// images: the batch loop stays apart. A transposed read keeps its spatial
// loops apart.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#tr = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
// CHECK-LABEL: func.func @near_misses
// CHECK: memref.collapse_shape %arg0 {{\[\[}}0], [1, 2, 3]] : memref<2x4x7x7xf32, strided<[392, 49, 7, 1]>> into memref<2x196xf32, strided<[392, 1]>>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]}
// CHECK: memref.collapse_shape %arg2 {{\[\[}}0, 1], [2], [3]] : memref<2x4x7x7xf32> into memref<8x7x7xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel"]}
func.func @near_misses(%half: memref<2x4x7x7xf32, strided<[392, 49, 7, 1]>>,
                       %out: memref<2x4x7x7xf32>, %in: memref<2x4x7x7xf32>) {
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%half : memref<2x4x7x7xf32, strided<[392, 49, 7, 1]>>)
      outs(%out : memref<2x4x7x7xf32>) {
  ^bb0(%v: f32, %o: f32):
    linalg.yield %v : f32
  }
  linalg.generic {indexing_maps = [#tr, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%in : memref<2x4x7x7xf32>) outs(%out : memref<2x4x7x7xf32>) {
  ^bb0(%v: f32, %o: f32):
    linalg.yield %v : f32
  }
  return
}

// -----

// An operand broadcast through a constant index on a size-1 axis (a
// BatchNormalization left standing: a scale [C, 1, 1]) is viewed without
// those axes first; then the loops merge as for @scale: (n, c) and
// (h, w), 49 columns instead of 7.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#bc = affine_map<(d0, d1, d2, d3) -> (d0, d1, 0, 0)>
#c11 = affine_map<(d0, d1, d2, d3) -> (d1, 0, 0)>
// CHECK-LABEL: func.func @constant_index
// CHECK-DAG: %[[X:.*]] = memref.collapse_shape %arg0 {{\[\[}}0, 1], [2, 3]] : memref<1x8x7x7xf32> into memref<8x49xf32>
// CHECK-DAG: %[[G1:.*]] = memref.collapse_shape %arg1 {{\[\[}}0], [1, 2, 3]] : memref<1x8x1x1xf32> into memref<1x8xf32>
// CHECK-DAG: %[[G:.*]] = memref.collapse_shape %[[G1]] {{\[\[}}0, 1]] : memref<1x8xf32> into memref<8xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[G]] : memref<8x49xf32>, memref<8xf32>) outs(%{{.*}} : memref<8x49xf32>)
func.func @constant_index(%x: memref<1x8x7x7xf32>, %g: memref<1x8x1x1xf32>, %y: memref<1x8x7x7xf32>) {
  linalg.generic {indexing_maps = [#id, #bc, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %g : memref<1x8x7x7xf32>, memref<1x8x1x1xf32>)
      outs(%y : memref<1x8x7x7xf32>) {
  ^bb0(%v: f32, %s: f32, %o: f32):
    %p = arith.mulf %v, %s : f32
    linalg.yield %p : f32
  }
  return
}

// The scale as ghost-fold-batchnorm makes it, [C, 1, 1] read at (c, 0, 0):
// the spatial loops merge (not the batch loop, which the scale does not
// index).
// CHECK-LABEL: func.func @channel_scale
// CHECK-DAG: %[[S:.*]] = memref.collapse_shape %arg1 {{\[\[}}0, 1, 2]] : memref<8x1x1xf32> into memref<8xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel"]} ins(%{{.*}}, %[[S]] : memref<1x8x49xf32>, memref<8xf32>)
func.func @channel_scale(%x: memref<1x8x7x7xf32>, %s: memref<8x1x1xf32>, %y: memref<1x8x7x7xf32>) {
  linalg.generic {indexing_maps = [#id, #c11, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %s : memref<1x8x7x7xf32>, memref<8x1x1xf32>)
      outs(%y : memref<1x8x7x7xf32>) {
  ^bb0(%v: f32, %a: f32, %o: f32):
    %p = arith.mulf %v, %a : f32
    linalg.yield %p : f32
  }
  return
}

// -----

// Near misses: a constant index on an axis longer than 1 (column 0 of a
// 7-wide operand), and a constant other than 0, keep their loops.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#col0 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#one = affine_map<(d0, d1, d2, d3) -> (d0, d1, 1, 1)>
// CHECK-LABEL: func.func @column_zero
// CHECK-NOT: memref.collapse_shape
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
func.func @column_zero(%x: memref<1x8x7x7xf32>, %g: memref<1x8x7x7xf32>, %y: memref<1x8x7x7xf32>) {
  linalg.generic {indexing_maps = [#id, #col0, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %g : memref<1x8x7x7xf32>, memref<1x8x7x7xf32>)
      outs(%y : memref<1x8x7x7xf32>) {
  ^bb0(%v: f32, %s: f32, %o: f32):
    %p = arith.mulf %v, %s : f32
    linalg.yield %p : f32
  }
  return
}
// CHECK-LABEL: func.func @index_one
// CHECK-NOT: memref.collapse_shape
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
func.func @index_one(%x: memref<1x8x7x7xf32>, %g: memref<1x8x2x2xf32>, %y: memref<1x8x7x7xf32>) {
  linalg.generic {indexing_maps = [#id, #one, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %g : memref<1x8x7x7xf32>, memref<1x8x2x2xf32>)
      outs(%y : memref<1x8x7x7xf32>) {
  ^bb0(%v: f32, %s: f32, %o: f32):
    %p = arith.mulf %v, %s : f32
    linalg.yield %p : f32
  }
  return
}
