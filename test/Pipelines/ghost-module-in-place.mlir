// RUN: ghostc-opt %s --ghost-graph-pipeline --convert-ghost-to-linalg \
// RUN:   --one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map" \
// RUN:   --cse --canonicalize --ghost-plan-memory | FileCheck %s

// The Ghost module computes both halves straight into its result: the
// primary half into channels [0, 8) of the output argument, the kept cheap
// channels into [8, 15). The one copy left writes the primary half into the
// zero-padded scratch the 3x3 cheap convolution reads; nothing is copied
// into the result, and nothing is concatenated or sliced.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: memref<1x16x8x8xf32> {llvm.noalias}, %[[OUT:.*]]: memref<1x15x8x8xf32> {llvm.noalias}, %[[WS:.*]]: memref<3200xi8> {llvm.noalias})
// CHECK: %[[PRIMARY:.*]] = memref.subview %[[OUT]][0, 0, 0, 0] [1, 8, 8, 8] [1, 1, 1, 1]
// CHECK: linalg.conv_2d_nchw_fchw {{.*}} ins(%[[X]], %{{.*}} : memref<1x16x8x8xf32>, memref<8x16x1x1xf32>) outs(%[[PRIMARY]] :
// CHECK: %[[PADDED:.*]] = memref.view %[[WS]][%{{.*}}][] : memref<3200xi8> to memref<1x8x10x10xf32>
// CHECK: linalg.copy ins(%[[PRIMARY]] : {{.*}}) outs(%{{.*}} : memref<1x8x8x8xf32, strided<[800, 100, 10, 1], offset: 11>>)
// CHECK: %[[CHEAP:.*]] = memref.subview %[[OUT]][0, 8, 0, 0] [1, 7, 8, 8] [1, 1, 1, 1]
// CHECK: %[[KEPT:.*]] = memref.subview %[[PADDED]][0, 0, 0, 0] [1, 7, 10, 10] [1, 1, 1, 1]
// CHECK: linalg.depthwise_conv_2d_nchw_chw {{.*}} ins(%[[KEPT]], %{{.*}} : memref<1x7x10x10xf32{{.*}}>, memref<7x3x3xf32{{.*}}>) outs(%[[CHEAP]] :
// CHECK-NOT: linalg.copy
// CHECK: return
func.func @main(%x: tensor<1x16x8x8xf32>) -> tensor<1x15x8x8xf32> {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %bp = ghost.constant dense<0.5> : tensor<8xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x1x3x3xf32>
  %bc = ghost.constant dense<0.25> : tensor<8xf32>
  %y = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 15 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x15x8x8xf32>
  return %y : tensor<1x15x8x8xf32>
}
