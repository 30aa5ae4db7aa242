//===- Pipelines.cpp - ghostc's pass pipelines ----------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Pipelines/Pipelines.h"
#include "ghostc/Conversion/Passes.h"
#include "ghostc/Dialect/Ghost/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

static void addGraphPasses(OpPassManager &pm) {
  using namespace ghostc::ghost;
  OpPassManager &func = pm.nest<func::FuncOp>();
  // The importer leaves identities behind (reshape chains, one-input concats,
  // whole-tensor slices); the ghost folders remove them first so that the
  // patterns below see the bare structure.
  func.addPass(createCanonicalizerPass());
  // BatchNormalization disappears into the convolutions' constants before
  // anything looks for conv -> activation chains.
  func.addPass(createGhostFoldBatchNorm());
  // One spelling of each gate, so that fusion and SE lifting match one form.
  func.addPass(createGhostCanonicalizeGates());
  // Activations become conv/gemm attributes: the Ghost module and SE
  // patterns are written against fused convolutions.
  func.addPass(createGhostFuseActivations());
  func.addPass(createGhostLiftGhostModule());
  func.addPass(createGhostLiftSE());
  // Fold the reshapes of SE weights and the now-dead constants.
  func.addPass(createCanonicalizerPass());
  func.addPass(createCSEPass());
}

static void addLoopLowering(OpPassManager &pm,
                            const ghostc::LoweringOptions &options) {
  // What each node computes, while the graph still says it, for the table
  // of a profiling object.
  if (options.profile)
    pm.addPass(ghostc::createGhostDescribeLayers());
  // Every ghost op becomes linalg on tensors, in destination-passing style.
  pm.addNestedPass<func::FuncOp>(ghostc::createConvertGhostToLinalg());
  pm.addNestedPass<func::FuncOp>(createCanonicalizerPass());
  // Tensors become buffers; function boundaries get identity layouts so
  // that the ABI can pass plain pointers.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // Equal subviews become one, so that copies of a buffer onto itself (an
  // insert_slice written in place) fold away.
  pm.addNestedPass<func::FuncOp>(createCSEPass());
  pm.addNestedPass<func::FuncOp>(createCanonicalizerPass());
  // Convolutions, nearly all of the arithmetic, get register-blocked vector
  // kernels, which take in the bias, activation and padding around them.
  pm.addPass(ghostc::createGhostLowerConvolutions());
  // The other ops walk whole planes or tensors in order: one loop each, long
  // enough to vectorise, instead of rows of 7 or 14 columns.
  pm.addNestedPass<func::FuncOp>(ghostc::createGhostCollapseGenericDims());
  // The padded copies the kernels no longer read go, before the memory plan
  // gives them space.
  pm.addNestedPass<func::FuncOp>(createCanonicalizerPass());
  // Results into output arguments, every other buffer into one workspace.
  pm.addPass(ghostc::createGhostPlanMemory());
  // The other linalg ops become plain affine loops.
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToAffineLoopsPass());
  // One function per layer: LLVM optimises many small functions much faster
  // than one huge one, and profiles name every layer.
  pm.addPass(ghostc::createGhostOutlineLayers());
  pm.addNestedPass<func::FuncOp>(createCanonicalizerPass());
  // Dense layers on one pixel stream eight weight rows at once, with each
  // output in a register across its eight terms (needs the layers' noalias
  // arguments).
  pm.addNestedPass<func::FuncOp>(ghostc::createGhostJamAccumulations());
  // Repeated blocks: one function, the weights as arguments.
  pm.addPass(ghostc::createGhostShareLayers());
  if (options.profile) {
    ghostc::GhostProfileLayersOptions profile;
    profile.prefix = options.prefix;
    pm.addPass(ghostc::createGhostProfileLayers(profile));
  }
}

static void addLLVMLowering(OpPassManager &pm, StringRef prefix) {
  // Weights as one flat LLVM constant each, not one per row.
  pm.addPass(ghostc::createGhostFlattenConstants());
  // Everything up to the memref lowering works within one function at a
  // time, so that the layers convert in parallel on all cores.
  OpPassManager &layers = pm.nest<func::FuncOp>();
  // exp (sigmoid, SiLU) as arithmetic that vectorises, not calls to expf.
  layers.addPass(ghostc::createGhostApproximateMath());
  layers.addPass(createLowerAffinePass());
  layers.addPass(createSCFToControlFlowPass());
  // 1-D transfers become (masked) loads and stores, vector.fma becomes
  // llvm.intr.fmuladd, which fuses where the target has FMA.
  layers.addPass(createConvertVectorToLLVMPass());
  // Views (subview, expand/collapse, view) become explicit offsets and
  // strides, which the LLVM lowering of memrefs needs.
  layers.addPass(memref::createExpandStridedMetadataPass());
  layers.addPass(createLowerAffinePass());
  layers.addPass(createArithToLLVMConversionPass());
  layers.addPass(createConvertMathToLLVMPass());
  layers.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  // Bare pointers: the C entry points pass one pointer per tensor.
  ConvertFuncToLLVMPassOptions func;
  func.useBarePtrCallConv = true;
  pm.addPass(createConvertFuncToLLVMPass(func));
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  ghostc::GhostEmitCInterfaceOptions abi;
  abi.prefix = prefix.str();
  pm.addPass(ghostc::createGhostEmitCInterface(abi));
}

void ghostc::buildGhostLoweringPipeline(OpPassManager &pm,
                                        const LoweringOptions &options) {
  addGraphPasses(pm);
  if (options.last >= Stage::Loops)
    addLoopLowering(pm, options);
  if (options.last >= Stage::LLVM)
    addLLVMLowering(pm, options.prefix);
}

void ghostc::registerPipelines() {
  auto registerStage = [](StringRef flag, StringRef description, Stage last) {
    PassPipelineRegistration<>(flag, description, [last](OpPassManager &pm) {
      LoweringOptions options;
      options.last = last;
      buildGhostLoweringPipeline(pm, options);
    });
  };
  registerStage("ghost-graph-pipeline",
                "The graph passes ghostc runs on imported models "
                "(--emit=ghost)",
                Stage::Graph);
  registerStage("ghost-to-loops-pipeline",
                "From imported ghost IR to affine loops on one workspace "
                "(--emit=loops)",
                Stage::Loops);
  registerStage("ghost-lowering-pipeline",
                "The whole lowering, from imported ghost IR to the LLVM "
                "dialect with the C entry points",
                Stage::LLVM);
}
