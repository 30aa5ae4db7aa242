// RUN: ghostc-opt %s --split-input-file \
// RUN:   --ghost-lower-convolutions="vector-width=4 channel-block=2 vector-block=2 depthwise-rows=1" \
// RUN: | FileCheck %s

// Depthwise windows one output row at a time here (depthwise-rows=1); their
// blocks of rows are in depthwise-rows.mlir.

// A 3x3 stride-1 convolution, 5 output channels: two blocks of 2 channels
// and a block of the one channel left; rows of 8 columns: one block of 2 x 4 columns, no
// masked end. The 2 x 2 accumulators are read from the output (the bias),
// carried through the input-channel loop and written once.
// CHECK-LABEL: func.func @dense
// CHECK:      affine.for %[[N:.*]] = 0 to 1 {
// CHECK:        affine.for %[[F:.*]] = 0 to 4 step 2 {
// CHECK:          affine.for %[[Y:.*]] = 0 to 8 {
// CHECK:            affine.for %[[X:.*]] = 0 to 8 step 8 {
// CHECK-COUNT-4:      vector.transfer_read %arg2{{.*}} {in_bounds = [true]} : memref<1x5x8x8xf32>, vector<4xf32>
// CHECK:              %[[ACC:.*]]:4 = affine.for %[[C:.*]] = 0 to 3 iter_args(
// CHECK-COUNT-2:        vector.transfer_read %arg0{{.*}} {in_bounds = [true]} : memref<1x3x10x10xf32>, vector<4xf32>
// CHECK:                memref.load %arg1[%[[F]], %[[C]], %c0, %c0]
// CHECK:                vector.broadcast
// CHECK-COUNT-2:        vector.fma
// CHECK:                memref.load %arg1[{{.*}}, %[[C]], %c0, %c0]
// CHECK-COUNT-2:        vector.fma
// CHECK-COUNT-32:       vector.fma
// CHECK-NOT:            vector.fma
// CHECK:                affine.yield
// CHECK-COUNT-4:      vector.transfer_write {{.*}} {in_bounds = [true]} : vector<4xf32>, memref<1x5x8x8xf32>
// The channel left over is one block of its own at channel 4, not a loop.
// CHECK-NOT:    affine.for %{{.*}} = 4 to 5
// CHECK:        affine.for %{{.*}} = 0 to 8 {
// CHECK:          affine.for %{{.*}} = 0 to 8 step 8 {
// CHECK:            memref.load %arg1[%c4, %{{.*}}, %c0, %c0]
// CHECK-NOT:    linalg.conv_2d_nchw_fchw
func.func @dense(%in: memref<1x3x10x10xf32>, %w: memref<5x3x3x3xf32>,
                 %out: memref<1x5x8x8xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x3x10x10xf32>, memref<5x3x3x3xf32>)
    outs(%out : memref<1x5x8x8xf32>)
  return
}

// -----

// A 1x1 stride-1 convolution reads its 7x7 planes as rows of 49: six whole
// blocks of 2 x 4 columns (up to 48), then one masked vector at column 48.
// CHECK-LABEL: func.func @pointwise
// CHECK-DAG:  %[[IN:.*]] = memref.expand_shape {{.*}} : memref<1x6x49xf32> into memref<1x6x1x49xf32>
// CHECK-DAG:  %[[OUT:.*]] = memref.expand_shape {{.*}} : memref<1x4x49xf32> into memref<1x4x1x49xf32>
// CHECK:      affine.for %{{.*}} = 0 to 1 {
// CHECK:        affine.for %{{.*}} = 0 to 48 step 8 {
// CHECK:          affine.for %{{.*}} = 0 to 6 iter_args(
// CHECK:            vector.transfer_read %[[IN]]{{.*}} {in_bounds = [true]}
// CHECK:        vector.transfer_read %[[OUT]][{{.*}}, %c48], %{{.*}} : memref<1x4x1x49xf32{{.*}}>, vector<4xf32>
// CHECK:        affine.for %{{.*}} = 0 to 6 iter_args(
// CHECK:          vector.transfer_read %[[IN]][{{.*}}], %{{.*}} : memref<1x6x1x49xf32{{.*}}>, vector<4xf32>
// CHECK:        vector.transfer_write {{.*}}, %[[OUT]][{{.*}}, %c48] : vector<4xf32>, memref<1x4x1x49xf32{{.*}}>
func.func @pointwise(%in: memref<1x6x7x7xf32>, %w: memref<4x6x1x1xf32>,
                     %out: memref<1x4x7x7xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x6x7x7xf32>, memref<4x6x1x1xf32>)
    outs(%out : memref<1x4x7x7xf32>)
  return
}

// -----

// Stride 2: one masked read of twice the vector's columns, every other
// lane kept.
// CHECK-LABEL: func.func @strided
// CHECK:      %[[WIDE:.*]] = vector.transfer_read %arg0[{{.*}}], %{{.*}} : memref<1x2x9x9xf32>, vector<8xf32>
// CHECK:      vector.shuffle %[[WIDE]], %[[WIDE]] [0, 2, 4, 6] : vector<8xf32>, vector<8xf32>
func.func @strided(%in: memref<1x2x9x9xf32>, %w: memref<2x2x3x3xf32>,
                   %out: memref<1x2x4x4xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<2> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x9x9xf32>, memref<2x2x3x3xf32>)
    outs(%out : memref<1x2x4x4xf32>)
  return
}

// -----

