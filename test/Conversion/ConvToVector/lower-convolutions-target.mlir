// RUN: ghostc-opt %s --split-input-file --ghost-lower-convolutions | FileCheck %s
// RUN: ghostc-opt %s --split-input-file --ghost-lower-convolutions="vector-width=4" | FileCheck %s --check-prefix=OVERRIDE

// Without options, ghost-lower-convolutions takes its blocking from the
// module's ghost.target. AVX-512 (512-bit vectors, 32 registers): vectors of
// 16 lanes, blocks of 6 channels x 4 vectors (24 accumulators). 12 output
// channels: two whole blocks; the 1x1 convolution's 8x8 planes, read as one
// row of 64 columns, are one column block, outside the channel blocks.
// CHECK-LABEL: func.func @avx512
// CHECK:      affine.for %{{.*}} = 0 to 64 step 64 {
// CHECK:        affine.for %{{.*}} = 0 to 12 step 6 {
// CHECK:          %{{.*}}:24 = affine.for %{{.*}} = 0 to 8 iter_args({{.*}}) -> ({{.*}}vector<16xf32>)
// An explicit option wins over the target.
// OVERRIDE-LABEL: func.func @avx512
// OVERRIDE:      affine.for %{{.*}} = 0 to 64 step 16 {
// OVERRIDE:        affine.for %{{.*}} = 0 to 12 step 6 {
// OVERRIDE:          %{{.*}}:24 = affine.for {{.*}} -> ({{.*}}vector<4xf32>)
module attributes {ghost.target = {cpu = "skylake-avx512", fma = true, triple = "x86_64-pc-linux-gnu", vector_bits = 512 : i64, vector_registers = 32 : i64}} {
  func.func @avx512(%in: memref<1x8x8x8xf32>, %w: memref<12x8x1x1xf32>,
                    %out: memref<1x12x8x8xf32>) {
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                              strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x8x8x8xf32>, memref<12x8x1x1xf32>)
      outs(%out : memref<1x12x8x8xf32>)
    return
  }
}

// -----

// 16 registers of 128 bits (SSE2, the x86-64 baseline): 4 lanes, blocks of
// 6 channels x 2 vectors.
// CHECK-LABEL: func.func @sse
// CHECK:      affine.for %{{.*}} = 0 to 64 step 8 {
// CHECK:        affine.for %{{.*}} = 0 to 12 step 6 {
// CHECK:          %{{.*}}:12 = affine.for {{.*}} -> ({{.*}}vector<4xf32>)
module attributes {ghost.target = {cpu = "x86-64", fma = false, triple = "x86_64-pc-linux-gnu", vector_bits = 128 : i64, vector_registers = 16 : i64}} {
  func.func @sse(%in: memref<1x8x8x8xf32>, %w: memref<12x8x1x1xf32>,
                 %out: memref<1x12x8x8xf32>) {
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                              strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x8x8x8xf32>, memref<12x8x1x1xf32>)
      outs(%out : memref<1x12x8x8xf32>)
    return
  }
}

// -----

// No target recorded: 8 lanes, 4 channels x 2 vectors.
// CHECK-LABEL: func.func @untargeted
// CHECK:      affine.for %{{.*}} = 0 to 64 step 16 {
// CHECK:        affine.for %{{.*}} = 0 to 12 step 4 {
// CHECK:          %{{.*}}:8 = affine.for {{.*}} -> ({{.*}}vector<8xf32>)
func.func @untargeted(%in: memref<1x8x8x8xf32>, %w: memref<12x8x1x1xf32>,
                      %out: memref<1x12x8x8xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                            strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : memref<1x8x8x8xf32>, memref<12x8x1x1xf32>)
    outs(%out : memref<1x12x8x8xf32>)
  return
}

// -----

