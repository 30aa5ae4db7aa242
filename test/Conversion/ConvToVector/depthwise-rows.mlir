// RUN: ghostc-opt %s --split-input-file \
// RUN:   --ghost-lower-convolutions="vector-width=4 channel-block=2 vector-block=3" \
// RUN: | FileCheck %s
// RUN: ghostc-opt %s --split-input-file \
// RUN:   --ghost-lower-convolutions="vector-width=4 channel-block=2 vector-block=3" \
// RUN: | FileCheck %s --check-prefix=SUMS

// Depthwise windows in blocks of rows: the 6 accumulators hold 3 output
// rows (depthwise-rows) of 2 vectors, one channel at a time, and each
// input vector is read once for every output row whose window covers its
// row.

// A 3x3 window padded by 1 through bounds on a 9x8 plane: rows 0 and 8,
// whose taps leave the input, come alone without those taps; rows 1 to 6
// are blocks of 3 in a loop, each reading input rows y - 1 to y + 3 (5
// rows x 3 taps x 2 vectors = 30 reads) for 3 x 9 x 2 = 54 multiply-adds;
// row 7, the interior row left over, is a block of its own at a constant
// row.
// CHECK-LABEL: func.func @padded
// CHECK-SAME:  (%[[SRC:.*]]: memref<1x1x9x8xf32>, %{{.*}}: memref<1x3x3xf32>, %[[OUT:.*]]: memref<1x1x9x8xf32>
// CHECK:       affine.for %{{.*}} = 0 to 1 {
// CHECK:       affine.for %[[C:.*]] = 0 to 1 {
// Row 0: taps ky = 1, 2 only.
// CHECK-COUNT-12: vector.fma
// CHECK-NOT:   vector.fma
// CHECK-COUNT-2: vector.transfer_write %{{.*}}, %[[OUT]][%{{.*}}, %[[C]], %c0,
// CHECK:       affine.for %[[Y:.*]] = 1 to 7 step 3 {
// CHECK-COUNT-30: vector.transfer_read %[[SRC]]
// CHECK-NOT:     vector.transfer_read %[[SRC]]
// CHECK-COUNT-2: vector.transfer_write %{{.*}}, %[[OUT]][%{{.*}}, %[[C]], %[[Y]],
// CHECK-COUNT-4: vector.transfer_write
// CHECK-NOT:     vector.transfer_write
// CHECK:       }
// SUMS-LABEL:  func.func @padded
// SUMS:        affine.for %{{.*}} = 1 to 7 step 3 {
// SUMS-COUNT-54: vector.fma
// SUMS-NOT:      vector.fma
// SUMS:          vector.transfer_write
// Row 7: every tap, a block of one row.
// CHECK-COUNT-18: vector.fma
// CHECK-NOT:   vector.fma
// CHECK-COUNT-2: vector.transfer_write %{{.*}}, %[[OUT]][%{{.*}}, %[[C]], %c7,
// Row 8: taps ky = 0, 1 only.
// CHECK-COUNT-12: vector.fma
// CHECK-NOT:   vector.fma
// CHECK-COUNT-2: vector.transfer_write %{{.*}}, %[[OUT]][%{{.*}}, %[[C]], %c8,
// CHECK-NOT:   vector.transfer_write
func.func @padded(%src: memref<1x1x9x8xf32>, %w: memref<1x3x3xf32>,
                  %out: memref<1x1x9x8xf32>, %pad: memref<1x1x11x10xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%pad : memref<1x1x11x10xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 1, 9, 8] [1, 1, 1, 1]
      : memref<1x1x11x10xf32> to memref<1x1x9x8xf32, strided<[110, 110, 10, 1], offset: 11>>
  linalg.copy ins(%src : memref<1x1x9x8xf32>)
      outs(%interior : memref<1x1x9x8xf32, strided<[110, 110, 10, 1], offset: 11>>)
  linalg.fill ins(%zero : f32) outs(%out : memref<1x1x9x8xf32>)
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%pad, %w : memref<1x1x11x10xf32>, memref<1x3x3xf32>)
    outs(%out : memref<1x1x9x8xf32>)
  return
}

// -----