// Depthwise: one channel at a time, channel-block * vector-block = 4
// vectors of columns, no input-channel loop. Rows of 5 columns are only an
// end block: one whole vector and one masked, so 9 taps of 2 FMAs.
// CHECK-LABEL: func.func @depthwise
// CHECK:      affine.for %[[N:.*]] = 0 to 1 {
// CHECK:        affine.for %[[C:.*]] = 0 to 3 {
// CHECK:          affine.for %[[Y:.*]] = 0 to 5 {
// CHECK-NOT:        affine.for
// CHECK:            vector.transfer_read %arg2{{.*}} {in_bounds = [true]}
// CHECK-NEXT:       vector.transfer_read %arg2[{{.*}}], %{{.*}} : memref
// CHECK-NOT:        vector.transfer_read %arg2
// CHECK:            memref.load %arg1[%[[C]], %c0, %c0] : memref<3x3x3xf32>
// CHECK-COUNT-18:   vector.fma
// CHECK-NOT:        vector.fma
// CHECK-COUNT-2:    vector.transfer_write
func.func @depthwise(%in: memref<1x3x7x7xf32>, %w: memref<3x3x3xf32>,
                     %out: memref<1x3x5x5xf32>) {
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x3x7x7xf32>, memref<3x3x3xf32>)
    outs(%out : memref<1x3x5x5xf32>)
  return
}

// -----

// Tensors, dynamic shapes and other element types are left alone.
// CHECK-LABEL: func.func @untouched
// CHECK:      linalg.conv_2d_nchw_fchw {{.*}} memref<1x3x?x?xf32>
// CHECK:      linalg.conv_2d_nchw_fchw {{.*}} tensor<1x3x10x10xf32>
// CHECK:      linalg.conv_2d_nchw_fchw {{.*}} memref<1x3x10x10xf16>
func.func @untouched(%in: memref<1x3x?x?xf32>, %w: memref<5x3x3x3xf32>,
                     %out: memref<1x5x?x?xf32>, %t: tensor<1x3x10x10xf32>,
                     %tw: tensor<5x3x3x3xf32>, %to: tensor<1x5x8x8xf32>,
                     %h: memref<1x3x10x10xf16>, %hw: memref<5x3x3x3xf16>,
                     %ho: memref<1x5x8x8xf16>) -> tensor<1x5x8x8xf32> {
  linalg.conv_2d_nchw_fchw ins(%in, %w : memref<1x3x?x?xf32>, memref<5x3x3x3xf32>)
    outs(%out : memref<1x5x?x?xf32>)
  %r = linalg.conv_2d_nchw_fchw ins(%t, %tw : tensor<1x3x10x10xf32>, tensor<5x3x3x3xf32>)
    outs(%to : tensor<1x5x8x8xf32>) -> tensor<1x5x8x8xf32>
  linalg.conv_2d_nchw_fchw ins(%h, %hw : memref<1x3x10x10xf16>, memref<5x3x3x3xf16>)
    outs(%ho : memref<1x5x8x8xf16>)
  return %r : tensor<1x5x8x8xf32>
}

// -----

// Windows of more than 11 x 11 taps are left to the generic loops (every tap
// would be unrolled): a 12 x 11 max pool stays, an 11 x 11 one is lowered.
// CHECK-LABEL: func.func @big_window
// CHECK:      linalg.pooling_nchw_max {{.*}} memref<12x11xf32>
// CHECK-NOT:  linalg.pooling_nchw_max
// CHECK:      arith.maximumf {{.*}} : vector<4xf32>
func.func @big_window(%in: memref<1x1x24x24xf32>, %w12: memref<12x11xf32>,
                      %out12: memref<1x1x13x14xf32>, %w11: memref<11x11xf32>,
                      %out11: memref<1x1x14x14xf32>) {
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<1> : tensor<2xi64>}
    ins(%in, %w12 : memref<1x1x24x24xf32>, memref<12x11xf32>)
    outs(%out12 : memref<1x1x13x14xf32>)
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<1> : tensor<2xi64>}
    ins(%in, %w11 : memref<1x1x24x24xf32>, memref<11x11xf32>)
    outs(%out11 : memref<1x1x14x14xf32>)
  return
}

// -----

