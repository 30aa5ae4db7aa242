// RUN: ghostc-opt %s --split-input-file --ghost-approximate-math | FileCheck %s

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

// -----

// tanh (the sigmoid's, 0.5 + 0.5 * tanh(x / 2)) becomes one rational
// function: the input clamped, odd and even polynomials in x^2, one
// division, and x itself for tiny inputs.
// CHECK-LABEL: func.func @tanh
// CHECK-NOT: math.tanh
// CHECK: math.fma
// CHECK: arith.divf
// CHECK: arith.select
// CHECK-NOT: math.tanh
// CHECK: return
func.func @tanh(%v: vector<16xf32>) -> vector<16xf32> {
  %a = math.tanh %v : vector<16xf32>
  return %a : vector<16xf32>
}
