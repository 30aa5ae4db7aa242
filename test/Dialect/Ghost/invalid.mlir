// RUN: ghostc-opt %s -split-input-file -verify-diagnostics

// One case per verifier rule of the ghost dialect: the ODS operand, result and
// attribute constraints, the custom verifiers, and the shape rules of
// GhostOps.cpp. A shape rule runs through InferTypeOpInterface's verifier,
// which adds "failed to infer returned types" to the rule's own message; a
// result type that disagrees with the inferred one gets "inferred type(s) ...
// are incompatible" followed by the same second error.

//===----------------------------------------------------------------------===//
// Operand and result types
//===----------------------------------------------------------------------===//

func.func @dynamic_operand(%x: tensor<1x3x?x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{'ghost.conv' op operand #0 must be statically shaped 4-D tensor of 32-bit float values, but got 'tensor<1x3x?x8xf32>'}}
  %0 = ghost.conv %x, %w act none : (tensor<1x3x?x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @f16_operand(%x: tensor<1x3x8x8xf16>) -> tensor<1x3x8x8xf16> {
  // expected-error @+1 {{'ghost.relu' op operand #0 must be statically shaped tensor of 32-bit float values, but got 'tensor<1x3x8x8xf16>'}}
  %0 = ghost.relu %x : tensor<1x3x8x8xf16>
  return %0 : tensor<1x3x8x8xf16>
}

// -----

func.func @unranked_operand(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'ghost.add' op operand #0 must be statically shaped tensor of 32-bit float values, but got 'tensor<*xf32>'}}
  %0 = ghost.add %x, %x : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @dynamic_second_operand(%x: tensor<4xf32>, %y: tensor<?xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'ghost.mul' op operand #1 must be statically shaped tensor of 32-bit float values, but got 'tensor<?xf32>'}}
  %0 = ghost.mul %x, %y : (tensor<4xf32>, tensor<?xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @conv_3d_input(%x: tensor<3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{'ghost.conv' op operand #0 must be statically shaped 4-D tensor of 32-bit float values, but got 'tensor<3x8x8xf32>'}}
  %0 = ghost.conv %x, %w act none : (tensor<3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @non_f32_result(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x1x1xf64> {
  // expected-error @+1 {{'ghost.global_average_pool' op result #0 must be statically shaped 4-D tensor of 32-bit float values, but got 'tensor<1x16x1x1xf64>'}}
  %0 = ghost.global_average_pool %x : tensor<1x16x8x8xf32> -> tensor<1x16x1x1xf64>
  return %0 : tensor<1x16x1x1xf64>
}

// -----

// A result type written in the IR is checked against the inferred one.
func.func @inferred_type_mismatch(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.conv' op inferred type(s) 'tensor<1x16x6x6xf32>' are incompatible with return type(s) of operation 'tensor<1x16x8x8xf32>'}}
  // expected-error @+1 {{'ghost.conv' op failed to infer returned types}}
  %0 = ghost.conv %x, %w act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// The element-wise ops check the shape through the Elementwise trait.
func.func @unary_result_mismatch(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'ghost.relu' op all non-scalar operands/results must have the same shape and base type}}
  %0 = "ghost.relu"(%x) : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x9xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// ghost.constant
//===----------------------------------------------------------------------===//

func.func @constant_not_elements() -> tensor<f32> {
  // expected-error @+1 {{'ghost.constant' op value must be an elements attribute}}
  %0 = "ghost.constant"() <{value = 1.0 : f32}> : () -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @constant_scalar() -> f32 {
  // expected-error @+1 {{'ghost.constant' op result #0 must be statically shaped tensor of 32-bit float values, but got 'f32'}}
  %0 = ghost.constant 1.0 : f32
  return %0 : f32
}

// -----

func.func @constant_i32() -> tensor<2xi32> {
  // expected-error @+1 {{'ghost.constant' op result #0 must be statically shaped tensor of 32-bit float values, but got 'tensor<2xi32>'}}
  %0 = ghost.constant dense<1> : tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @constant_type_mismatch() -> tensor<3xf32> {
  // expected-error @+2 {{'ghost.constant' op inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{'ghost.constant' op failed to infer returned types}}
  %0 = "ghost.constant"() <{value = dense<1.0> : tensor<2xf32>}> : () -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.conv
//===----------------------------------------------------------------------===//

func.func @conv_three_strides(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %0 = ghost.conv %x, %w {strides = array<i64: 1, 1, 1>} act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_zero_stride(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %0 = ghost.conv %x, %w {strides = array<i64: 1, 0>} act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

// The generic form reaches the same constraint through the verifier rather
// than the custom parser.
func.func @conv_negative_stride_generic(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{'ghost.conv' op attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %0 = "ghost.conv"(%x, %w) <{strides = array<i64: -1, 1>}> : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_negative_pad(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{attribute 'pads' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements whose value is non-negative}}
  %0 = ghost.conv %x, %w {pads = array<i64: 0, 0, -1, 0>} act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_two_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{attribute 'pads' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements whose value is non-negative}}
  %0 = ghost.conv %x, %w {pads = array<i64: 1, 1>} act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_zero_dilation(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{attribute 'dilations' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %0 = ghost.conv %x, %w {dilations = array<i64: 0, 1>} act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_group_zero(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{attribute 'group' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = ghost.conv %x, %w {group = 0 : i64} act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_group_input_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<16x1x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+2 {{'ghost.conv' op group 2 must divide the 3 input channels and the 16 output channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.conv %x, %w {group = 2 : i64} act none : (tensor<1x3x8x8xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_group_output_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<6x1x3x3xf32>) -> tensor<1x6x6x6xf32> {
  // expected-error @+2 {{'ghost.conv' op group 4 must divide the 4 input channels and the 6 output channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.conv %x, %w {group = 4 : i64} act none : (tensor<1x4x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x6x6xf32>
  return %0 : tensor<1x6x6x6xf32>
}

// -----

func.func @conv_weight_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<16x2x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+2 {{'ghost.conv' op weight must have 3 input channels per group, but has 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.conv %x, %w act none : (tensor<1x3x8x8xf32>, tensor<16x2x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_bias_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<1x16xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+2 {{'ghost.conv' op bias must have shape [16], but has [1, 16]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.conv %x, %w, %b act none : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<1x16xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

func.func @conv_kernel_too_tall(%x: tensor<1x3x2x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x1x6xf32> {
  // expected-error @+2 {{'ghost.conv' op kernel does not fit the padded input on spatial axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.conv %x, %w act none : (tensor<1x3x2x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x1x6xf32>
  return %0 : tensor<1x16x1x6xf32>
}

// -----

// Dilation 3 stretches the 3-wide kernel to 7, wider than 4 + 1 + 1.
func.func @conv_dilated_kernel_too_wide(%x: tensor<1x3x8x4xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x1xf32> {
  // expected-error @+2 {{'ghost.conv' op kernel does not fit the padded input on spatial axis 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.conv %x, %w {dilations = array<i64: 1, 3>, pads = array<i64: 0, 1, 0, 1>} act none : (tensor<1x3x8x4xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x1xf32>
  return %0 : tensor<1x16x6x1xf32>
}

// -----

func.func @conv_unknown_activation(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32> {
  // expected-error @+1 {{expected string or keyword containing one of the following enum values for attribute 'activation' [none, relu, relu6, sigmoid, hard_sigmoid, hard_swish, silu]}}
  %0 = ghost.conv %x, %w act gelu : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %0 : tensor<1x16x6x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.batch_norm
//===----------------------------------------------------------------------===//

func.func @batch_norm_rank_1(%x: tensor<16xf32>, %p: tensor<16xf32>) -> tensor<16xf32> {
  // expected-error @+2 {{'ghost.batch_norm' op expects an input of rank 2 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.batch_norm %x, %p, %p, %p, %p : (tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  return %0 : tensor<16xf32>
}

// -----

func.func @batch_norm_scale(%x: tensor<1x16x8x8xf32>, %s: tensor<8xf32>, %p: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.batch_norm' op scale must have shape [16], but has [8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.batch_norm %x, %s, %p, %p, %p : (tensor<1x16x8x8xf32>, tensor<8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @batch_norm_bias(%x: tensor<1x16x8x8xf32>, %b: tensor<1x16xf32>, %p: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.batch_norm' op bias must have shape [16], but has [1, 16]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.batch_norm %x, %p, %b, %p, %p : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<1x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @batch_norm_mean(%x: tensor<1x16x8x8xf32>, %m: tensor<f32>, %p: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.batch_norm' op mean must have shape [16], but has []}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.batch_norm %x, %p, %p, %m, %p : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @batch_norm_var(%x: tensor<1x16x8x8xf32>, %v: tensor<17xf32>, %p: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.batch_norm' op var must have shape [16], but has [17]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.batch_norm %x, %p, %p, %p, %v : (tensor<1x16x8x8xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<17xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.clip
//===----------------------------------------------------------------------===//

func.func @clip_min_above_max(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  // expected-error @+1 {{'ghost.clip' op bounds must be numbers with min <= max, got min 6.000000e+00 and max 5.000000e-01}}
  %0 = ghost.clip %x {min = 6.0 : f32, max = 0.5 : f32} : tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

func.func @clip_missing_max(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  // expected-error @+1 {{'ghost.clip' op requires attribute 'max'}}
  %0 = ghost.clip %x {min = 0.0 : f32} : tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Broadcasting binary ops
//===----------------------------------------------------------------------===//

func.func @add_no_broadcast(%x: tensor<1x16x8x8xf32>, %y: tensor<1x8x1x1xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.add' op operand shapes [1, 16, 8, 8] and [1, 8, 1, 1] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.add %x, %y : (tensor<1x16x8x8xf32>, tensor<1x8x1x1xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @sub_no_broadcast(%x: tensor<4x3xf32>, %y: tensor<4xf32>) -> tensor<4x3xf32> {
  // expected-error @+2 {{'ghost.sub' op operand shapes [4, 3] and [4] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.sub %x, %y : (tensor<4x3xf32>, tensor<4xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @mul_no_broadcast(%x: tensor<2x1xf32>, %y: tensor<3x5xf32>) -> tensor<3x5xf32> {
  // expected-error @+2 {{'ghost.mul' op operand shapes [2, 1] and [3, 5] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.mul %x, %y : (tensor<2x1xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @div_no_broadcast(%x: tensor<0xf32>, %y: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{'ghost.div' op operand shapes [0] and [2] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.div %x, %y : (tensor<0xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Broadcasting never shrinks a dimension: [1, 16, 8, 8] + [1, 16, 1, 1] is
// [1, 16, 8, 8].
func.func @add_broadcast_result_mismatch(%x: tensor<1x16x8x8xf32>, %y: tensor<1x16x1x1xf32>) -> tensor<1x16x1x1xf32> {
  // expected-error @+2 {{'ghost.add' op inferred type(s) 'tensor<1x16x8x8xf32>' are incompatible with return type(s) of operation 'tensor<1x16x1x1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.add %x, %y : (tensor<1x16x8x8xf32>, tensor<1x16x1x1xf32>) -> tensor<1x16x1x1xf32>
  return %0 : tensor<1x16x1x1xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.concat
//===----------------------------------------------------------------------===//

func.func @concat_no_input() -> tensor<1x3x8x8xf32> {
  // expected-error @+2 {{'ghost.concat' op expects at least one input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.concat axis 1 : () -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

func.func @concat_negative_axis(%a: tensor<1x8xf32>) -> tensor<1x16xf32> {
  // expected-error @+1 {{attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %0 = ghost.concat %a, %a axis -1 : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @concat_axis_out_of_range(%a: tensor<1x8xf32>) -> tensor<1x16xf32> {
  // expected-error @+2 {{'ghost.concat' op axis 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.concat %a, %a axis 2 : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @concat_ranks_differ(%a: tensor<1x8xf32>, %b: tensor<1x8x1xf32>) -> tensor<1x16xf32> {
  // expected-error @+2 {{'ghost.concat' op expects inputs of one rank}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.concat %a, %b axis 1 : (tensor<1x8xf32>, tensor<1x8x1xf32>) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @concat_other_axis_differs(%a: tensor<1x8x4x4xf32>, %b: tensor<1x8x4x5xf32>) -> tensor<1x16x4x4xf32> {
  // expected-error @+2 {{'ghost.concat' op inputs differ on axis 3, which is not the concatenation axis}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.concat %a, %b axis 1 : (tensor<1x8x4x4xf32>, tensor<1x8x4x5xf32>) -> tensor<1x16x4x4xf32>
  return %0 : tensor<1x16x4x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.slice
//===----------------------------------------------------------------------===//

func.func @slice_negative_size(%x: tensor<1x20xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{attribute 'sizes' failed to satisfy constraint: i64 dense array attribute whose value is non-negative}}
  %0 = ghost.slice %x [0, 0] [1, -4] [1, 1] : tensor<1x20xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @slice_count(%x: tensor<1x20xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{'ghost.slice' op expects one start, size and step per axis (2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [0, 0] [1, 4] [1] : tensor<1x20xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @slice_zero_step(%x: tensor<1x20xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{'ghost.slice' op step on axis 1 must not be 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [0, 0] [1, 4] [1, 0] : tensor<1x20xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @slice_past_end(%x: tensor<1x20xf32>) -> tensor<1x8xf32> {
  // expected-error @+2 {{'ghost.slice' op reads outside the input on axis 1: a size of 8 from index 16 in steps of 1 on an axis of 20}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [0, 16] [1, 8] [1, 1] : tensor<1x20xf32> -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @slice_start_past_end(%x: tensor<1x20xf32>) -> tensor<1x1xf32> {
  // expected-error @+2 {{'ghost.slice' op reads outside the input on axis 1: a size of 1 from index 20 in steps of 1 on an axis of 20}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [0, 20] [1, 1] [1, 1] : tensor<1x20xf32> -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

// ONNX-style negative starts are resolved by the importer, never stored.
func.func @slice_negative_start(%x: tensor<1x20xf32>) -> tensor<1x1xf32> {
  // expected-error @+2 {{'ghost.slice' op reads outside the input on axis 0: a size of 1 from index -1 in steps of 1 on an axis of 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [-1, 0] [1, 1] [1, 1] : tensor<1x20xf32> -> tensor<1x1xf32>
  return %0 : tensor<1x1xf32>
}

// -----

func.func @slice_negative_step_past_begin(%x: tensor<1x20xf32>) -> tensor<1x4xf32> {
  // expected-error @+2 {{'ghost.slice' op reads outside the input on axis 1: a size of 4 from index 5 in steps of -2 on an axis of 20}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [0, 5] [1, 4] [1, -2] : tensor<1x20xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @slice_result_mismatch(%x: tensor<1x20xf32>) -> tensor<1x5xf32> {
  // expected-error @+2 {{'ghost.slice' op inferred type(s) 'tensor<1x4xf32>' are incompatible with return type(s) of operation 'tensor<1x5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [0, 0] [1, 4] [1, 5] : tensor<1x20xf32> -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.reshape
//===----------------------------------------------------------------------===//

func.func @reshape_element_count(%x: tensor<2x3xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'ghost.reshape' op cannot reshape 6 elements into 8}}
  %0 = ghost.reshape %x : tensor<2x3xf32> -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.transpose
//===----------------------------------------------------------------------===//

func.func @transpose_short_perm(%x: tensor<1x16x8x4xf32>) -> tensor<1x8x16xf32> {
  // expected-error @+2 {{'ghost.transpose' op perm must be a permutation of the 4 axes}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.transpose %x [0, 2, 1] : tensor<1x16x8x4xf32> -> tensor<1x8x16xf32>
  return %0 : tensor<1x8x16xf32>
}

// -----

func.func @transpose_repeated_axis(%x: tensor<1x16x8x4xf32>) -> tensor<1x8x8x4xf32> {
  // expected-error @+2 {{'ghost.transpose' op perm must be a permutation of the 4 axes}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.transpose %x [0, 2, 2, 3] : tensor<1x16x8x4xf32> -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}

// -----

func.func @transpose_axis_out_of_range(%x: tensor<1x16x8x4xf32>) -> tensor<1x16x8x4xf32> {
  // expected-error @+2 {{'ghost.transpose' op perm must be a permutation of the 4 axes}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.transpose %x [0, 1, 2, 4] : tensor<1x16x8x4xf32> -> tensor<1x16x8x4xf32>
  return %0 : tensor<1x16x8x4xf32>
}

// -----

func.func @transpose_negative_axis(%x: tensor<1x16x8x4xf32>) -> tensor<1x16x8x4xf32> {
  // expected-error @+2 {{'ghost.transpose' op perm must be a permutation of the 4 axes}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.transpose %x [0, 1, 2, -1] : tensor<1x16x8x4xf32> -> tensor<1x16x8x4xf32>
  return %0 : tensor<1x16x8x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.pad
//===----------------------------------------------------------------------===//

func.func @pad_negative(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  // expected-error @+1 {{attribute 'pads' failed to satisfy constraint: i64 dense array attribute whose value is non-negative}}
  %0 = ghost.pad %x constant [0, 0, 1, 1, 0, 0, -1, -1] : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

func.func @pad_count(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x10x10xf32> {
  // expected-error @+2 {{'ghost.pad' op expects 8 pads, got 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.pad %x constant [1, 1, 1, 1] : tensor<1x3x8x8xf32> -> tensor<1x3x10x10xf32>
  return %0 : tensor<1x3x10x10xf32>
}

// -----

func.func @pad_reflect_too_wide(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x16x8xf32> {
  // expected-error @+2 {{'ghost.pad' op reflect padding on axis 2 must be smaller than its size 8}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.pad %x reflect [0, 0, 0, 0, 0, 0, 8, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x16x8xf32>
  return %0 : tensor<1x3x16x8xf32>
}

// -----

func.func @pad_edge_empty_axis(%x: tensor<1x0x8x8xf32>) -> tensor<1x1x8x8xf32> {
  // expected-error @+2 {{'ghost.pad' op cannot edge-pad the empty axis 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.pad %x edge [0, 1, 0, 0, 0, 0, 0, 0] : tensor<1x0x8x8xf32> -> tensor<1x1x8x8xf32>
  return %0 : tensor<1x1x8x8xf32>
}

// -----

func.func @pad_unknown_mode(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  // expected-error @+1 {{expected string or keyword containing one of the following enum values for attribute 'mode' [constant, reflect, edge]}}
  %0 = ghost.pad %x wrap [0, 0, 0, 0, 0, 0, 0, 0] : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.resize
//===----------------------------------------------------------------------===//

func.func @resize_channels(%x: tensor<1x16x7x7xf32>) -> tensor<1x8x14x14xf32> {
  // expected-error @+1 {{'ghost.resize' op must keep the batch and channel axes}}
  %0 = ghost.resize %x nearest asymmetric floor [2.0, 2.0] : tensor<1x16x7x7xf32> -> tensor<1x8x14x14xf32>
  return %0 : tensor<1x8x14x14xf32>
}

// -----

func.func @resize_batch(%x: tensor<1x16x7x7xf32>) -> tensor<2x16x14x14xf32> {
  // expected-error @+1 {{'ghost.resize' op must keep the batch and channel axes}}
  %0 = ghost.resize %x linear half_pixel floor [2.0, 2.0] : tensor<1x16x7x7xf32> -> tensor<2x16x14x14xf32>
  return %0 : tensor<2x16x14x14xf32>
}

// -----

func.func @resize_zero_scale(%x: tensor<1x16x7x7xf32>) -> tensor<1x16x14x14xf32> {
  // expected-error @+1 {{'ghost.resize' op scales must be positive}}
  %0 = ghost.resize %x nearest asymmetric floor [2.0, 0.0] : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

func.func @resize_negative_scale(%x: tensor<1x16x7x7xf32>) -> tensor<1x16x14x14xf32> {
  // expected-error @+1 {{'ghost.resize' op scales must be positive}}
  %0 = ghost.resize %x nearest asymmetric floor [-2.0, 2.0] : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

func.func @resize_nan_scale(%x: tensor<1x16x7x7xf32>) -> tensor<1x16x14x14xf32> {
  // expected-error @+1 {{'ghost.resize' op scales must be positive}}
  %0 = ghost.resize %x nearest asymmetric floor [2.0, 0x7FC00000] : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

func.func @resize_three_scales(%x: tensor<1x16x7x7xf32>) -> tensor<1x16x14x14xf32> {
  // expected-error @+1 {{attribute 'scales' failed to satisfy constraint: f32 dense array attribute with exactly 2 elements}}
  %0 = ghost.resize %x nearest asymmetric floor [1.0, 2.0, 2.0] : tensor<1x16x7x7xf32> -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// -----

func.func @resize_3d(%x: tensor<16x7x7xf32>) -> tensor<16x14x14xf32> {
  // expected-error @+1 {{'ghost.resize' op operand #0 must be statically shaped 4-D tensor of 32-bit float values, but got 'tensor<16x7x7xf32>'}}
  %0 = ghost.resize %x nearest asymmetric floor [2.0, 2.0] : tensor<16x7x7xf32> -> tensor<16x14x14xf32>
  return %0 : tensor<16x14x14xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

func.func @global_average_pool_result(%x: tensor<1x960x7x7xf32>) -> tensor<1x960x7x7xf32> {
  // expected-error @+2 {{'ghost.global_average_pool' op inferred type(s) 'tensor<1x960x1x1xf32>' are incompatible with return type(s) of operation 'tensor<1x960x7x7xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.global_average_pool %x : tensor<1x960x7x7xf32> -> tensor<1x960x7x7xf32>
  return %0 : tensor<1x960x7x7xf32>
}

// -----

func.func @global_average_pool_2d(%x: tensor<1x960xf32>) -> tensor<1x960x1x1xf32> {
  // expected-error @+1 {{'ghost.global_average_pool' op operand #0 must be statically shaped 4-D tensor of 32-bit float values, but got 'tensor<1x960xf32>'}}
  %0 = ghost.global_average_pool %x : tensor<1x960xf32> -> tensor<1x960x1x1xf32>
  return %0 : tensor<1x960x1x1xf32>
}

// -----

func.func @pool_missing_kernel(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'ghost.max_pool' op requires attribute 'kernel'}}
  %0 = ghost.max_pool %x {strides = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @pool_three_kernel_sizes(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{attribute 'kernel' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %0 = ghost.average_pool %x {kernel = array<i64: 2, 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @pool_zero_kernel(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{attribute 'kernel' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %0 = ghost.max_pool %x {kernel = array<i64: 0, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @pool_zero_stride(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %0 = ghost.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @pool_negative_pad(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{attribute 'pads' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements whose value is non-negative}}
  %0 = ghost.average_pool %x {kernel = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, -1>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @average_pool_pad_not_below_kernel(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x6x5xf32> {
  // expected-error @+2 {{'ghost.average_pool' op padding must be smaller than the kernel}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.average_pool %x {kernel = array<i64: 3, 2>, pads = array<i64: 0, 0, 0, 2>, count_include_pad = true} : tensor<1x3x8x8xf32> -> tensor<1x3x6x5xf32>
  return %0 : tensor<1x3x6x5xf32>
}

// -----

func.func @max_pool_pad_not_below_kernel(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x9x9xf32> {
  // expected-error @+2 {{'ghost.max_pool' op padding must be smaller than the kernel}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.max_pool %x {kernel = array<i64: 2, 2>, pads = array<i64: 2, 0, 0, 0>} : tensor<1x3x8x8xf32> -> tensor<1x3x9x9xf32>
  return %0 : tensor<1x3x9x9xf32>
}

// -----

func.func @average_pool_kernel_too_big(%x: tensor<1x3x2x8xf32>) -> tensor<1x3x1x6xf32> {
  // expected-error @+2 {{'ghost.average_pool' op kernel does not fit the padded input on spatial axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.average_pool %x {kernel = array<i64: 3, 3>} : tensor<1x3x2x8xf32> -> tensor<1x3x1x6xf32>
  return %0 : tensor<1x3x1x6xf32>
}

// -----

func.func @max_pool_kernel_too_big(%x: tensor<1x3x8x2xf32>) -> tensor<1x3x6x1xf32> {
  // expected-error @+2 {{'ghost.max_pool' op kernel does not fit the padded input on spatial axis 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.max_pool %x {kernel = array<i64: 3, 4>, pads = array<i64: 0, 1, 0, 0>, ceil_mode = true} : tensor<1x3x8x2xf32> -> tensor<1x3x6x1xf32>
  return %0 : tensor<1x3x6x1xf32>
}

// -----

// 7x7 with 2x2 windows, stride 2: 3 rounded down, 4 with ceil_mode.
func.func @max_pool_ceil_mode_result(%x: tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32> {
  // expected-error @+2 {{'ghost.max_pool' op inferred type(s) 'tensor<1x3x4x4xf32>' are incompatible with return type(s) of operation 'tensor<1x3x3x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : tensor<1x3x7x7xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.reduce_mean
//===----------------------------------------------------------------------===//

func.func @reduce_mean_unsorted(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x1x1xf32> {
  // expected-error @+2 {{'ghost.reduce_mean' op axes must be sorted, distinct and within the rank 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.reduce_mean %x [3, 2] : tensor<1x16x8x8xf32> -> tensor<1x16x1x1xf32>
  return %0 : tensor<1x16x1x1xf32>
}

// -----

func.func @reduce_mean_repeated(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x1x8xf32> {
  // expected-error @+2 {{'ghost.reduce_mean' op axes must be sorted, distinct and within the rank 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.reduce_mean %x [2, 2] : tensor<1x16x8x8xf32> -> tensor<1x16x1x8xf32>
  return %0 : tensor<1x16x1x8xf32>
}

// -----

func.func @reduce_mean_out_of_range(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x1x1xf32> {
  // expected-error @+2 {{'ghost.reduce_mean' op axes must be sorted, distinct and within the rank 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.reduce_mean %x [2, 4] : tensor<1x16x8x8xf32> -> tensor<1x16x1x1xf32>
  return %0 : tensor<1x16x1x1xf32>
}

// -----

func.func @reduce_mean_negative(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x1xf32> {
  // expected-error @+2 {{'ghost.reduce_mean' op axes must be sorted, distinct and within the rank 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.reduce_mean %x [-1] : tensor<1x16x8x8xf32> -> tensor<1x16x8x1xf32>
  return %0 : tensor<1x16x8x1xf32>
}

// -----

func.func @reduce_mean_keepdims_false_result(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x1x1xf32> {
  // expected-error @+2 {{'ghost.reduce_mean' op inferred type(s) 'tensor<1x16xf32>' are incompatible with return type(s) of operation 'tensor<1x16x1x1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.reduce_mean %x [2, 3] {keepdims = false} : tensor<1x16x8x8xf32> -> tensor<1x16x1x1xf32>
  return %0 : tensor<1x16x1x1xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.softmax
//===----------------------------------------------------------------------===//

func.func @softmax_axis_out_of_range(%x: tensor<1x1000xf32>) -> tensor<1x1000xf32> {
  // expected-error @+1 {{'ghost.softmax' op axis 2 is out of range for rank 2}}
  %0 = ghost.softmax %x axis 2 : tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

func.func @softmax_negative_axis(%x: tensor<1x1000xf32>) -> tensor<1x1000xf32> {
  // expected-error @+1 {{attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %0 = ghost.softmax %x axis -1 : tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

func.func @softmax_result_type(%x: tensor<1x1000xf32>) {
  // expected-error @+1 {{'ghost.softmax' op requires the same type for all operands and results}}
  %0 = "ghost.softmax"(%x) <{axis = 1 : i64}> : (tensor<1x1000xf32>) -> tensor<1x999xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// ghost.gemm
//===----------------------------------------------------------------------===//

func.func @gemm_1d_a(%a: tensor<1280xf32>, %b: tensor<1280x1000xf32>) -> tensor<1x1000xf32> {
  // expected-error @+2 {{'ghost.gemm' op expects 2-D A and B}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.gemm %a, %b act none : (tensor<1280xf32>, tensor<1280x1000xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

func.func @gemm_3d_b(%a: tensor<1x1280xf32>, %b: tensor<1x1280x1000xf32>) -> tensor<1x1000xf32> {
  // expected-error @+2 {{'ghost.gemm' op expects 2-D A and B}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.gemm %a, %b act none : (tensor<1x1280xf32>, tensor<1x1280x1000xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

// Without trans_b, B is K x N = 1000 x 1280.
func.func @gemm_missing_trans_b(%a: tensor<1x1280xf32>, %w: tensor<1000x1280xf32>) -> tensor<1x1000xf32> {
  // expected-error @+2 {{'ghost.gemm' op inner dimensions differ: 1280 and 1000}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.gemm %a, %w act none : (tensor<1x1280xf32>, tensor<1000x1280xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

func.func @gemm_trans_a_inner(%a: tensor<1x1280xf32>, %w: tensor<1280x1000xf32>) -> tensor<1280x1000xf32> {
  // expected-error @+2 {{'ghost.gemm' op inner dimensions differ: 1 and 1280}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.gemm %a, %w {trans_a = true} act none : (tensor<1x1280xf32>, tensor<1280x1000xf32>) -> tensor<1280x1000xf32>
  return %0 : tensor<1280x1000xf32>
}

// -----

func.func @gemm_c_no_broadcast(%a: tensor<1x1280xf32>, %w: tensor<1000x1280xf32>, %c: tensor<100xf32>) -> tensor<1x1000xf32> {
  // expected-error @+2 {{'ghost.gemm' op C of shape [100] does not broadcast to [1, 1000]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.gemm %a, %w, %c {trans_b = true} act none : (tensor<1x1280xf32>, tensor<1000x1280xf32>, tensor<100xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

// C must broadcast to M x N, not M x N to C.
func.func @gemm_c_too_big(%a: tensor<1x1280xf32>, %w: tensor<1000x1280xf32>, %c: tensor<2x1000xf32>) -> tensor<1x1000xf32> {
  // expected-error @+2 {{'ghost.gemm' op C of shape [2, 1000] does not broadcast to [1, 1000]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.gemm %a, %w, %c {trans_b = true} act none : (tensor<1x1280xf32>, tensor<1000x1280xf32>, tensor<2x1000xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

func.func @gemm_c_rank_3(%a: tensor<1x1280xf32>, %w: tensor<1000x1280xf32>, %c: tensor<1x1x1000xf32>) -> tensor<1x1000xf32> {
  // expected-error @+2 {{'ghost.gemm' op C of shape [1, 1, 1000] does not broadcast to [1, 1000]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.gemm %a, %w, %c {trans_b = true} act none : (tensor<1x1280xf32>, tensor<1000x1280xf32>, tensor<1x1x1000xf32>) -> tensor<1x1000xf32>
  return %0 : tensor<1x1000xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.matmul
//===----------------------------------------------------------------------===//

func.func @matmul_rank_1(%a: tensor<4xf32>, %b: tensor<4x6xf32>) -> tensor<6xf32> {
  // expected-error @+2 {{'ghost.matmul' op expects operands of rank 2 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.matmul %a, %b : (tensor<4xf32>, tensor<4x6xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @matmul_inner(%a: tensor<3x4xf32>, %b: tensor<5x6xf32>) -> tensor<3x6xf32> {
  // expected-error @+2 {{'ghost.matmul' op inner dimensions differ: 4 and 5}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.matmul %a, %b : (tensor<3x4xf32>, tensor<5x6xf32>) -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

func.func @matmul_batch(%a: tensor<2x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x3x6xf32> {
  // expected-error @+2 {{'ghost.matmul' op batch dimensions do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.matmul %a, %b : (tensor<2x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x3x6xf32>
  return %0 : tensor<2x3x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.ghost_module
//===----------------------------------------------------------------------===//

func.func @ghost_module_ratio_1(%x: tensor<1x16x8x8xf32>, %wp: tensor<16x16x1x1xf32>, %bp: tensor<16xf32>, %wc: tensor<0x1x3x3xf32>, %bc: tensor<0xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+1 {{attribute 'ratio' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 2}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 1 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<16x16x1x1xf32>, tensor<16xf32>, tensor<0x1x3x3xf32>, tensor<0xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_oup_0(%x: tensor<1x16x8x8xf32>, %wp: tensor<0x16x1x1xf32>, %bp: tensor<0xf32>, %wc: tensor<0x1x3x3xf32>, %bc: tensor<0xf32>) -> tensor<1x0x8x8xf32> {
  // expected-error @+1 {{attribute 'oup' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 0 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<0x16x1x1xf32>, tensor<0xf32>, tensor<0x1x3x3xf32>, tensor<0xf32>) -> tensor<1x0x8x8xf32>
  return %0 : tensor<1x0x8x8xf32>
}

// -----

func.func @ghost_module_kernel_0(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x0x0xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+1 {{attribute 'kernel' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 0 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x0x0xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_dw_size_0(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x0x0xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+1 {{attribute 'dw_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 0 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x0x0xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_stride_0(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+1 {{attribute 'stride' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 0 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_missing_oup(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+1 {{'ghost.ghost_module' op requires attribute 'oup'}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_dw_size_even(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x2x2xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op dw_size must be odd so that the cheap convolution keeps the spatial size, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 2 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x2x2xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_relu6(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op activation must be none or relu, got relu6}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu6
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_hard_swish(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op activation must be none or relu, got hard_swish}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act hard_swish
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// oup 10, ratio 3: init = 4 primary channels, not oup / ratio = 3.
func.func @ghost_module_primary_weight(%x: tensor<1x16x8x8xf32>, %wp: tensor<3x16x1x1xf32>, %bp: tensor<4xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x10x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op primary_weight must have shape [4, 16, 1, 1], but has [3, 16, 1, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 10 : i64, ratio = 3 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<3x16x1x1xf32>, tensor<4xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x10x8x8xf32>
  return %0 : tensor<1x10x8x8xf32>
}

// -----

func.func @ghost_module_primary_kernel(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op primary_weight must have shape [8, 16, 3, 3], but has [8, 16, 1, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 3 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_primary_bias(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<16xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op primary_bias must have shape [8], but has [16]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<16xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// The cheap convolution computes init * (ratio - 1) = 8 channels even though
// only oup - init = 6 of them are kept.
func.func @ghost_module_cheap_weight(%x: tensor<1x16x8x8xf32>, %wp: tensor<4x16x1x1xf32>, %bp: tensor<4xf32>, %wc: tensor<6x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x10x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op cheap_weight must have shape [8, 1, 3, 3], but has [6, 1, 3, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 10 : i64, ratio = 3 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<4x16x1x1xf32>, tensor<4xf32>, tensor<6x1x3x3xf32>, tensor<8xf32>) -> tensor<1x10x8x8xf32>
  return %0 : tensor<1x10x8x8xf32>
}

// -----

func.func @ghost_module_cheap_not_depthwise(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x8x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op cheap_weight must have shape [8, 1, 3, 3], but has [8, 8, 3, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @ghost_module_cheap_bias(%x: tensor<1x16x8x8xf32>, %wp: tensor<8x16x1x1xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<1x8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op cheap_bias must have shape [8], but has [1, 8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<8x16x1x1xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<1x8xf32>) -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// The primary convolution pads by kernel / 2, so an odd kernel only fails to
// fit an empty spatial axis.
func.func @ghost_module_kernel_does_not_fit(%x: tensor<1x16x0x8xf32>, %wp: tensor<8x16x3x3xf32>, %bp: tensor<8xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x16x0x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op primary kernel does not fit the input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 16 : i64, ratio = 2 : i64, kernel = 3 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x0x8xf32>, tensor<8x16x3x3xf32>, tensor<8xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x16x0x8xf32>
  return %0 : tensor<1x16x0x8xf32>
}

// -----

// The output has oup channels, not init * ratio = 12.
func.func @ghost_module_result(%x: tensor<1x16x8x8xf32>, %wp: tensor<4x16x1x1xf32>, %bp: tensor<4xf32>, %wc: tensor<8x1x3x3xf32>, %bc: tensor<8xf32>) -> tensor<1x12x8x8xf32> {
  // expected-error @+2 {{'ghost.ghost_module' op inferred type(s) 'tensor<1x10x8x8xf32>' are incompatible with return type(s) of operation 'tensor<1x12x8x8xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.ghost_module %x, %wp, %bp, %wc, %bc {oup = 10 : i64, ratio = 3 : i64, kernel = 1 : i64, dw_size = 3 : i64, stride = 1 : i64} act relu
      : (tensor<1x16x8x8xf32>, tensor<4x16x1x1xf32>, tensor<4xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x12x8x8xf32>
  return %0 : tensor<1x12x8x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// ghost.se
//===----------------------------------------------------------------------===//

func.func @se_3d_input(%x: tensor<40x28x28xf32>, %w1: tensor<12x40xf32>, %b1: tensor<12xf32>, %w2: tensor<40x12xf32>, %b2: tensor<40xf32>) -> tensor<40x28x28xf32> {
  // expected-error @+1 {{'ghost.se' op operand #0 must be statically shaped 4-D tensor of 32-bit float values, but got 'tensor<40x28x28xf32>'}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate hard_sigmoid
      : (tensor<40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<40x28x28xf32>
  return %0 : tensor<40x28x28xf32>
}

// -----

func.func @se_w1_rank(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x40x1x1xf32>, %b1: tensor<12xf32>, %w2: tensor<40x12xf32>, %b2: tensor<40xf32>) -> tensor<1x40x28x28xf32> {
  // expected-error @+2 {{'ghost.se' op expects a 4-D input and a 2-D w1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate hard_sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x40x1x1xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<1x40x28x28xf32>
  return %0 : tensor<1x40x28x28xf32>
}

// -----

func.func @se_w1_channels(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x32xf32>, %b1: tensor<12xf32>, %w2: tensor<40x12xf32>, %b2: tensor<40xf32>) -> tensor<1x40x28x28xf32> {
  // expected-error @+2 {{'ghost.se' op w1 must have shape [12, 40], but has [12, 32]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate hard_sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x32xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<1x40x28x28xf32>
  return %0 : tensor<1x40x28x28xf32>
}

// -----

func.func @se_b1(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x40xf32>, %b1: tensor<40xf32>, %w2: tensor<40x12xf32>, %b2: tensor<40xf32>) -> tensor<1x40x28x28xf32> {
  // expected-error @+2 {{'ghost.se' op b1 must have shape [12], but has [40]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<40xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<1x40x28x28xf32>
  return %0 : tensor<1x40x28x28xf32>
}

// -----

// w2 maps the reduced vector back to C, so it is C x R, not R x C.
func.func @se_w2_transposed(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x40xf32>, %b1: tensor<12xf32>, %w2: tensor<12x40xf32>, %b2: tensor<40xf32>) -> tensor<1x40x28x28xf32> {
  // expected-error @+2 {{'ghost.se' op w2 must have shape [40, 12], but has [12, 40]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<12x40xf32>, tensor<40xf32>) -> tensor<1x40x28x28xf32>
  return %0 : tensor<1x40x28x28xf32>
}

// -----

func.func @se_b2(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x40xf32>, %b1: tensor<12xf32>, %w2: tensor<40x12xf32>, %b2: tensor<1x40x1x1xf32>) -> tensor<1x40x28x28xf32> {
  // expected-error @+2 {{'ghost.se' op b2 must have shape [40], but has [1, 40, 1, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<1x40x1x1xf32>) -> tensor<1x40x28x28xf32>
  return %0 : tensor<1x40x28x28xf32>
}

// -----

func.func @se_unknown_gate(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x40xf32>, %b1: tensor<12xf32>, %w2: tensor<40x12xf32>, %b2: tensor<40xf32>) -> tensor<1x40x28x28xf32> {
  // expected-error @+1 {{expected string or keyword containing one of the following enum values for attribute 'gate' [sigmoid, hard_sigmoid]}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate relu
      : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<1x40x28x28xf32>
  return %0 : tensor<1x40x28x28xf32>
}

// -----

func.func @se_result(%x: tensor<1x40x28x28xf32>, %w1: tensor<12x40xf32>, %b1: tensor<12xf32>, %w2: tensor<40x12xf32>, %b2: tensor<40xf32>) -> tensor<1x40x1x1xf32> {
  // expected-error @+2 {{'ghost.se' op inferred type(s) 'tensor<1x40x28x28xf32>' are incompatible with return type(s) of operation 'tensor<1x40x1x1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.se %x, %w1, %b1, %w2, %b2 gate sigmoid
      : (tensor<1x40x28x28xf32>, tensor<12x40xf32>, tensor<12xf32>, tensor<40x12xf32>, tensor<40xf32>) -> tensor<1x40x1x1xf32>
  return %0 : tensor<1x40x1x1xf32>
}

// -----

// Shape arithmetic on attributes is overflow-checked: these once verified.
func.func @slice_size_overflows(%x: tensor<4xf32>) -> tensor<4611686018427387905xf32> {
  // expected-error @+2 {{'ghost.slice' op reads outside the input on axis 0: a size of 4611686018427387905 from index 0 in steps of 4 on an axis of 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.slice %x [0] [4611686018427387905] [4] : tensor<4xf32> -> tensor<4611686018427387905xf32>
  return %0 : tensor<4611686018427387905xf32>
}

// -----

func.func @conv_dilation_overflows(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x5x1xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+2 {{'ghost.conv' op kernel does not fit the padded input on spatial axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.conv %x, %w {dilations = array<i64: 4611686018427387904, 1>} act none : (tensor<1x1x4x4xf32>, tensor<1x1x5x1xf32>) -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @pad_size_overflows(%x: tensor<4xf32>) -> tensor<2xf32> {
  // expected-error @+2 {{'ghost.pad' op padded size overflows on axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.pad %x constant [9223372036854775807, 9223372036854775807] : tensor<4xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @pool_padding_overflows(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error @+2 {{'ghost.max_pool' op kernel does not fit the padded input on spatial axis 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = ghost.max_pool %x {kernel = array<i64: 9223372036854775807, 1>, pads = array<i64: 9223372036854775806, 0, 9223372036854775806, 0>} : tensor<1x1x4x4xf32> -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}

// -----

func.func @clip_nan_bound(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'ghost.clip' op bounds must be numbers with min <= max, got min nan and max 1.000000e+00}}
  %0 = ghost.clip %x {min = 0x7FC00000 : f32, max = 1.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}
