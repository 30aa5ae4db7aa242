//===- MachineCode.cpp - LLVM dialect to assembly or objects --------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Support/Weights.h"
#include "ghostc/Target/Emit.h"

#include "ElfLink.h"
#include "Partition.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Threading.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SwapByteOrder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace mlir;

namespace {

/// The CPU to generate for when none is named: the baseline every machine
/// of the architecture runs.
std::string baselineCpu(const llvm::Triple &triple) {
  if (triple.getArch() == llvm::Triple::x86_64)
    return "x86-64";
  return "generic";
}

llvm::OptimizationLevel optimizationLevel(unsigned level) {
  switch (level) {
  case 0:
    return llvm::OptimizationLevel::O0;
  case 1:
    return llvm::OptimizationLevel::O1;
  case 2:
    return llvm::OptimizationLevel::O2;
  default:
    return llvm::OptimizationLevel::O3;
  }
}

/// Bounds the memory dependences the instruction schedulers track in one
/// region. The kernels are long straight runs of loads and FMAs, and
/// building their dependence graphs with LLVM's default bound (1000 memory
/// operations) took about 40% of GhostNet's compile time; 256 saves nearly
/// all of it. At 64, ResNet-18 ran about 3% slower; at 256 the difference
/// was within the machine's noise. A value given on LLVM's own command line
/// (none in ghostc) is left alone.
void boundSchedulingRegions() {
  auto &options = llvm::cl::getRegisteredOptions();
  auto it = options.find("dag-maps-huge-region");
  if (it != options.end() && it->second->getNumOccurrences() == 0)
    (void)it->second->addOccurrence(0, it->first, "256");
}

/// Runs LLVM's default module pipeline for `level` on `module`.
void optimize(llvm::Module &module, llvm::TargetMachine &machine,
              unsigned level) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(sccs);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, sccs, modules);
  llvm::ModulePassManager pipeline =
      level == 0
          ? builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0)
          : builder.buildPerModuleDefaultPipeline(optimizationLevel(level));
  pipeline.run(module, modules);
}

} // namespace

namespace {

/// A target named by TargetOptions, checked and filled in.
struct ResolvedTarget {
  const llvm::Target *target;
  llvm::Triple triple;
  std::string cpu, features;
};

llvm::Expected<ResolvedTarget>
resolveTarget(const ghostc::TargetOptions &options) {
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargets();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmPrinters();

  ResolvedTarget resolved;
  resolved.triple = llvm::Triple(options.triple.empty()
                                     ? llvm::sys::getDefaultTargetTriple()
                                     : llvm::Triple::normalize(options.triple));
  std::string error;
  resolved.target = llvm::TargetRegistry::lookupTarget(resolved.triple, error);
  if (!resolved.target)
    return llvm::createStringError("unsupported target triple '" +
                                   resolved.triple.str() + "': " + error);
  resolved.cpu =
      options.cpu.empty() ? baselineCpu(resolved.triple) : options.cpu;
  if (resolved.cpu == "native") {
    resolved.cpu = llvm::sys::getHostCPUName().str();
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      resolved.features +=
          (feature.second ? "+" : "-") + feature.first().str() + ",";
    return resolved;
  }
  // Checked with a CPU-less subtarget, so that LLVM prints no warning of
  // its own about an unknown name.
  std::unique_ptr<llvm::MCSubtargetInfo> info(
      resolved.target->createMCSubtargetInfo(resolved.triple, "", ""));
  if (resolved.cpu != "generic" &&
      (!info || !info->isCPUStringValid(resolved.cpu)))
    return llvm::createStringError("unknown CPU '" + resolved.cpu +
                                   "' for target " + resolved.triple.str());
  return resolved;
}

} // namespace

llvm::Expected<ghostc::TargetDescription>
ghostc::describeTarget(const TargetOptions &options) {
  llvm::Expected<ResolvedTarget> resolved = resolveTarget(options);
  if (!resolved)
    return resolved.takeError();
  std::unique_ptr<llvm::MCSubtargetInfo> info(
      resolved->target->createMCSubtargetInfo(resolved->triple, resolved->cpu,
                                              resolved->features));
  auto has = [&](llvm::StringRef feature) {
    return info && info->checkFeatures(("+" + feature).str());
  };
  TargetDescription description;
  description.triple = resolved->triple.str();
  description.cpu = resolved->cpu;
  if (resolved->triple.isX86()) {
    // AVX-512 doubles both the width and the number of vector registers.
    bool avx512 = has("avx512f");
    description.vectorBits = avx512 ? 512 : has("avx") ? 256 : 128;
    description.vectorRegisters = avx512 ? 32 : 16;
    description.fma = has("fma") || avx512;
  } else if (resolved->triple.isAArch64()) {
    // NEON (Advanced SIMD) is part of the AArch64 baseline: 32 registers
    // of 128 bits with FMLA.
    description.vectorBits = 128;
    description.vectorRegisters = 32;
    description.fma = true;
  }
  return description;
}