// Within a block, output row r takes tap ky from input row r + ky: input
// row 1 is read once, as tap 1 of row 0 and tap 0 of row 1 (weights
// [ky][kx]; each row's sums add the taps in the order one row at a time
// would). Rows of one vector: blocks of 6 rows.
// CHECK-LABEL: func.func @tap_rows
// CHECK:       affine.for %[[Y:.*]] = 0 to 6 step 6 {
// CHECK:       vector.transfer_read %arg0[%{{.*}}, %{{.*}}, %[[Y]], %{{.*}}]
// CHECK-NEXT:  memref.load %arg1[%{{.*}}, %c0, %c0]
// CHECK-NEXT:  vector.broadcast
// CHECK-NEXT:  %[[ROW0:.*]] = vector.fma
// CHECK-NEXT:  %[[Y1:.*]] = affine.apply #{{.*}}(%[[Y]])
// CHECK-NEXT:  %[[IN1:.*]] = vector.transfer_read %arg0[%{{.*}}, %{{.*}}, %[[Y1]], %{{.*}}]
// CHECK-NEXT:  memref.load %arg1[%{{.*}}, %c1, %c0]
// CHECK-NEXT:  %[[S10:.*]] = vector.broadcast
// CHECK-NEXT:  vector.fma %[[IN1]], %[[S10]], %[[ROW0]]
// CHECK-NEXT:  memref.load %arg1[%{{.*}}, %c0, %c0]
// CHECK-NEXT:  %[[S00:.*]] = vector.broadcast
// CHECK-NEXT:  vector.fma %[[IN1]], %[[S00]], %{{.*}}
// CHECK-NEXT:  affine.apply
// CHECK-NEXT:  vector.transfer_read %arg0
func.func @tap_rows(%in: memref<1x1x8x4xf32>, %w: memref<1x2x1xf32>,
                    %out: memref<1x1x7x4xf32>) {
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x1x8x4xf32>, memref<1x2x1xf32>)
    outs(%out : memref<1x1x7x4xf32>)
  return
}

// -----

// Stride 2 (max pooling 3x3 on 13x16, padded by 1 with the lowest float):
// rows of 2 vectors, blocks of 3 output rows, which read 7 input rows
// instead of 9, the row between two outputs once for both; each read is
// one wide masked read and a shuffle keeping every other lane. Interior
// rows 1 to 3 are a block in a loop, 4 and 5 a block of 2.
// CHECK-LABEL: func.func @max_pool_rows
// CHECK:       affine.for %{{.*}} = 1 to 4 step 3 {
// CHECK-COUNT-42: vector.shuffle
// CHECK-NOT:     vector.shuffle
// CHECK-COUNT-6: vector.transfer_write
// CHECK-NEXT:  {{^ *}}}
// CHECK-NOT:     affine.for
// CHECK-COUNT-30: vector.shuffle
// CHECK-NOT:     vector.shuffle
// CHECK-COUNT-4: vector.transfer_write %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}, %c{{4|5}}, %c{{0|4}}]
// SUMS-LABEL:  func.func @max_pool_rows
// SUMS:        affine.for %{{.*}} = 1 to 4 step 3 {
// SUMS-COUNT-54: arith.maximumf
// SUMS-NOT:      arith.maximumf
// SUMS:          vector.transfer_write
// SUMS:        }
// SUMS-COUNT-36: arith.maximumf
// SUMS-NOT:      arith.maximumf
// SUMS:          vector.transfer_write
func.func @max_pool_rows(%src: memref<1x1x13x16xf32>, %window: memref<3x3xf32>,
                         %out: memref<1x1x7x8xf32>, %pad: memref<1x1x15x18xf32>) {
  %lowest = arith.constant -3.40282347E+38 : f32
  linalg.fill ins(%lowest : f32) outs(%pad : memref<1x1x15x18xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 1, 13, 16] [1, 1, 1, 1]
      : memref<1x1x15x18xf32> to memref<1x1x13x16xf32, strided<[270, 270, 18, 1], offset: 19>>
  linalg.copy ins(%src : memref<1x1x13x16xf32>)
      outs(%interior : memref<1x1x13x16xf32, strided<[270, 270, 18, 1], offset: 19>>)
  linalg.fill ins(%lowest : f32) outs(%out : memref<1x1x7x8xf32>)
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<2> : tensor<2xi64>}
    ins(%pad, %window : memref<1x1x15x18xf32>, memref<3x3xf32>)
    outs(%out : memref<1x1x7x8xf32>)
  return
}