// The bias broadcast before the convolution and the activation after it
// are fused: the accumulators start from the broadcast bias of their
// channel, the activation's body runs on the vectors before the one store,
// and neither generic is left. The allocation, fill and copy of a padded
// input between the bias and the convolution (where bufferization puts
// them) touch another buffer and do not stop it.
#channel = affine_map<(d0, d1, d2, d3) -> (d1)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @fused
// CHECK-SAME: (%[[IN:.*]]: memref<1x2x4x8xf32>, %[[W:.*]]: memref<2x2x1x1xf32>, %[[B:.*]]: memref<2xf32>, %[[OUT:.*]]: memref<1x2x4x8xf32>)
// CHECK-NOT:  linalg.generic
// CHECK:      %[[PAD:.*]] = memref.alloc() : memref<1x2x6x10xf32>
// CHECK-NOT:  linalg.generic
// CHECK:      linalg.fill {{.*}} outs(%[[PAD]]
// CHECK:      linalg.copy
// CHECK:      affine.for
// CHECK:        %[[B0:.*]] = memref.load %[[B]][%{{.*}}] : memref<2xf32>
// CHECK-NEXT:   %[[START:.*]] = vector.broadcast %[[B0]] : f32 to vector<4xf32>
// CHECK-NOT:    vector.transfer_read %[[OUT]]
// CHECK:        affine.for %{{.*}} = 0 to 2 iter_args(%{{.*}} = %[[START]]
// CHECK:        %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<4xf32>
// CHECK-NEXT:   %[[RELU:.*]] = arith.maximumf %{{.*}}, %[[ZERO]] : vector<4xf32>
// CHECK:        vector.transfer_write %[[RELU]]
// CHECK-NOT:  linalg.generic
func.func @fused(%in: memref<1x2x4x8xf32>, %w: memref<2x2x1x1xf32>,
                 %bias: memref<2xf32>, %out: memref<1x2x4x8xf32>) {
  linalg.generic {indexing_maps = [#channel, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%bias : memref<2xf32>) outs(%out : memref<1x2x4x8xf32>) {
  ^bb0(%b: f32, %o: f32):
    linalg.yield %b : f32
  }
  %pad = memref.alloc() : memref<1x2x6x10xf32>
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%pad : memref<1x2x6x10xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 2, 4, 8] [1, 1, 1, 1]
      : memref<1x2x6x10xf32> to memref<1x2x4x8xf32, strided<[120, 60, 10, 1], offset: 11>>
  linalg.copy ins(%in : memref<1x2x4x8xf32>)
      outs(%interior : memref<1x2x4x8xf32, strided<[120, 60, 10, 1], offset: 11>>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x4x8xf32>, memref<2x2x1x1xf32>)
    outs(%out : memref<1x2x4x8xf32>)
  linalg.generic {indexing_maps = [#id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%out : memref<1x2x4x8xf32>) {
  ^bb0(%o: f32):
    %c0 = arith.constant 0.0 : f32
    %r = arith.maximumf %o, %c0 : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// A fill of the output is fused as the starting value; an activation whose
// constant is defined outside its body gets it broadcast.
// CHECK-LABEL: func.func @filled
// CHECK-SAME: %[[OUT:[^:]*]]: memref<1x1x2x4xf32>
// CHECK:      %[[SIX:.*]] = arith.constant 6.000000e+00 : f32
// CHECK:      %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NOT:  linalg.fill
// CHECK:      vector.broadcast %[[HALF]] : f32 to vector<4xf32>
// CHECK-NOT:  vector.transfer_read %[[OUT]]
// CHECK:      %[[CAP:.*]] = vector.broadcast %[[SIX]] : f32 to vector<4xf32>
// CHECK-NEXT: arith.minimumf %{{.*}}, %[[CAP]] : vector<4xf32>
// CHECK-NOT:  linalg.
func.func @filled(%in: memref<1x1x2x4xf32>, %w: memref<1x1x1x1xf32>,
                  %out: memref<1x1x2x4xf32>) {
  %six = arith.constant 6.0 : f32
  %half = arith.constant 0.5 : f32
  linalg.fill ins(%half : f32) outs(%out : memref<1x1x2x4xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x1x2x4xf32>, memref<1x1x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%out : memref<1x1x2x4xf32>) {
  ^bb0(%o: f32):
    %r = arith.minimumf %o, %six : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// A near miss, then an epilogue that reads a second buffer. The output is
// read (copied elsewhere) between its bias and the convolution: the bias
// stays a generic and the kernel reads the output. The generic after the
// convolution adds a second buffer in place (a residual add): fused, the
// kernel reads that buffer where it stores.
#channel = affine_map<(d0, d1, d2, d3) -> (d1)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @not_fused
// CHECK-SAME: %[[OUT:[^:]*]]: memref<1x1x2x4xf32>, %[[SAVED:[^:]*]]: memref<1x1x2x4xf32>
// CHECK:      linalg.generic
// CHECK:      linalg.copy ins(%[[OUT]]
// CHECK:      vector.transfer_read %{{.*}} : memref<1x1x1x8xf32>, vector<4xf32>
// CHECK:      affine.for %{{.*}} = 0 to 2 iter_args
// CHECK:      %[[RES:.*]] = vector.transfer_read %{{.*}} : memref<1x1x1x8xf32>, vector<4xf32>
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %{{.*}}, %[[RES]] : vector<4xf32>
// CHECK-NEXT: vector.transfer_write %[[SUM]]
// CHECK-NOT:  linalg.generic
func.func @not_fused(%in: memref<1x2x2x4xf32>, %w: memref<1x2x1x1xf32>,
                     %bias: memref<1xf32>, %out: memref<1x1x2x4xf32>,
                     %saved: memref<1x1x2x4xf32>) {
  linalg.generic {indexing_maps = [#channel, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%bias : memref<1xf32>) outs(%out : memref<1x1x2x4xf32>) {
  ^bb0(%b: f32, %o: f32):
    linalg.yield %b : f32
  }
  linalg.copy ins(%out : memref<1x1x2x4xf32>) outs(%saved : memref<1x1x2x4xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x2x4xf32>, memref<1x2x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%saved : memref<1x1x2x4xf32>) outs(%out : memref<1x1x2x4xf32>) {
  ^bb0(%s: f32, %o: f32):
    %r = arith.addf %o, %s : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Zero padding through bounds: the input buffer is only a zero fill plus a
// copy of %src in its interior, so the kernel reads %src and the fill and
// copy go. Row 0 and row 7 (whose taps reach above or below %src) are
// emitted alone, without those taps; rows 1 to 6 run in a loop with all 9
// taps. Each row is one block of 2 x 4 columns at a fixed column 0: its
// reads start at column -1 for tap kx = 0, so they are shifted with zeros.
// CHECK-LABEL: func.func @padded
// CHECK-SAME: (%[[SRC:.*]]: memref<1x2x8x8xf32>, %{{.*}}: memref<2x3x3xf32>, %{{.*}}: memref<1x2x8x8xf32>, %[[PAD:.*]]: memref<1x2x10x10xf32>)
// CHECK-NOT:  linalg.fill
// CHECK-NOT:  linalg.copy
// CHECK:      affine.for %{{.*}} = 0 to 2 {
// Row 0: taps ky = 1, 2 only.
// CHECK-NOT:    affine.for
// CHECK:        %[[WIDE:.*]] = vector.transfer_read %[[SRC]][%{{.*}}, %{{.*}}, %c0, %c0], %{{.*}} : memref<1x2x8x8xf32>, vector<4xf32>
// CHECK:        vector.shuffle %[[WIDE]], %{{.*}} [4, 0, 1, 2] : vector<4xf32>, vector<4xf32>
// CHECK-COUNT-12: vector.fma
// CHECK-NOT:    vector.fma
// CHECK:        vector.transfer_write
// Rows 1 to 6: every tap.
// CHECK:        affine.for %{{.*}} = 1 to 7 {
// CHECK-COUNT-18: vector.fma
// CHECK-NOT:      vector.fma
// CHECK:        }
// Row 7: taps ky = 0, 1 only.
// CHECK-COUNT-12: vector.fma
// CHECK-NOT:    vector.fma
// CHECK-NOT:  %[[PAD]]
func.func @padded(%src: memref<1x2x8x8xf32>, %w: memref<2x3x3xf32>,
                  %out: memref<1x2x8x8xf32>, %pad: memref<1x2x10x10xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%pad : memref<1x2x10x10xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 2, 8, 8] [1, 1, 1, 1]
      : memref<1x2x10x10xf32> to memref<1x2x8x8xf32, strided<[200, 100, 10, 1], offset: 11>>
  linalg.copy ins(%src : memref<1x2x8x8xf32>)
      outs(%interior : memref<1x2x8x8xf32, strided<[200, 100, 10, 1], offset: 11>>)
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%pad, %w : memref<1x2x10x10xf32>, memref<2x3x3xf32>)
    outs(%out : memref<1x2x8x8xf32>)
  return
}

// -----

// Near miss: the padded buffer is read by another op too, so it stays and
// the kernel reads it.
// CHECK-LABEL: func.func @padded_shared
// CHECK-SAME: %[[PAD:[^:]*]]: memref<1x1x6x6xf32>, %[[OTHER:[^:]*]]: memref<1x1x6x6xf32>)
// CHECK:      linalg.fill
// CHECK:      linalg.copy
// CHECK:      linalg.copy ins(%[[PAD]]
// CHECK:      vector.transfer_read %[[PAD]]
func.func @padded_shared(%src: memref<1x1x4x4xf32>, %w: memref<1x3x3xf32>,
                         %out: memref<1x1x4x4xf32>, %pad: memref<1x1x6x6xf32>,
                         %other: memref<1x1x6x6xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%pad : memref<1x1x6x6xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 1, 4, 4] [1, 1, 1, 1]
      : memref<1x1x6x6xf32> to memref<1x1x4x4xf32, strided<[36, 36, 6, 1], offset: 7>>
  linalg.copy ins(%src : memref<1x1x4x4xf32>)
      outs(%interior : memref<1x1x4x4xf32, strided<[36, 36, 6, 1], offset: 7>>)
  linalg.copy ins(%pad : memref<1x1x6x6xf32>) outs(%other : memref<1x1x6x6xf32>)
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%pad, %w : memref<1x1x6x6xf32>, memref<1x3x3xf32>)
    outs(%out : memref<1x1x4x4xf32>)
  return
}

// -----

// A plane too narrow for the vectors (5 columns: 5 of 8 lanes row by row)
// with size-keeping padding is read as one row of 15: 4 vectors cover it.
// Each tap reads a contiguous run of the unpadded plane, its lanes in the
// padding masked off (and shifted in as zeros before the plane's start);
// taps that read only padding (row -1 under the first vector) are left out.
// CHECK-LABEL: func.func @small_plane
// CHECK-SAME: (%[[SRC:.*]]: memref<1x1x3x5xf32>, %{{.*}}: memref<1x3x3xf32>, %[[OUT:.*]]: memref<1x1x3x5xf32>, %[[PAD:.*]]: memref<1x1x5x7xf32>)
// CHECK-NOT:  linalg.copy
// CHECK-DAG:  %[[IN_FLAT:.*]] = memref.collapse_shape %[[SRC]] {{\[}}[0], [1], [2, 3]] : memref<1x1x3x5xf32> into memref<1x1x15xf32>
// CHECK-DAG:  %[[IN:.*]] = memref.expand_shape %[[IN_FLAT]] {{.*}} into memref<1x1x1x15xf32>
// CHECK-DAG:  %[[OUT_FLAT:.*]] = memref.collapse_shape %[[OUT]]
// CHECK-DAG:  %[[OUTV:.*]] = memref.expand_shape %[[OUT_FLAT]] {{.*}} into memref<1x1x1x15xf32>
// Tap (0, 0) under the second vector (positions 4 to 7): only positions 6
// and 7 read the plane, at 0 and 1.
// CHECK:      %[[TAP:.*]] = vector.maskedload %[[IN]][%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}], %{{.*}}, %{{.*}} : memref<1x1x1x15xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
// CHECK:      vector.shuffle %[[TAP]], %{{.*}} [4, 4, 0, 1]
// Taps of row -1 skip the first vector, taps of row 3 the last: 30 FMAs.
// CHECK-COUNT-30: vector.fma
// CHECK-NOT:  vector.fma
// CHECK:      vector.transfer_write %{{.*}}, %[[OUTV]]
// CHECK-NOT:  %[[PAD]]
func.func @small_plane(%src: memref<1x1x3x5xf32>, %w: memref<1x3x3xf32>,
                       %out: memref<1x1x3x5xf32>, %pad: memref<1x1x5x7xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%pad : memref<1x1x5x7xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 1, 3, 5] [1, 1, 1, 1]
      : memref<1x1x5x7xf32> to memref<1x1x3x5xf32, strided<[35, 35, 7, 1], offset: 8>>
  linalg.copy ins(%src : memref<1x1x3x5xf32>)
      outs(%interior : memref<1x1x3x5xf32, strided<[35, 35, 7, 1], offset: 8>>)
  linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                     strides = dense<1> : tensor<2xi64>}
    ins(%pad, %w : memref<1x1x5x7xf32>, memref<1x3x3xf32>)
    outs(%out : memref<1x1x3x5xf32>)
  return
}

// -----

// Squeeze-and-excitation's excite step, y = x * s[n, c], read only by the
// convolution after it, is fused: the kernel reads x and scales, for each
// input channel, its vectors by s (2 vectors for 2 output channels: fewer or
// as many products as scaling the weights). The generic goes; y, now unused,
// is left to the canonicalizer.
#nc = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @excite
// CHECK-SAME: (%[[X:.*]]: memref<1x3x2x4xf32>, %[[S:.*]]: memref<1x3xf32>, %[[W:.*]]: memref<2x3x1x1xf32>, %[[OUT:.*]]: memref<1x2x2x4xf32>)
// CHECK-NOT:  linalg.generic
// CHECK:      %[[XV:.*]] = memref.expand_shape {{.*}} into memref<1x3x1x8xf32>
// CHECK:      affine.for %{{.*}} = 0 to 3 iter_args
// CHECK:        %[[SC:.*]] = memref.load %[[S]][%{{.*}}, %{{.*}}] : memref<1x3xf32>
// CHECK-NEXT:   %[[SCV:.*]] = vector.broadcast %[[SC]] : f32 to vector<4xf32>
// CHECK:        %[[IN0:.*]] = vector.transfer_read %[[XV]]
// CHECK:        %[[IN1:.*]] = vector.transfer_read %[[XV]]
// CHECK-NEXT:   %[[SCALED0:.*]] = arith.mulf %[[IN0]], %[[SCV]] : vector<4xf32>
// CHECK-NEXT:   %[[SCALED1:.*]] = arith.mulf %[[IN1]], %[[SCV]] : vector<4xf32>
// CHECK:        %[[WV:.*]] = memref.load %[[W]]
// CHECK-NEXT:   %[[WB:.*]] = vector.broadcast %[[WV]]
// CHECK-NEXT:   vector.fma %[[SCALED0]], %[[WB]]
// CHECK-NEXT:   vector.fma %[[SCALED1]], %[[WB]]
// CHECK-NOT:  linalg.generic
func.func @excite(%x: memref<1x3x2x4xf32>, %s: memref<1x3xf32>,
                  %w: memref<2x3x1x1xf32>, %out: memref<1x2x2x4xf32>) {
  %y = memref.alloc() : memref<1x3x2x4xf32>
  linalg.generic {indexing_maps = [#id, #nc, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %s : memref<1x3x2x4xf32>, memref<1x3xf32>) outs(%y : memref<1x3x2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %p = arith.mulf %a, %b : f32
    linalg.yield %p : f32
  }
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%y, %w : memref<1x3x2x4xf32>, memref<2x3x1x1xf32>)
    outs(%out : memref<1x2x2x4xf32>)
  return
}

// -----

// The same as torchvision writes it: the gate [1, c, 1, 1] broadcast, and
// first. One output channel under 2 vectors: each weight is scaled instead.
#gate = affine_map<(d0, d1, d2, d3) -> (0, d1, 0, 0)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @excite_broadcast
// CHECK-SAME: (%[[X:.*]]: memref<1x3x2x4xf32>, %[[S:.*]]: memref<1x3x1x1xf32>, %[[W:.*]]: memref<1x3x1x1xf32>,
// CHECK-NOT:  linalg.generic
// CHECK:        %[[SC:.*]] = memref.load %[[S]][%c0, %{{.*}}, %c0, %c0] : memref<1x3x1x1xf32>
// CHECK-NOT:    arith.mulf {{.*}} : vector<4xf32>
// CHECK:        %[[WV:.*]] = memref.load %[[W]]
// CHECK-NEXT:   arith.mulf %[[WV]], %[[SC]] : f32
// CHECK-NOT:  linalg.generic
func.func @excite_broadcast(%x: memref<1x3x2x4xf32>, %s: memref<1x3x1x1xf32>,
                            %w: memref<1x3x1x1xf32>, %out: memref<1x1x2x4xf32>) {
  %y = memref.alloc() : memref<1x3x2x4xf32>
  linalg.generic {indexing_maps = [#gate, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s, %x : memref<1x3x1x1xf32>, memref<1x3x2x4xf32>) outs(%y : memref<1x3x2x4xf32>) {
  ^bb0(%b: f32, %a: f32, %o: f32):
    %p = arith.mulf %b, %a : f32
    linalg.yield %p : f32
  }
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%y, %w : memref<1x3x2x4xf32>, memref<1x3x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  return
}

// -----

// Near miss: the scale is overwritten between the excite and the
// convolution, so the excite stays and the kernel reads its result.
#nc = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @excite_clobbered
// CHECK:      %[[Y:.*]] = memref.alloc
// CHECK:      linalg.generic {{.*}} outs(%[[Y]]
// CHECK:      linalg.fill
// CHECK:      memref.collapse_shape %[[Y]]
// CHECK-NOT:  arith.mulf
func.func @excite_clobbered(%x: memref<1x3x2x4xf32>, %s: memref<1x3xf32>,
                            %w: memref<2x3x1x1xf32>, %out: memref<1x2x2x4xf32>) {
  %y = memref.alloc() : memref<1x3x2x4xf32>
  linalg.generic {indexing_maps = [#id, #nc, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %s : memref<1x3x2x4xf32>, memref<1x3xf32>) outs(%y : memref<1x3x2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %p = arith.mulf %a, %b : f32
    linalg.yield %p : f32
  }
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%s : memref<1x3xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%y, %w : memref<1x3x2x4xf32>, memref<2x3x1x1xf32>)
    outs(%out : memref<1x2x2x4xf32>)
  return
}

// -----

// Max pooling is a depthwise window that combines by maximum: padded with the
// lowest float through bounds (fill and copy go), started from the fused
// fill of the output, no weights read. 3x3 stride 2 on 8x8 padded by 1: 4x4
// outputs; row 0 leaves out ky = 0, rows 1 to 3 have every tap. Reads at the
// left edge shift the lowest float in, not zeros.
// CHECK-LABEL: func.func @max_pool
// CHECK-SAME: (%[[SRC:.*]]: memref<1x2x8x8xf32>, %[[WIN:.*]]: memref<3x3xf32>, %[[OUT:.*]]: memref<1x2x4x4xf32>, %[[PAD:.*]]: memref<1x2x9x9xf32>)
// CHECK:      %[[LOWEST:.*]] = arith.constant -3.40282347E+38 : f32
// CHECK-NOT:  linalg.fill
// CHECK-NOT:  linalg.copy
// CHECK-NOT:  memref.load %[[WIN]]
// CHECK:      %[[PADDING:.*]] = arith.constant -3.40282347E+38 : f32
// CHECK:      affine.for %{{.*}} = 0 to 2 {
// CHECK:        %[[START:.*]] = vector.broadcast %[[LOWEST]] : f32 to vector<4xf32>
// CHECK:        %[[READ:.*]] = vector.transfer_read %[[SRC]]{{.*}}, %[[PADDING]] : memref<1x2x8x8xf32>, vector<8xf32>
// CHECK-NEXT:   %[[LOWESTS:.*]] = arith.constant dense<-3.40282347E+38> : vector<8xf32>
// CHECK-NEXT:   %[[TAP:.*]] = vector.shuffle %[[READ]], %[[LOWESTS]] [8, 1, 3, 5] : vector<8xf32>, vector<8xf32>
// CHECK-NEXT:   arith.maximumf %[[START]], %[[TAP]] : vector<4xf32>
// CHECK-COUNT-5: arith.maximumf
// CHECK-NOT:    arith.maximumf
// CHECK:        vector.transfer_write
// CHECK:        affine.for %{{.*}} = 1 to 4 {
// CHECK-COUNT-9:  arith.maximumf
// CHECK-NOT:      arith.maximumf
// CHECK:        }
// CHECK-NOT:  vector.fma
// CHECK-NOT:  %[[PAD]]
func.func @max_pool(%src: memref<1x2x8x8xf32>, %window: memref<3x3xf32>,
                    %out: memref<1x2x4x4xf32>, %pad: memref<1x2x9x9xf32>) {
  %lowest = arith.constant -3.40282347E+38 : f32
  linalg.fill ins(%lowest : f32) outs(%pad : memref<1x2x9x9xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 2, 8, 8] [1, 1, 1, 1]
      : memref<1x2x9x9xf32> to memref<1x2x8x8xf32, strided<[162, 81, 9, 1], offset: 10>>
  linalg.copy ins(%src : memref<1x2x8x8xf32>)
      outs(%interior : memref<1x2x8x8xf32, strided<[162, 81, 9, 1], offset: 10>>)
  linalg.fill ins(%lowest : f32) outs(%out : memref<1x2x4x4xf32>)
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<2> : tensor<2xi64>}
    ins(%pad, %window : memref<1x2x9x9xf32>, memref<3x3xf32>)
    outs(%out : memref<1x2x4x4xf32>)
  return
}

// -----

// As bufferization leaves a padded max pool (ResNet's): a memref.copy, then
// new buffers for the window and the output between the copy and the pool.
// They are none of the buffers the kernel reads: the fill and the copy go,
// the kernel reads the source through bounds.
// CHECK-LABEL: func.func @max_pool_bufferized
// CHECK-SAME: (%[[SRC:.*]]: memref<1x2x8x8xf32>)
// CHECK:      %[[PAD:.*]] = memref.alloc() : memref<1x2x9x9xf32>
// CHECK-NOT:  linalg.fill
// CHECK-NOT:  memref.copy
// CHECK:      vector.transfer_read %[[SRC]]
// CHECK-NOT:  vector.transfer_read %[[PAD]][
// CHECK:      return
func.func @max_pool_bufferized(%src: memref<1x2x8x8xf32>) -> memref<1x2x4x4xf32> {
  %lowest = arith.constant -3.40282347E+38 : f32
  %pad = memref.alloc() : memref<1x2x9x9xf32>
  linalg.fill ins(%lowest : f32) outs(%pad : memref<1x2x9x9xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 2, 8, 8] [1, 1, 1, 1]
      : memref<1x2x9x9xf32> to memref<1x2x8x8xf32, strided<[162, 81, 9, 1], offset: 10>>
  memref.copy %src, %interior
      : memref<1x2x8x8xf32> to memref<1x2x8x8xf32, strided<[162, 81, 9, 1], offset: 10>>
  %window = memref.alloc() : memref<3x3xf32>
  %out = memref.alloc() : memref<1x2x4x4xf32>
  linalg.fill ins(%lowest : f32) outs(%out : memref<1x2x4x4xf32>)
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<2> : tensor<2xi64>}
    ins(%pad, %window : memref<1x2x9x9xf32>, memref<3x3xf32>)
    outs(%out : memref<1x2x4x4xf32>)
  return %out : memref<1x2x4x4xf32>
}

// -----

// Near miss: the source is written between the copy and the pool (a fill
// of it), so the padded copy, which holds the old values, is what the pool
// must read: fill and copy stay.
// CHECK-LABEL: func.func @max_pool_source_written
// CHECK-SAME: (%[[SRC:.*]]: memref<1x2x8x8xf32>)
// CHECK:      %[[PAD:.*]] = memref.alloc() : memref<1x2x9x9xf32>
// CHECK:      linalg.fill {{.*}} outs(%[[PAD]]
// CHECK:      memref.copy %[[SRC]]
// CHECK:      vector.transfer_read %[[PAD]][
func.func @max_pool_source_written(%src: memref<1x2x8x8xf32>) -> memref<1x2x4x4xf32> {
  %lowest = arith.constant -3.40282347E+38 : f32
  %zero = arith.constant 0.0 : f32
  %pad = memref.alloc() : memref<1x2x9x9xf32>
  linalg.fill ins(%lowest : f32) outs(%pad : memref<1x2x9x9xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 2, 8, 8] [1, 1, 1, 1]
      : memref<1x2x9x9xf32> to memref<1x2x8x8xf32, strided<[162, 81, 9, 1], offset: 10>>
  memref.copy %src, %interior
      : memref<1x2x8x8xf32> to memref<1x2x8x8xf32, strided<[162, 81, 9, 1], offset: 10>>
  %window = memref.alloc() : memref<3x3xf32>
  linalg.fill ins(%zero : f32) outs(%src : memref<1x2x8x8xf32>)
  %out = memref.alloc() : memref<1x2x4x4xf32>
  linalg.fill ins(%lowest : f32) outs(%out : memref<1x2x4x4xf32>)
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<2> : tensor<2xi64>}
    ins(%pad, %window : memref<1x2x9x9xf32>, memref<3x3xf32>)
    outs(%out : memref<1x2x4x4xf32>)
  return %out : memref<1x2x4x4xf32>
}

