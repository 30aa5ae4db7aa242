// RUN: ghostc-opt %s --split-input-file --ghost-lower-convolutions="vector-width=4 channel-kernel-min-terms=1" | FileCheck %s
// RUN: ghostc-opt %s --split-input-file --ghost-lower-convolutions="vector-width=4 channel-block=4" | FileCheck %s --check-prefix=COLUMNS

// Grouped convolutions, neither dense nor depthwise, come from
// ghost-convert-to-linalg as a linalg.generic over (n, o, c, ky, kx, y, x)
// whose input channel is (o floordiv Og) * C + c. With groups of whole
// vectors (Og = 4 = the width) the channel kernel computes them: the filter
// [8, 4, 1, 2] packs into [2, 4, 1, 2, 4] as a dense one would, each block
// holds the vectors of one group (one here, not the default two), with as
// many more pixels (12 rather than 6; the row has 4), and reads its group's
// input channels, g * 4 + c for vector g.
// CHECK:       #[[GROUP:.*]] = affine_map<(d0, d1) -> (d0 + d1 * 4)>
// CHECK-LABEL: module
// CHECK:       memref.global "private" constant @w_packed : memref<2x4x1x2x4xf32>
// CHECK-LABEL: func.func @grouped
// CHECK-SAME:  (%[[IN:.*]]: memref<1x8x1x5xf32>, %[[OUT:.*]]: memref<1x8x1x4xf32>)
// CHECK:       %[[W:.*]] = memref.get_global @w_packed
// CHECK:       affine.for %[[G:.*]] = 0 to 2 {
// CHECK:       affine.for %[[C:.*]] = 0 to 4 iter_args
// CHECK-NEXT:  %[[CH:.*]] = affine.apply #[[GROUP]](%[[C]], %[[G]])
// CHECK-NEXT:  memref.load %[[IN]][%{{.*}}, %[[CH]], %{{.*}}, %{{.*}}]
// CHECK:       vector.load %[[W]][%[[G]], %[[C]],
// CHECK-COUNT-4: vector.fma
// CHECK-NOT:   linalg.generic
// CHECK:       return
#in = affine_map<(n, o, c, ky, kx, y, x) -> (n, (o floordiv 4) * 4 + c, y + ky, x + kx)>
#w = affine_map<(n, o, c, ky, kx, y, x) -> (o, c, ky, kx)>
#out = affine_map<(n, o, c, ky, kx, y, x) -> (n, o, y, x)>
module {
  memref.global "private" constant @w : memref<8x4x1x2xf32> = dense<1.0> {alignment = 64 : i64}
  func.func @grouped(%in: memref<1x8x1x5xf32>, %out: memref<1x8x1x4xf32>) {
    %w = memref.get_global @w : memref<8x4x1x2xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x1x4xf32>)
    linalg.generic {indexing_maps = [#in, #w, #out], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]}
      ins(%in, %w : memref<1x8x1x5xf32>, memref<8x4x1x2xf32>) outs(%out : memref<1x8x1x4xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %m = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %m : f32
      linalg.yield %s : f32
    }
    return
  }
}

// -----

// Rows of 28 pixels (three: too many pixels for one run across the plane)
// in blocks of at most 12 (one vector of channels per group): three blocks
// of 10, 10 and 8 rather than 12, 12 and 4.
// CHECK-LABEL: func.func @balanced_row
// CHECK:       affine.for %{{.*}} = 0 to 20 step 10 {
// Two taps of 10 pixels.
// CHECK-COUNT-20: vector.fma
// CHECK-NOT:   vector.fma
// CHECK:       affine.yield
// The last block, 8 pixels at column 20.
// CHECK-COUNT-16: vector.fma
// CHECK-NOT:   vector.fma
// CHECK:       return
#in = affine_map<(n, o, c, ky, kx, y, x) -> (n, (o floordiv 4) * 2 + c, y + ky, x + kx)>
#w = affine_map<(n, o, c, ky, kx, y, x) -> (o, c, ky, kx)>
#out = affine_map<(n, o, c, ky, kx, y, x) -> (n, o, y, x)>
module {
  memref.global "private" constant @w : memref<8x2x1x2xf32> = dense<1.0> {alignment = 64 : i64}
  func.func @balanced_row(%in: memref<1x4x3x29xf32>, %out: memref<1x8x3x28xf32>) {
    %w = memref.get_global @w : memref<8x2x1x2xf32>
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%out : memref<1x8x3x28xf32>)
    linalg.generic {indexing_maps = [#in, #w, #out], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]}
      ins(%in, %w : memref<1x4x3x29xf32>, memref<8x2x1x2xf32>) outs(%out : memref<1x8x3x28xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %m = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %m : f32
      linalg.yield %s : f32
    }
    return
  }
}

// -----

// Groups of 2 output channels, not whole vectors: the column kernel, its
// channel blocks cut to one group (2, not the 4 asked for), every block
// reading its group's input channels.
// COLUMNS:     #[[GROUP:.*]] = affine_map<(d0, d1) -> (d1 + (d0 floordiv 2) * 2)>
// COLUMNS-LABEL: func.func @grouped_columns
// COLUMNS-SAME:  (%[[IN:.*]]: memref<1x4x1x9xf32>, %[[W:.*]]: memref<4x2x1x2xf32>
// COLUMNS:     affine.for %[[F:.*]] = 0 to 4 step 2 {
// COLUMNS:     affine.for %[[C:.*]] = 0 to 2 iter_args
// COLUMNS-NEXT: %[[CH:.*]] = affine.apply #[[GROUP]](%[[F]], %[[C]])
// COLUMNS-NEXT: vector.transfer_read %[[IN]][%{{.*}}, %[[CH]],
// COLUMNS-NOT: linalg.generic
// COLUMNS:     return
#in = affine_map<(n, o, c, ky, kx, y, x) -> (n, (o floordiv 2) * 2 + c, y + ky, x + kx)>
#w = affine_map<(n, o, c, ky, kx, y, x) -> (o, c, ky, kx)>
#out = affine_map<(n, o, c, ky, kx, y, x) -> (n, o, y, x)>
func.func @grouped_columns(%in: memref<1x4x1x9xf32>, %w: memref<4x2x1x2xf32>, %out: memref<1x4x1x8xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<1x4x1x8xf32>)
  linalg.generic {indexing_maps = [#in, #w, #out], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]}
    ins(%in, %w : memref<1x4x1x9xf32>, memref<4x2x1x2xf32>) outs(%out : memref<1x4x1x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Near misses stay generic: the taps read transposed (filter map (o, c,
// kx, ky)), and a body that takes the maximum instead of a sum.
// CHECK-LABEL: func.func @transposed_taps
// CHECK:       linalg.generic
// CHECK-LABEL: func.func @maximum
// CHECK:       linalg.generic
#in = affine_map<(n, o, c, ky, kx, y, x) -> (n, (o floordiv 2) * 2 + c, y + ky, x + kx)>
#wt = affine_map<(n, o, c, ky, kx, y, x) -> (o, c, kx, ky)>
#w = affine_map<(n, o, c, ky, kx, y, x) -> (o, c, ky, kx)>
#out = affine_map<(n, o, c, ky, kx, y, x) -> (n, o, y, x)>
func.func @transposed_taps(%in: memref<1x4x3x9xf32>, %w: memref<4x2x2x2xf32>, %out: memref<1x4x2x8xf32>) {
  linalg.generic {indexing_maps = [#in, #wt, #out], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]}
    ins(%in, %w : memref<1x4x3x9xf32>, memref<4x2x2x2xf32>) outs(%out : memref<1x4x2x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  }
  return
}
func.func @maximum(%in: memref<1x4x3x9xf32>, %w: memref<4x2x2x2xf32>, %out: memref<1x4x2x8xf32>) {
  linalg.generic {indexing_maps = [#in, #w, #out], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]}
    ins(%in, %w : memref<1x4x3x9xf32>, memref<4x2x2x2xf32>) outs(%out : memref<1x4x2x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.maximumf %acc, %m : f32
    linalg.yield %s : f32
  }
  return
}