// -----

// Near miss: a depthwise window whose input scale (squeeze-and-excitation)
// is fused scales each channel's weights, and keeps one row per block.
// CHECK-LABEL: func.func @scaled
// CHECK:       affine.for %{{.*}} = 0 to 2 {
// CHECK:         affine.for %{{.*}} = 0 to 6 {
// CHECK-NOT:       affine.for
// CHECK:           arith.mulf
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#scale = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
func.func @scaled(%x: memref<1x2x8x8xf32>, %s: memref<1x2xf32>,
                  %w: memref<2x3x3xf32>, %out: memref<1x2x6x6xf32>) {
  %y = memref.alloc() : memref<1x2x8x8xf32>
  linalg.generic {indexing_maps = [#map, #scale, #map],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
    ins(%x, %s : memref<1x2x8x8xf32>, memref<1x2xf32>) outs(%y : memref<1x2x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  }
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<1x2x6x6xf32>)
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%y, %w : memref<1x2x8x8xf32>, memref<2x3x3xf32>)
    outs(%out : memref<1x2x6x6xf32>)
  return
}

// -----

// Small planes: row by row, blocks of rows read each input vector once for
// several rows, which pays for up to a quarter of the lanes, so a plane is
// read as one row (masked reads per tap) only when that fills a third more
// lanes. 7x7 in 4 lanes: 7 of 8 lanes a row against 49 of 52 as one row,
// so row by row; 5x5: 5 of 8 against 25 of 28, so one row.
// CHECK-LABEL: func.func @small_planes
// CHECK-NOT:   memref.collapse_shape
// CHECK:       affine.for %{{.*}} = 1 to 4 step 3 {
// CHECK:       memref.collapse_shape %arg4
// CHECK:       memref.expand_shape {{.*}} into memref<1x4x1x25xf32>
// CHECK:       vector.maskedload {{.*}} : memref<1x4x1x25xf32>
func.func @small_planes(%a: memref<1x4x7x7xf32>, %wa: memref<4x3x3xf32>,
                        %pa: memref<1x4x9x9xf32>, %oa: memref<1x4x7x7xf32>,
                        %b: memref<1x4x5x5xf32>, %pb: memref<1x4x7x7xf32>,
                        %ob: memref<1x4x5x5xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%pa : memref<1x4x9x9xf32>)
  %ia = memref.subview %pa[0, 0, 1, 1] [1, 4, 7, 7] [1, 1, 1, 1]
      : memref<1x4x9x9xf32> to memref<1x4x7x7xf32, strided<[324, 81, 9, 1], offset: 10>>
  linalg.copy ins(%a : memref<1x4x7x7xf32>)
      outs(%ia : memref<1x4x7x7xf32, strided<[324, 81, 9, 1], offset: 10>>)
  linalg.fill ins(%zero : f32) outs(%oa : memref<1x4x7x7xf32>)
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%pa, %wa : memref<1x4x9x9xf32>, memref<4x3x3xf32>)
    outs(%oa : memref<1x4x7x7xf32>)
  linalg.fill ins(%zero : f32) outs(%pb : memref<1x4x7x7xf32>)
  %ib = memref.subview %pb[0, 0, 1, 1] [1, 4, 5, 5] [1, 1, 1, 1]
      : memref<1x4x7x7xf32> to memref<1x4x5x5xf32, strided<[196, 49, 7, 1], offset: 8>>
  linalg.copy ins(%b : memref<1x4x5x5xf32>)
      outs(%ib : memref<1x4x5x5xf32, strided<[196, 49, 7, 1], offset: 8>>)
  linalg.fill ins(%zero : f32) outs(%ob : memref<1x4x5x5xf32>)
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%pb, %wa : memref<1x4x7x7xf32>, memref<4x3x3xf32>)
    outs(%ob : memref<1x4x5x5xf32>)
  return
}
