// RUN: ghostc-opt %s -split-input-file --ghost-describe-layers | FileCheck %s --check-prefix=DESCRIBE
// RUN: ghostc-opt %s -split-input-file --ghost-profile-layers=prefix=net | FileCheck %s --check-prefix=PROFILE

// ghost-describe-layers: per ONNX node (the name in the ops' locations), its
// ops, the shape of its last result and its FLOPs. Node "a": a 3x3 conv of
// 2 channels into 4 on 8x8 (2 * 256 outputs * 18 taps = 9216) and its relu
// (256); "g": a Ghost module, primary 4x2x1x1 and cheap 4x1x3x3 weights at
// 8x8 (2 * 64 * (16 + 36) = 6656); "s": SE with 2x8 and 8x2 weights on
// 1x8x8x8 (2 * (16 + 16) + 2 * 512 = 1088); "f": a reshape (no FLOPs) and a
// gemm 1x512 by 512x3 (2 * 3 * 512 = 3072). Constants and unnamed ops count
// for no node.

// DESCRIBE: module attributes {ghost.layers = {a = ["conv+relu", "1x4x8x8", 9472], f = ["reshape+gemm", "1x3", 3072], g = ["ghost_module", "1x8x8x8", 6656], s = ["se", "1x8x8x8", 1088]}}
func.func @main(%x: tensor<1x2x8x8xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>,
                %pw: tensor<4x4x1x1xf32>, %cw: tensor<4x1x3x3xf32>, %b4: tensor<4xf32>,
                %w1: tensor<2x8xf32>, %b2: tensor<2xf32>, %w2: tensor<8x2xf32>, %b8: tensor<8xf32>,
                %fw: tensor<512x3xf32>) -> tensor<1x3xf32> {
  %c = ghost.conv %x, %w, %b {pads = array<i64: 1, 1, 1, 1>} act none : (tensor<1x2x8x8xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32> loc("a")
  %r = ghost.relu %c : tensor<1x4x8x8xf32> loc("a")
  %g = ghost.ghost_module %r, %pw, %b4, %cw, %b4 {oup = 8, ratio = 2, kernel = 1, dw_size = 3, stride = 1} act relu : (tensor<1x4x8x8xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>, tensor<4x1x3x3xf32>, tensor<4xf32>) -> tensor<1x8x8x8xf32> loc("g")
  %s = ghost.se %g, %w1, %b2, %w2, %b8 gate hard_sigmoid : (tensor<1x8x8x8xf32>, tensor<2x8xf32>, tensor<2xf32>, tensor<8x2xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32> loc("s")
  %flat = ghost.reshape %s : tensor<1x8x8x8xf32> -> tensor<1x512xf32> loc("f")
  %y = ghost.gemm %flat, %fw act none : (tensor<1x512xf32>, tensor<512x3xf32>) -> tensor<1x3xf32> loc("f")
  return %y : tensor<1x3xf32>
}

// -----

// ghost-profile-layers: every call of a layer function in the model function
// (the one with ghost.workspace_size) between two clock_gettime readings,
// its nanoseconds added to net_profile_ns[i]; net_profile_table lists the
// layers in call order ("?" for a node ghost.layers does not describe). The
// attribute goes; calls of external functions are not layers.

// PROFILE-NOT: ghost.layers
// "a\tconv\t1x4\t9\nb\t?\t?\t0\n\0":
// PROFILE: memref.global "public" constant @net_profile_table : memref<22xi8> = dense<[97, 9, 99, 111, 110, 118, 9, 49, 120, 52, 9, 57, 10, 98, 9, 63, 9, 63, 9, 48, 10, 0]>
// PROFILE: memref.global "public" @net_profile_ns : memref<2xi64> = dense<0>
// PROFILE: func.func private @clock_gettime(i32, memref<2xi64>) -> i32
// PROFILE-LABEL: func.func @main(%arg0: memref<4xf32>)
// PROFILE: %[[CLOCK:.*]] = memref.alloca() : memref<2xi64>
// PROFILE: %[[NS:.*]] = memref.get_global @net_profile_ns : memref<2xi64>
// PROFILE: call @clock_gettime(%{{.*}}, %[[CLOCK]])
// PROFILE: %[[S0:.*]] = arith.addi
// PROFILE-NEXT: call @layer.a(%arg0)
// PROFILE: call @clock_gettime(%{{.*}}, %[[CLOCK]])
// PROFILE: %[[E0:.*]] = arith.addi
// PROFILE-NEXT: %[[D0:.*]] = arith.subi %[[E0]], %[[S0]] : i64
// PROFILE-NEXT: %[[I0:.*]] = arith.constant 0 : index
// PROFILE-NEXT: %[[T0:.*]] = memref.load %[[NS]][%[[I0]]] : memref<2xi64>
// PROFILE-NEXT: %[[U0:.*]] = arith.addi %[[T0]], %[[D0]] : i64
// PROFILE-NEXT: memref.store %[[U0]], %[[NS]][%[[I0]]] : memref<2xi64>
// PROFILE: call @external(%arg0)
// PROFILE: call @clock_gettime
// PROFILE: call @layer.b(%arg0)
// PROFILE: %[[I1:.*]] = arith.constant 1 : index
// PROFILE: return
module attributes {ghost.layers = {a = ["conv", "1x4", 9]}} {
  func.func private @external(memref<4xf32>)
  func.func private @layer.a(%x: memref<4xf32>) {
    return
  }
  func.func private @layer.b(%x: memref<4xf32>) {
    return
  }
  func.func @main(%x: memref<4xf32>) attributes {ghost.workspace_size = 0 : i64} {
    call @layer.a(%x) : (memref<4xf32>) -> () loc("a")
    call @external(%x) : (memref<4xf32>) -> () loc("e")
    call @layer.b(%x) : (memref<4xf32>) -> () loc("b")
    return
  }
}