namespace {

/// Partitions an object's module is split into for code generation on all
/// cores. Fixed, not the number of threads, so that the object is the same
/// on every machine; 8 keeps up to 8 cores busy while the partitions
/// stay large enough for their setup not to count.
constexpr unsigned objectPartitions = 8;

/// Whether partitions' objects can be linked into one (ElfLink.h).
bool canLinkPartitions(const llvm::Triple &triple) {
  return triple.isOSBinFormatELF() && triple.isArch64Bit() &&
         triple.isLittleEndian();
}

/// Takes the large constants (the weights) out of `module` for the object
/// to hold as bytes: LLVM never copies, optimises or writes them. Each
/// stays in `module` as a hidden declaration that the code refers to, and
/// the linked object defines it as a local symbol. Taken are the local
/// constants of more than maxCodeConstantBytes held as dense or resource
/// elements of integers or floats of whole bytes, in the target's byte
/// order (a little-endian host's, as every target that links partitions is
/// little-endian). The bytes stay where the attributes hold them.
std::vector<ghostc::DataSymbol> takeConstantData(ModuleOp module) {
  std::vector<ghostc::DataSymbol> data;
  if (!llvm::sys::IsLittleEndianHost)
    return data;
  DataLayout layout(module);
  for (auto global : module.getOps<LLVM::GlobalOp>()) {
    auto value = dyn_cast_or_null<ElementsAttr>(global.getValueAttr());
    std::optional<ArrayRef<char>> bytes = ghostc::elementBytes(value);
    if (!bytes || !global.getConstant() ||
        (global.getLinkage() != LLVM::Linkage::Private &&
         global.getLinkage() != LLVM::Linkage::Internal) ||
        !global.getInitializer().empty() || global.getSection() ||
        global.getThreadLocal_() || global.getAddrSpace() != 0)
      continue;
    Type element = value.getElementType();
    if (!element.isIntOrFloat() || element.getIntOrFloatBitWidth() % 8 != 0)
      continue;
    if (bytes->size() <= ghostc::maxCodeConstantBytes ||
        bytes->size() != layout.getTypeSize(global.getGlobalType()))
      continue;
    data.push_back({global.getSymName().str(), *bytes,
                    global.getAlignment().value_or(
                        layout.getTypeABIAlignment(global.getGlobalType()))});
    global.removeValueAttr();
    global.setLinkage(LLVM::Linkage::External);
    global.setVisibility_(LLVM::Visibility::Hidden);
  }
  return data;
}

/// Optimises `module` (with its triple and data layout set) and writes
/// `kind` to `os`, with a target machine of its own: one thread's share of
/// an object, or all of it.
LogicalResult generate(llvm::Module &module, const ResolvedTarget &resolved,
                       unsigned optLevel, ghostc::MachineOutput kind,
                       llvm::raw_pwrite_stream &os, Location loc,
                       TimingScope &timing) {
  auto codeGenLevel = optLevel == 0   ? llvm::CodeGenOptLevel::None
                      : optLevel == 1 ? llvm::CodeGenOptLevel::Less
                      : optLevel == 2 ? llvm::CodeGenOptLevel::Default
                                      : llvm::CodeGenOptLevel::Aggressive;
  std::unique_ptr<llvm::TargetMachine> machine(
      resolved.target->createTargetMachine(
          resolved.triple, resolved.cpu, resolved.features,
          llvm::TargetOptions(), llvm::Reloc::PIC_, std::nullopt,
          codeGenLevel));
  if (!machine)
    return emitError(loc, "cannot create a target machine for ")
           << resolved.triple.str();
  TimingScope optimizeTimer = timing.nest("LLVM optimisation");
  optimize(module, *machine, optLevel);
  optimizeTimer.stop();

  if (kind == ghostc::MachineOutput::LLVMIR) {
    module.print(os, nullptr);
    return success();
  }
  TimingScope codegenTimer = timing.nest("LLVM code generation");
  llvm::legacy::PassManager codegen;
  if (machine->addPassesToEmitFile(codegen, os, nullptr,
                                   kind == ghostc::MachineOutput::Object
                                       ? llvm::CodeGenFileType::ObjectFile
                                       : llvm::CodeGenFileType::AssemblyFile))
    return emitError(loc, "the target cannot emit this kind of file");
  codegen.run(module);
  return success();
}

/// Writes the object of `partitions` and `data` to `os`: the partitions'
/// code generated in parallel on the threads of the MLIR context, then
/// linked into one object with the data.
LogicalResult generatePartitioned(ghostc::ModulePartitions &partitions,
                                  ArrayRef<ghostc::DataSymbol> data,
                                  const ResolvedTarget &resolved,
                                  unsigned optLevel, llvm::raw_ostream &os,
                                  Location loc, TimingScope &timing) {
  size_t count = partitions.code.size();
  std::vector<llvm::SmallVector<char, 0>> objects(count);
  // The tasks' scopes, nested from every thread, add up under this one.
  TimingScope tasksTimer =
      timing.nest("Partitions (" + std::to_string(count) + ")");
  if (failed(failableParallelForEachN(
          loc.getContext(), 0, count, [&](size_t i) -> LogicalResult {
            llvm::SmallVector<char, 0> &code = partitions.code[i];
            llvm::LLVMContext context;
            llvm::Expected<std::unique_ptr<llvm::Module>> module =
                llvm::parseBitcodeFile(
                    llvm::MemoryBufferRef(
                        llvm::StringRef(code.data(), code.size()),
                        "partition"),
                    context);
            if (!module)
              return emitError(loc, "cannot read partition ")
                     << i << ": " << llvm::toString(module.takeError());
            llvm::raw_svector_ostream object(objects[i]);
            LogicalResult generated =
                generate(**module, resolved, optLevel,
                         ghostc::MachineOutput::Object, object, loc,
                         tasksTimer);
            module->reset();
            code = {};
            return generated;
          })))
    return failure();
  tasksTimer.stop();
  TimingScope linkTimer = timing.nest("Link the partitions' objects");
  llvm::SmallVector<llvm::StringRef> views;
  for (const llvm::SmallVector<char, 0> &object : objects)
    views.push_back(llvm::StringRef(object.data(), object.size()));
  if (llvm::Error error = ghostc::linkRelocatableObjects(
          views, data, partitions.madeVisible, os))
    return emitError(loc, llvm::toString(std::move(error)));
  return success();
}

} // namespace

