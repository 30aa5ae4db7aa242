// RUN: ghostc-opt %s --ghost-approximate-math | FileCheck %s

// exp on f32 scalars and vectors becomes arithmetic (no call to expf is left
// for the LLVM lowering); other math ops stay.

// CHECK-LABEL: func.func @exp
// CHECK-NOT: math.exp
// CHECK: arith.mulf
// CHECK: arith.select
// CHECK: math.log
// CHECK-NOT: math.exp
// CHECK: return
func.func @exp(%x: f32, %v: vector<8xf32>) -> (f32, vector<8xf32>, f32) {
  %a = math.exp %x : f32
  %b = math.exp %v : vector<8xf32>
  %c = math.log %x : f32
  return %a, %b, %c : f32, vector<8xf32>, f32
}