// -----

// Near miss: a max pool whose padded buffer holds zeros, not the lowest
// float, keeps its padded copy (reading through bounds would pad with the
// lowest float): the kernel reads the padded buffer.
// CHECK-LABEL: func.func @max_pool_zero_padded
// CHECK-SAME: %[[PAD:[^:]*]]: memref<1x1x6x6xf32>)
// CHECK:      linalg.fill
// CHECK:      linalg.copy
// CHECK:      vector.transfer_read %[[PAD]]
// CHECK:      arith.maximumf
func.func @max_pool_zero_padded(%src: memref<1x1x4x4xf32>, %window: memref<3x3xf32>,
                                %out: memref<1x1x4x4xf32>, %pad: memref<1x1x6x6xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%pad : memref<1x1x6x6xf32>)
  %interior = memref.subview %pad[0, 0, 1, 1] [1, 1, 4, 4] [1, 1, 1, 1]
      : memref<1x1x6x6xf32> to memref<1x1x4x4xf32, strided<[36, 36, 6, 1], offset: 7>>
  linalg.copy ins(%src : memref<1x1x4x4xf32>)
      outs(%interior : memref<1x1x4x4xf32, strided<[36, 36, 6, 1], offset: 7>>)
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<1> : tensor<2xi64>}
    ins(%pad, %window : memref<1x1x6x6xf32>, memref<3x3xf32>)
    outs(%out : memref<1x1x4x4xf32>)
  return
}