LogicalResult ghostc::emitMachineCode(ModuleOp module,
                                      const TargetOptions &options,
                                      MachineOutput kind,
                                      llvm::raw_pwrite_stream &os,
                                      TimingScope &timing) {
  // Errors are reported at the module's location, not on the module: an
  // op's diagnostic would print the whole module as a note.
  Location loc = module.getLoc();
  llvm::Expected<ResolvedTarget> resolved = resolveTarget(options);
  if (!resolved)
    return emitError(loc, llvm::toString(resolved.takeError()));
  // The data layout comes from a target machine like the ones that
  // generate the code.
  std::unique_ptr<llvm::TargetMachine> machine(
      resolved->target->createTargetMachine(
          resolved->triple, resolved->cpu, resolved->features,
          llvm::TargetOptions(), llvm::Reloc::PIC_));
  if (!machine)
    return emitError(loc, "cannot create a target machine for ")
           << resolved->triple.str();
  // Set once, before any thread reads LLVM's options.
  boundSchedulingRegions();

  // Objects are generated in partitions where they can be linked.
  bool partitioned =
      kind == MachineOutput::Object && canLinkPartitions(resolved->triple);
  std::vector<DataSymbol> data;
  if (partitioned)
    data = takeConstantData(module);

  llvm::LLVMContext context;
  TimingScope translateTimer = timing.nest("Translate to LLVM IR");
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return emitError(loc, "cannot translate the module to LLVM IR");
  llvmModule->setTargetTriple(resolved->triple);
  llvmModule->setDataLayout(machine->createDataLayout());
  translateTimer.stop();

  if (partitioned) {
    TimingScope splitTimer = timing.nest("Split into partitions");
    ModulePartitions partitions =
        partitionModule(*llvmModule, objectPartitions);
    splitTimer.stop();
    llvmModule.reset();
    return generatePartitioned(partitions, data, *resolved, options.optLevel,
                               os, loc, timing);
  }
  return generate(*llvmModule, *resolved, options.optLevel, kind, os, loc,
                  timing);
}
