//===- GhostDialect.td - ghost dialect definition ----------*- tablegen -*-===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// The `ghost` dialect: the graph form that ONNX models are imported into, and
// the lifted form that the graph passes produce.
//
//===----------------------------------------------------------------------===//

#ifndef GHOSTC_DIALECT_GHOST_GHOSTDIALECT_TD
#define GHOSTC_DIALECT_GHOST_GHOSTDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/EnumAttr.td"

def Ghost_Dialect : Dialect {
  let name = "ghost";
  let cppNamespace = "::ghostc::ghost";
  let summary = "Graph-level operations of GhostNet-family convolutional networks";
  let description = [{
    The `ghost` dialect holds a convolutional network as a graph of value
    semantics operations on statically shaped `f32` tensors in NCHW layout.

    The importer produces one op per ONNX operator family, with weights as
    `ghost.constant` ops; shapes are known at compile time because symbolic
    dimensions are bound when the model is compiled. The graph passes then
    fold BatchNormalization and activations and lift the two structures that
    give the dialect its name: `ghost.ghost_module` (GhostNet's primary
    convolution followed by a cheap depthwise convolution, concatenated) and
    `ghost.se` (squeeze-and-excitation).

    Every op infers its result type from its operands and attributes, so a
    result type written in the IR is checked, never trusted.
  }];
  let hasConstantMaterializer = 1;
}

//===----------------------------------------------------------------------===//
// Enumerations
//===----------------------------------------------------------------------===//

def Ghost_ActivationNone : I32EnumAttrCase<"None", 0, "none">;
def Ghost_ActivationRelu : I32EnumAttrCase<"Relu", 1, "relu">;
def Ghost_ActivationRelu6 : I32EnumAttrCase<"Relu6", 2, "relu6">;
def Ghost_ActivationSigmoid : I32EnumAttrCase<"Sigmoid", 3, "sigmoid">;
def Ghost_ActivationHardSigmoid
    : I32EnumAttrCase<"HardSigmoid", 4, "hard_sigmoid">;
def Ghost_ActivationHardSwish : I32EnumAttrCase<"HardSwish", 5, "hard_swish">;
def Ghost_ActivationSilu : I32EnumAttrCase<"Silu", 6, "silu">;

def Ghost_ActivationAttr : I32EnumAttr<"Activation",
    "activation applied to each element of an op's result",
    [Ghost_ActivationNone, Ghost_ActivationRelu, Ghost_ActivationRelu6,
     Ghost_ActivationSigmoid, Ghost_ActivationHardSigmoid,
     Ghost_ActivationHardSwish, Ghost_ActivationSilu]> {
  let cppNamespace = "::ghostc::ghost";
  let description = [{
    `none`: x; `relu`: max(x, 0); `relu6`: min(max(x, 0), 6);
    `sigmoid`: 1 / (1 + exp(-x)); `hard_sigmoid`: relu6(x + 3) / 6;
    `hard_swish`: x * relu6(x + 3) / 6; `silu`: x * sigmoid(x).
  }];
}

def Ghost_SEGateSigmoid : I32EnumAttrCase<"Sigmoid", 0, "sigmoid">;
def Ghost_SEGateHardSigmoid : I32EnumAttrCase<"HardSigmoid", 1, "hard_sigmoid">;
def Ghost_SEGateAttr : I32EnumAttr<"SEGate",
    "gate function of a squeeze-and-excitation block",
    [Ghost_SEGateSigmoid, Ghost_SEGateHardSigmoid]> {
  let cppNamespace = "::ghostc::ghost";
}

def Ghost_ResizeModeNearest : I32EnumAttrCase<"Nearest", 0, "nearest">;
def Ghost_ResizeModeLinear : I32EnumAttrCase<"Linear", 1, "linear">;
def Ghost_ResizeModeAttr : I32EnumAttr<"ResizeMode",
    "interpolation of ghost.resize",
    [Ghost_ResizeModeNearest, Ghost_ResizeModeLinear]> {
  let cppNamespace = "::ghostc::ghost";
}

def Ghost_CoordHalfPixel : I32EnumAttrCase<"HalfPixel", 0, "half_pixel">;
def Ghost_CoordPytorchHalfPixel
    : I32EnumAttrCase<"PytorchHalfPixel", 1, "pytorch_half_pixel">;
def Ghost_CoordAlignCorners : I32EnumAttrCase<"AlignCorners", 2, "align_corners">;
def Ghost_CoordAsymmetric : I32EnumAttrCase<"Asymmetric", 3, "asymmetric">;
def Ghost_CoordTfHalfPixelForNn
    : I32EnumAttrCase<"TfHalfPixelForNn", 4, "tf_half_pixel_for_nn">;
def Ghost_CoordinateTransformAttr : I32EnumAttr<"CoordinateTransform",
    "how ghost.resize maps an output coordinate to an input coordinate",
    [Ghost_CoordHalfPixel, Ghost_CoordPytorchHalfPixel, Ghost_CoordAlignCorners,
     Ghost_CoordAsymmetric, Ghost_CoordTfHalfPixelForNn]> {
  let cppNamespace = "::ghostc::ghost";
}

def Ghost_NearestRoundPreferFloor
    : I32EnumAttrCase<"RoundPreferFloor", 0, "round_prefer_floor">;
def Ghost_NearestRoundPreferCeil
    : I32EnumAttrCase<"RoundPreferCeil", 1, "round_prefer_ceil">;
def Ghost_NearestFloor : I32EnumAttrCase<"Floor", 2, "floor">;
def Ghost_NearestCeil : I32EnumAttrCase<"Ceil", 3, "ceil">;
def Ghost_NearestModeAttr : I32EnumAttr<"NearestMode",
    "how ghost.resize rounds a coordinate in nearest mode",
    [Ghost_NearestRoundPreferFloor, Ghost_NearestRoundPreferCeil,
     Ghost_NearestFloor, Ghost_NearestCeil]> {
  let cppNamespace = "::ghostc::ghost";
}

def Ghost_PadModeConstant : I32EnumAttrCase<"Constant", 0, "constant">;
def Ghost_PadModeReflect : I32EnumAttrCase<"Reflect", 1, "reflect">;
def Ghost_PadModeEdge : I32EnumAttrCase<"Edge", 2, "edge">;
def Ghost_PadModeAttr : I32EnumAttr<"PadMode", "how ghost.pad fills the border",
    [Ghost_PadModeConstant, Ghost_PadModeReflect, Ghost_PadModeEdge]> {
  let cppNamespace = "::ghostc::ghost";
}

//===----------------------------------------------------------------------===//
// Types and base class
//===----------------------------------------------------------------------===//

/// Every value of the dialect is a statically shaped f32 tensor.
def Ghost_Tensor : StaticShapeTensorOf<[F32]>;
def Ghost_Tensor4D : Type<And<[Ghost_Tensor.predicate, HasAnyRankOfPred<[4]>]>,
    "statically shaped 4-D tensor of 32-bit float values",
    "::mlir::RankedTensorType">;

class Ghost_Op<string mnemonic, list<Trait> traits = []>
    : Op<Ghost_Dialect, mnemonic, traits>;

#endif // GHOSTC_DIALECT_GHOST_GHOSTDIALECT_TD