// -----

// Sum pooling (average pooling's sums) combines by addition, padded with
// zero; 2x2 stride 2 without padding.
// CHECK-LABEL: func.func @sum_pool
// CHECK-NOT:  linalg.pooling_nchw_sum
// CHECK:      vector.transfer_read
// CHECK-COUNT-4: arith.addf {{.*}} : vector<4xf32>
// CHECK-NOT:  vector.fma
func.func @sum_pool(%x: memref<1x1x8x8xf32>, %window: memref<2x2xf32>,
                    %out: memref<1x1x4x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<1x1x4x4xf32>)
  linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>,
                           strides = dense<2> : tensor<2xi64>}
    ins(%x, %window : memref<1x1x8x8xf32>, memref<2x2xf32>)
    outs(%out : memref<1x1x4x4xf32>)
  return
}

// -----

// A residual add into another buffer (how bufferization leaves
// y = x + conv(...)): the kernel reads %residual where it stores and writes
// the sums to %sum; the output buffer, which nothing else reads, is no
// longer written, and the generic goes.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @residual
// CHECK-SAME: (%{{.*}}: memref<1x2x2x4xf32>, %{{.*}}: memref<1x2x1x1xf32>, %[[OUT:[^:]*]]: memref<1x1x2x4xf32>, %[[RESIDUAL:[^:]*]]: memref<1x1x2x4xf32>, %[[SUM:[^:]*]]: memref<1x1x2x4xf32>)
// CHECK-DAG:  %[[SUMC:.*]] = memref.collapse_shape %[[SUM]]
// CHECK-DAG:  %[[SUMV:.*]] = memref.expand_shape %[[SUMC]]
// CHECK-DAG:  %[[RESC:.*]] = memref.collapse_shape %[[RESIDUAL]]
// CHECK-DAG:  %[[RESV:.*]] = memref.expand_shape %[[RESC]]
// CHECK-NOT:  vector.transfer_write {{.*}} %[[OUT]]
// CHECK:      %[[R:.*]] = vector.transfer_read %[[RESV]]
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[R]], %{{.*}} : vector<4xf32>
// CHECK-NEXT: vector.transfer_write %[[S]], %[[SUMV]]
// CHECK-NOT:  linalg.generic
func.func @residual(%in: memref<1x2x2x4xf32>, %w: memref<1x2x1x1xf32>,
                    %out: memref<1x1x2x4xf32>, %residual: memref<1x1x2x4xf32>,
                    %sum: memref<1x1x2x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<1x1x2x4xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x2x4xf32>, memref<1x2x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%residual, %out : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
      outs(%sum : memref<1x1x2x4xf32>) {
  ^bb0(%r: f32, %c: f32, %o: f32):
    %a = arith.addf %r, %c : f32
    linalg.yield %a : f32
  }
  return
}

