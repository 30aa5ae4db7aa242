// RUN: ghostc-opt %s --split-input-file \
// RUN:   --ghost-lower-convolutions="vector-width=4 channel-block=2 vector-block=2" \
// RUN: | FileCheck %s

// A 3x3 stride-1 convolution, 5 output channels: two blocks of 2 channels
// and one single channel; rows of 8 columns: one block of 2 x 4 columns, no
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
// CHECK:        affine.for %{{.*}} = 4 to 5 {
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
