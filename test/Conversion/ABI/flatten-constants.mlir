// RUN: ghostc-opt %s --ghost-flatten-constants | FileCheck %s

// ghost-flatten-constants stores constant globals of rank > 1 as 1-D arrays
// with the same data (row-major), and gives every get_global's users the
// original shape back through an expand_shape.

// CHECK-LABEL: module
// CHECK: memref.global "private" constant @w : memref<6xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00]> {alignment = 64 : i64}
memref.global "private" constant @w : memref<2x3x1x1xf32> =
    dense<[[[[1.0]], [[2.0]], [[3.0]]], [[[4.0]], [[5.0]], [[6.0]]]]> {alignment = 64 : i64}
// A weight's blob becomes 1-D without a copy: the same resource.
// CHECK: memref.global "private" constant @blob : memref<4xf32> = dense_resource<blob> {alignment = 64 : i64}
memref.global "private" constant @blob : memref<2x2xf32> = dense_resource<blob> {alignment = 64 : i64}
// A splat keeps its splat form.
// CHECK: memref.global "private" constant @splat : memref<12xf32> = dense<5.000000e-01>
memref.global "private" constant @splat : memref<3x4xf32> = dense<0.5>

// Near misses, left alone: already 1-D, not constant, no initial value, a
// layout other than the identity.
// CHECK: memref.global "private" constant @vector : memref<4xf32> = dense<1.000000e+00>
memref.global "private" constant @vector : memref<4xf32> = dense<1.0>
// CHECK: memref.global "private" @state : memref<2x2xf32> = dense<0.000000e+00>
memref.global "private" @state : memref<2x2xf32> = dense<0.0>
// CHECK: memref.global "private" constant @external : memref<2x2xf32>{{$}}
memref.global "private" constant @external : memref<2x2xf32>
// CHECK: memref.global "private" constant @strided : memref<2x2xf32, strided<[4, 1]>> = dense<1.000000e+00>
memref.global "private" constant @strided : memref<2x2xf32, strided<[4, 1]>> = dense<1.0>

// CHECK-LABEL: func.func @read
// CHECK-NEXT: %[[FLAT:.*]] = memref.get_global @w : memref<6xf32>
// CHECK-NEXT: %[[W:.*]] = memref.expand_shape %[[FLAT]] {{\[\[}}0, 1, 2, 3]] output_shape [2, 3, 1, 1] : memref<6xf32> into memref<2x3x1x1xf32>
// CHECK-NEXT: %[[S:.*]] = memref.get_global @state : memref<2x2xf32>
// CHECK-NEXT: %[[FLAT2:.*]] = memref.get_global @w : memref<6xf32>
// CHECK-NEXT: %[[W2:.*]] = memref.expand_shape %[[FLAT2]] {{\[\[}}0, 1, 2, 3]] output_shape [2, 3, 1, 1] : memref<6xf32> into memref<2x3x1x1xf32>
// CHECK: memref.load %[[W]][%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : memref<2x3x1x1xf32>
// CHECK: memref.load %[[S]]
// CHECK: memref.load %[[W2]]
func.func @read(%i: index) -> (f32, f32, f32) {
  %w = memref.get_global @w : memref<2x3x1x1xf32>
  %s = memref.get_global @state : memref<2x2xf32>
  %w2 = memref.get_global @w : memref<2x3x1x1xf32>
  %a = memref.load %w[%i, %i, %i, %i] : memref<2x3x1x1xf32>
  %b = memref.load %s[%i, %i] : memref<2x2xf32>
  %c = memref.load %w2[%i, %i, %i, %i] : memref<2x3x1x1xf32>
  return %a, %b, %c : f32, f32, f32
}

// The layer functions outlined from the model read globals too.
// CHECK-LABEL: func.func private @layer
// CHECK-NEXT: %[[FLAT:.*]] = memref.get_global @splat : memref<12xf32>
// CHECK-NEXT: memref.expand_shape %[[FLAT]] {{\[\[}}0, 1]] output_shape [3, 4] : memref<12xf32> into memref<3x4xf32>
func.func private @layer(%i: index) -> f32 {
  %w = memref.get_global @splat : memref<3x4xf32>
  %a = memref.load %w[%i, %i] : memref<3x4xf32>
  return %a : f32
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