// -----

// Near misses for an add into another buffer: the output is read again
// later (it must hold the convolution), and the sum would overwrite the
// convolution's own input while the kernel still reads it.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @residual_output_read_later
// CHECK:      linalg.generic
// CHECK-LABEL: func.func @residual_into_input
// CHECK:      linalg.generic
func.func @residual_output_read_later(%in: memref<1x2x2x4xf32>, %w: memref<1x2x1x1xf32>,
                                      %out: memref<1x1x2x4xf32>, %residual: memref<1x1x2x4xf32>,
                                      %sum: memref<1x1x2x4xf32>, %copy: memref<1x1x2x4xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x2x4xf32>, memref<1x2x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%residual, %out : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
      outs(%sum : memref<1x1x2x4xf32>) {
  ^bb0(%r: f32, %c: f32, %o: f32):
    %a = arith.addf %r, %c : f32
    linalg.yield %a : f32
  }
  linalg.copy ins(%out : memref<1x1x2x4xf32>) outs(%copy : memref<1x1x2x4xf32>)
  return
}
func.func @residual_into_input(%in: memref<1x1x2x4xf32>, %w: memref<1x1x1x1xf32>,
                               %out: memref<1x1x2x4xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x1x2x4xf32>, memref<1x1x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%out : memref<1x1x2x4xf32>) outs(%in : memref<1x1x2x4xf32>) {
  ^bb0(%c: f32, %o: f32):
    %a = arith.addf %c, %o : f32
    linalg.yield %a : f32
  }
  return
}