// Depthwise on AVX-512: one channel at a time, in blocks of 12 rows (the 24
// accumulators over rows of 2 vectors of 16): rows 0 to 23 in a loop, 24 to
// 27 as one block. Each block reads 14 input rows, each of its 2 vectors
// at 3 taps once, for every output row whose window covers it.
// CHECK-LABEL: func.func @depthwise_avx512
// CHECK:      affine.for %[[F:.*]] = 0 to 12 {
// CHECK:        affine.for %{{.*}} = 0 to 24 step 12 {
// CHECK-COUNT-24: vector.transfer_read %arg2
// CHECK-COUNT-2:  vector.transfer_read %arg0[%{{[^,]*}}, %[[F]],
// CHECK:          memref.load %arg1[%[[F]], %c0, %c0]
// CHECK-COUNT-2:  vector.fma
// CHECK-NOT:      vector.transfer_write
// CHECK-COUNT-82: vector.transfer_read %arg0
// CHECK-NOT:      vector.transfer_read %arg0
// CHECK-COUNT-24: vector.transfer_write
// CHECK:        }
// CHECK-COUNT-8: vector.transfer_read %arg2
// CHECK-NOT:    affine.for
// CHECK-COUNT-8: vector.transfer_write
module attributes {ghost.target = {cpu = "skylake-avx512", fma = true, triple = "x86_64-pc-linux-gnu", vector_bits = 512 : i64, vector_registers = 32 : i64}} {
  func.func @depthwise_avx512(%in: memref<1x12x30x30xf32>, %w: memref<12x3x3xf32>,
                              %out: memref<1x12x28x28xf32>) {
    linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                       strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x12x30x30xf32>, memref<12x3x3xf32>)
      outs(%out : memref<1x12x28x28xf32>)
    return
  }
}

// -----

// Depthwise with 4 lanes (NEON here): one row of one channel at a time,
// since row ends are read lane by lane and more channels, or rows, in
// flight would spill.
// CHECK-LABEL: func.func @depthwise_neon
// CHECK:      affine.for %{{.*}} = 0 to 12 {
// CHECK:        affine.for %{{.*}} = 0 to 28 {
module attributes {ghost.target = {cpu = "cortex-a76", fma = true, triple = "aarch64-unknown-linux-gnu", vector_bits = 128 : i64, vector_registers = 32 : i64}} {
  func.func @depthwise_neon(%in: memref<1x12x30x30xf32>, %w: memref<12x3x3xf32>,
                            %out: memref<1x12x28x28xf32>) {
    linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>,
                                       strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x12x30x30xf32>, memref<12x3x3xf32>)
      outs(%out : memref<1x12x28x28xf32>)
    return
  }
}

// -----

// A 1x1 convolution over a plane read as one row: column blocks outside,
// channel blocks inside, so that the input under a column block stays in
// L1 while every output channel reads it. 14 channels: two blocks of 6 and
// one of 2; 100 columns: one whole block of 64, then 36 (3 vectors, the last
// masked), each with the same channel blocks.
// CHECK-LABEL: func.func @columns_outer
// CHECK:      affine.for %[[X:.*]] = 0 to 64 step 64 {
// CHECK-NEXT:   affine.for %{{.*}} = 0 to 12 step 6 {
// CHECK:          %{{.*}}:24 = affine.for %{{.*}} = 0 to 8 iter_args(
// CHECK:        %{{.*}}:8 = affine.for %{{.*}} = 0 to 8 iter_args(
// CHECK:      }
// CHECK:      affine.for %{{.*}} = 0 to 12 step 6 {
// CHECK:        %{{.*}}:18 = affine.for %{{.*}} = 0 to 8 iter_args(
// CHECK:      %{{.*}}:6 = affine.for %{{.*}} = 0 to 8 iter_args(
module attributes {ghost.target = {cpu = "skylake-avx512", fma = true, triple = "x86_64-pc-linux-gnu", vector_bits = 512 : i64, vector_registers = 32 : i64}} {
  func.func @columns_outer(%in: memref<1x8x10x10xf32>, %w: memref<14x8x1x1xf32>,
                           %out: memref<1x14x10x10xf32>) {
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                              strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x8x10x10xf32>, memref<14x8x1x1xf32>)
      outs(%out : memref<1x14x10x10xf32>)
    return
  }
}

// -----

// A 3x3 convolution has many rows: channel blocks stay outside.
// CHECK-LABEL: func.func @rows_inside
// CHECK:      affine.for %{{.*}} = 0 to 12 step 6 {
// CHECK-NEXT:   affine.for %{{.*}} = 0 to 8 {
module attributes {ghost.target = {cpu = "skylake-avx512", fma = true, triple = "x86_64-pc-linux-gnu", vector_bits = 512 : i64, vector_registers = 32 : i64}} {
  func.func @rows_inside(%in: memref<1x8x10x66xf32>, %w: memref<12x8x3x3xf32>,
                         %out: memref<1x12x8x64xf32>) {
    linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                              strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : memref<1x8x10x66xf32>, memref<12x8x3x3xf32>)
      outs(%out : memref<1x12x8x64xf32>)
    return
  }
}
