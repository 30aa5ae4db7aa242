// RUN: ghostc-opt %s --ghost-to-loops-pipeline | FileCheck %s

// The Ghost module's cheap 3x3 convolution reads the primary half through
// bounds: the zero-padded scratch it would read is neither filled, copied nor
// given space in the workspace, because the kernels are lowered before the
// memory plan.

// CHECK-LABEL: func.func private @layer.anonymous
// CHECK-SAME: (%{{.*}}: memref<1x16x8x8xf32> {llvm.noalias}, %{{.*}}: memref<1x16x8x8xf32> {llvm.noalias})
// CHECK-NOT: memref.copy
// CHECK-NOT: memref<1x8x10x10xf32
// CHECK-LABEL: func.func @main
// CHECK-SAME: %{{.*}}: memref<0xi8> {llvm.noalias}
// CHECK-SAME: ghost.workspace_size = 0
func.func @main(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %wp = ghost.constant dense<1.0> : tensor<8x16x1x1xf32>
  %bp = ghost.constant dense<0.5> : tensor<8xf32>
  %wc = ghost.constant dense<2.0> : tensor<8x1x3x3xf32>
  %bc = ghost.constant dense<0.25> : tensor<8xf32>
  %y = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %y : tensor<1x16x8x8xf32>
}