// -----

// A ReLU after the residual add (ResNet's blocks), into a new buffer
// allocated between: fused after the add, so the kernel stores
// max(residual + sums, 0) into the ReLU's buffer, which moves above it;
// the add's buffer, read by nothing else, is not written, and both generics
// go.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @residual_relu
// CHECK-SAME: (%{{.*}}: memref<1x2x2x4xf32>, %{{.*}}: memref<1x2x1x1xf32>, %{{.*}}: memref<1x1x2x4xf32>, %[[RESIDUAL:[^:]*]]: memref<1x1x2x4xf32>)
// CHECK:      memref.alloc() : memref<1x1x2x4xf32>
// CHECK-NEXT: %[[RELU:.*]] = memref.alloc() : memref<1x1x2x4xf32>
// CHECK:      %[[RELUC:.*]] = memref.collapse_shape %[[RELU]]
// CHECK:      %[[RELUV:.*]] = memref.expand_shape %[[RELUC]]
// CHECK:      %[[RESC:.*]] = memref.collapse_shape %[[RESIDUAL]]
// CHECK:      %[[RESV:.*]] = memref.expand_shape %[[RESC]]
// CHECK:      %[[R:.*]] = vector.transfer_read %[[RESV]]
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[R]], %{{.*}} : vector<4xf32>
// CHECK-NEXT: %[[ZERO:.*]] = vector.broadcast
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[S]], %[[ZERO]] : vector<4xf32>
// CHECK-NEXT: vector.transfer_write %[[M]], %[[RELUV]]
// CHECK-NOT:  linalg.generic
// CHECK:      return %[[RELU]]
func.func @residual_relu(%in: memref<1x2x2x4xf32>, %w: memref<1x2x1x1xf32>,
                         %out: memref<1x1x2x4xf32>, %residual: memref<1x1x2x4xf32>)
    -> memref<1x1x2x4xf32> {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<1x1x2x4xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x2x4xf32>, memref<1x2x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  %sum = memref.alloc() : memref<1x1x2x4xf32>
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%residual, %out : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
      outs(%sum : memref<1x1x2x4xf32>) {
  ^bb0(%r: f32, %c: f32, %o: f32):
    %a = arith.addf %r, %c : f32
    linalg.yield %a : f32
  }
  %relu = memref.alloc() : memref<1x1x2x4xf32>
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%sum : memref<1x1x2x4xf32>) outs(%relu : memref<1x1x2x4xf32>) {
  ^bb0(%s: f32, %o: f32):
    %m = arith.maximumf %s, %zero : f32
    linalg.yield %m : f32
  }
  return %relu : memref<1x1x2x4xf32>
}

// -----

// Near misses for the op after the add: the add's result is read again
// later (it must hold the sum), and the op reads another buffer too.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @residual_relu_sum_read_later
// CHECK:      vector.transfer_write
// CHECK:      linalg.generic
// CHECK:      memref.copy
// CHECK-LABEL: func.func @residual_then_binary
// CHECK:      vector.transfer_write
// CHECK:      linalg.generic
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
func.func @residual_relu_sum_read_later(
    %in: memref<1x2x2x4xf32>, %w: memref<1x2x1x1xf32>, %out: memref<1x1x2x4xf32>,
    %residual: memref<1x1x2x4xf32>, %sum: memref<1x1x2x4xf32>,
    %relu: memref<1x1x2x4xf32>, %copy: memref<1x1x2x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<1x1x2x4xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x2x4xf32>, memref<1x2x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%residual, %out : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
      outs(%sum : memref<1x1x2x4xf32>) {
  ^bb0(%r: f32, %c: f32, %o: f32):
    %a = arith.addf %r, %c : f32
    linalg.yield %a : f32
  }
  linalg.generic {indexing_maps = [#id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%sum : memref<1x1x2x4xf32>) outs(%relu : memref<1x1x2x4xf32>) {
  ^bb0(%s: f32, %o: f32):
    %m = arith.maximumf %s, %zero : f32
    linalg.yield %m : f32
  }
  memref.copy %sum, %copy : memref<1x1x2x4xf32> to memref<1x1x2x4xf32>
  return
}
func.func @residual_then_binary(
    %in: memref<1x2x2x4xf32>, %w: memref<1x2x1x1xf32>, %out: memref<1x1x2x4xf32>,
    %residual: memref<1x1x2x4xf32>, %sum: memref<1x1x2x4xf32>,
    %other: memref<1x1x2x4xf32>, %result: memref<1x1x2x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<1x1x2x4xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x2x4xf32>, memref<1x2x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%residual, %out : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
      outs(%sum : memref<1x1x2x4xf32>) {
  ^bb0(%r: f32, %c: f32, %o: f32):
    %a = arith.addf %r, %c : f32
    linalg.yield %a : f32
  }
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%sum, %other : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
      outs(%result : memref<1x1x2x4xf32>) {
  ^bb0(%s: f32, %t: f32, %o: f32):
    %m = arith.mulf %s, %t : f32
    linalg.yield %m : f32
  }
  return
}

// -----

// The epilogue's output allocated between the convolution and the add (as
// bufferization leaves it): the allocation moves above the kernel, which
// stores into it.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @residual_allocated
// CHECK:      %[[SUM:.*]] = memref.alloc() : memref<1x1x2x4xf32>
// CHECK:      %[[SUMC:.*]] = memref.collapse_shape %[[SUM]]
// CHECK:      affine.for
// CHECK:      arith.addf {{.*}} : vector<4xf32>
// CHECK-NOT:  linalg.generic
// CHECK:      return %[[SUM]]
func.func @residual_allocated(%in: memref<1x2x2x4xf32>, %w: memref<1x2x1x1xf32>,
                              %out: memref<1x1x2x4xf32>,
                              %residual: memref<1x1x2x4xf32>) -> memref<1x1x2x4xf32> {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x2x2x4xf32>, memref<1x2x1x1xf32>)
    outs(%out : memref<1x1x2x4xf32>)
  %sum = memref.alloc() : memref<1x1x2x4xf32>
  linalg.generic {indexing_maps = [#id, #id, #id],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%out, %residual : memref<1x1x2x4xf32>, memref<1x1x2x4xf32>)
      outs(%sum : memref<1x1x2x4xf32>) {
  ^bb0(%c: f32, %r: f32, %o: f32):
    %a = arith.addf %c, %r : f32
    linalg.yield %a : f32
  }
  return %sum : memref<1x1x2x4xf32>
}
