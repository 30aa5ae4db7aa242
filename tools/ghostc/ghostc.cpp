//===- ghostc.cpp - the ghostc compiler driver ----------------------------===//
//
// Part of ghostc, an ahead-of-time compiler for GhostNet-family ONNX models.
//
//===----------------------------------------------------------------------===//
//
// ghostc model.onnx [-o model.o] [--emit=import|ghost|loops|llvm|asm|obj]
//        [--mtriple=T] [--mcpu=C] [-O0..-O3] [--name=N] [--batch N] [--dim N=V]
//        [--max-tensor-elements=N] [--max-weight-bytes=N] [--profile] [--timing]
//        [--jobs=N]
//
// The driver owns the process: it parses options, imports the model, runs the
// pipeline up to the requested stage and writes the result. Every error is
// printed as `ghostc: error: <file>: <what>` and ends the run with status 1.
//
//===----------------------------------------------------------------------===//

#include "ghostc/Dialect/Ghost/GhostDialect.h"
#include "ghostc/Import/OnnxImporter.h"
#include "ghostc/InitAll.h"
#include "ghostc/Pipelines/Pipelines.h"
#include "ghostc/Support/Weights.h"
#include "ghostc/Target/Emit.h"

#include "LargeAllocations.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <optional>
#include <sys/resource.h>

using namespace mlir;
using namespace llvm;

#ifndef GHOSTC_VERSION
#define GHOSTC_VERSION "unknown"
#endif

namespace {

enum class EmitKind { Import, Ghost, Loops, LLVM, Asm, Obj };

cl::OptionCategory ghostcCategory("ghostc options");

cl::opt<std::string> inputFilename(cl::Positional, cl::Optional,
                                   cl::desc("<model.onnx | model.onnxtxt>"),
                                   cl::cat(ghostcCategory));

cl::opt<std::string> outputFilename(
    "o", cl::value_desc("file"),
    cl::desc("Output file; '-' is standard output. Default: <model>.o for "
             "objects (with <model>.h beside it), standard output otherwise"),
    cl::cat(ghostcCategory));

cl::opt<EmitKind> emitKind(
    "emit", cl::desc("Stage to stop at and write (default: obj):"),
    cl::values(
        clEnumValN(EmitKind::Import, "import",
                   "the ghost dialect as imported from ONNX"),
        clEnumValN(EmitKind::Ghost, "ghost",
                   "the ghost dialect after the graph passes"),
        clEnumValN(EmitKind::Loops, "loops",
                   "affine loops on one static workspace"),
        clEnumValN(EmitKind::LLVM, "llvm", "optimised LLVM IR"),
        clEnumValN(EmitKind::Asm, "asm", "assembly for the target"),
        clEnumValN(EmitKind::Obj, "obj",
                   "an object file and its C header (<output>.h)")),
    cl::init(EmitKind::Obj), cl::cat(ghostcCategory));

cl::opt<std::string>
    targetTriple("mtriple", cl::value_desc("triple"),
                 cl::desc("Target triple, e.g. aarch64-linux-gnu (default: "
                          "the host)"),
                 cl::cat(ghostcCategory));

cl::opt<std::string>
    targetCpu("mcpu", cl::value_desc("cpu"),
              cl::desc("Target CPU (default: the portable baseline of the "
                       "triple; 'native' for this machine's)"),
              cl::cat(ghostcCategory));

// -O2 by default: the kernels come out of MLIR unrolled and vectorised, and
// LLVM's O3 only unrolls their loops further (GhostNet 1.0x: 25% more code,
// 1.5 s more compile) for no speed: seven models of the zoo ran within 1% of
// -O3 (8 alternating rounds each, AVX-512).
cl::opt<unsigned> optLevel("O", cl::Prefix, cl::value_desc("level"),
                           cl::desc("Optimisation level 0-3 (default 2)"),
                           cl::init(2), cl::cat(ghostcCategory));

cl::opt<std::string> symbolPrefix(
    "name", cl::value_desc("prefix"),
    cl::desc("Prefix of the generated C symbols (default: the output file's "
             "stem)"),
    cl::cat(ghostcCategory));

cl::opt<int64_t> batchSize(
    "batch",
    cl::desc("Value of a symbolic leading (batch) axis of the inputs "
             "(default 1)"),
    cl::init(1), cl::value_desc("N"), cl::cat(ghostcCategory));

cl::list<std::string> dimBindings(
    "dim",
    cl::desc("Bind the symbolic dimension NAME to VALUE (repeatable); takes "
             "precedence over --batch"),
    cl::value_desc("NAME=VALUE"), cl::cat(ghostcCategory));

cl::opt<int64_t> maxTensorElements(
    "max-tensor-elements",
    cl::desc("Refuse a model with any tensor of more elements (default "
             "2^28; at most 2^30)"),
    cl::init(ghostc::ImportOptions().maxTensorElements), cl::value_desc("N"),
    cl::cat(ghostcCategory));

cl::opt<int64_t> maxWeightBytes(
    "max-weight-bytes",
    cl::desc("Refuse a model whose initializers hold more bytes (default "
             "2 GiB)"),
    cl::init(ghostc::ImportOptions().maxWeightBytes), cl::value_desc("N"),
    cl::cat(ghostcCategory));

cl::opt<bool> elideWeights(
    "elide-weights",
    cl::desc("Print large constants as elided placeholders (output no longer "
             "parses back)"),
    cl::init(false), cl::cat(ghostcCategory));

cl::opt<bool> profileLayers(
    "profile",
    cl::desc("Build an object that times every layer into "
             "<name>_profile_ns (see bench/profile.sh)"),
    cl::init(false), cl::cat(ghostcCategory));

cl::opt<unsigned> threadCount(
    "jobs",
    cl::desc("Threads for the passes and LLVM's code generation (default 0: "
             "one per core); the output is the same for any number"),
    cl::init(0), cl::value_desc("N"), cl::cat(ghostcCategory));

cl::opt<bool> printTiming("timing",
                          cl::desc("Print the time each stage took, and the "
                                   "peak memory, to standard error"),
                          cl::init(false), cl::cat(ghostcCategory));

cl::opt<bool> listOperators(
    "list-ops",
    cl::desc("Print the supported ONNX operators, one per line: name, the "
             "versions read (comma-separated), what is accepted; tab-separated"),
    cl::init(false), cl::cat(ghostcCategory));

/// Prints the importer's operator table for --list-ops.
void printOperators(raw_ostream &os) {
  ghostc::forEachSupportedOperator([&](const ghostc::SupportedOperator &op) {
    os << op.opType << '\t';
    llvm::interleave(op.versions, os, ",");
    os << '\t' << op.limits << '\n';
  });
}

/// Prints diagnostics as `ghostc: error: <file>: <message>`; the importer's
/// messages already name the ONNX node.
class DiagnosticPrinter {
public:
  explicit DiagnosticPrinter(MLIRContext &context)
      : handler(&context, [this](Diagnostic &diag) { print(diag); }) {}

  bool sawError() const { return errors > 0; }

private:
  void print(Diagnostic &diag) {
    raw_ostream &os = errs();
    os << "ghostc: ";
    switch (diag.getSeverity()) {
    case DiagnosticSeverity::Error:
      ++errors;
      WithColor(os, HighlightColor::Error) << "error: ";
      break;
    case DiagnosticSeverity::Warning:
      WithColor(os, HighlightColor::Warning) << "warning: ";
      break;
    default:
      WithColor(os, HighlightColor::Note) << "note: ";
      break;
    }
    os << inputFilename << ": " << diag.str() << "\n";
    for (Diagnostic &note : diag.getNotes())
      print(note);
  }

  unsigned errors = 0;
  ScopedDiagnosticHandler handler;
};

void printVersion(raw_ostream &os) {
  os << "ghostc " << GHOSTC_VERSION << "\n"
     << "  built with LLVM/MLIR " << LLVM_VERSION_STRING << "\n";
}

/// Parses --batch, the --dim bindings and the size limits into `options`;
/// reports a malformed one.
LogicalResult parseImportOptions(ghostc::ImportOptions &options) {
  for (const std::string &binding : dimBindings) {
    auto [name, value] = StringRef(binding).split('=');
    int64_t size = 0;
    if (name.empty() || value.getAsInteger(10, size) || size <= 0) {
      WithColor::error(errs(), "ghostc")
          << "--dim expects NAME=VALUE with a positive VALUE, got '" << binding
          << "'\n";
      return failure();
    }
    options.dims[name] = size;
  }
  if (batchSize <= 0) {
    WithColor::error(errs(), "ghostc") << "--batch must be positive\n";
    return failure();
  }
  options.batch = batchSize;
  if (maxTensorElements <= 0 || maxWeightBytes < 0) {
    WithColor::error(errs(), "ghostc")
        << "--max-tensor-elements must be positive and --max-weight-bytes "
           "not negative\n";
    return failure();
  }
  options.maxTensorElements = maxTensorElements;
  options.maxWeightBytes = maxWeightBytes;
  return success();
}

/// The output path: -o, or <model stem>.o for objects, or standard output.
std::string outputPath() {
  if (!outputFilename.empty())
    return outputFilename;
  if (emitKind != EmitKind::Obj)
    return "-";
  return llvm::sys::path::stem(inputFilename).str() + ".o";
}

/// A C identifier from `text`: other characters become '_', and a leading
/// digit gets a '_' in front.
std::string cIdentifier(StringRef text) {
  std::string id;
  for (char c : text)
    id += llvm::isAlnum(c) ? c : '_';
  if (id.empty() || llvm::isDigit(id[0]))
    id = "_" + id;
  return id;
}

/// Opens `path` for writing; reports failure.
std::unique_ptr<ToolOutputFile> openOutput(StringRef path) {
  std::string error;
  auto file = openOutputFile(path, &error);
  if (!file)
    WithColor::error(errs(), "ghostc") << error << "\n";
  return file;
}

/// The most memory this process has held, in MiB (its peak resident set).
long peakMemoryMiB() {
  // The high-water mark of this process's memory since it started: getrusage
  // also counts what the process was before exec, so a ghostc started from
  // a large Python process reported that process's size.
  if (auto status = MemoryBuffer::getFileAsStream("/proc/self/status")) {
    StringRef text = (*status)->getBuffer();
    size_t at = text.find("VmHWM:");
    long kilobytes;
    if (at != StringRef::npos && !text.substr(at + strlen("VmHWM:"))
                                      .ltrim()
                                      .consumeInteger(10, kilobytes))
      return kilobytes / 1024;
  }
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss / 1024; // kilobytes on Linux
}

int run(MLIRContext &context) {
  if (listOperators) {
    printOperators(outs());
    return 0;
  }
  if (inputFilename.empty()) {
    WithColor::error(errs(), "ghostc")
        << "no input model (see --help)\n";
    return 1;
  }
  ghostc::ImportOptions options;
  if (failed(parseImportOptions(options)))
    return 1;
  if (optLevel > 3) {
    WithColor::error(errs(), "ghostc") << "-O takes a level from 0 to 3\n";
    return 1;
  }
  std::string output = outputPath();
  // Everything about the command line is checked before compiling.
  if (emitKind == EmitKind::Obj) {
    if (output == "-") {
      WithColor::error(errs(), "ghostc")
          << "an object needs an output file for its header beside it\n";
      return 1;
    }
    if (llvm::sys::path::extension(output) == ".h") {
      WithColor::error(errs(), "ghostc")
          << "the object's output '" << output
          << "' ends in .h, where its header goes\n";
      return 1;
    }
  }
  ghostc::TargetOptions target;
  target.triple = targetTriple;
  target.cpu = targetCpu;
  target.optLevel = optLevel;
  // The kernels are chosen for the target from the graph passes on, so
  // every stage after the import needs it.
  std::optional<ghostc::TargetDescription> description;
  if (emitKind != EmitKind::Import) {
    llvm::Expected<ghostc::TargetDescription> described =
        ghostc::describeTarget(target);
    if (!described) {
      WithColor::error(errs(), "ghostc")
          << llvm::toString(described.takeError()) << "\n";
      return 1;
    }
    description = *described;
  }
  std::string prefix = cIdentifier(
      !symbolPrefix.empty() ? StringRef(symbolPrefix)
      : output == "-"       ? StringRef("model")
                            : llvm::sys::path::stem(output));
  DiagnosticPrinter diagnostics(context);

  DefaultTimingManager timing;
  timing.setEnabled(printTiming);
  // The compilation proper, timed under `root`.
  auto compile = [&](TimingScope &root) -> int {
    OwningOpRef<ModuleOp> module;
    {
      TimingScope importTimer = root.nest("Import " + inputFilename);
      module = ghostc::importOnnxFile(context, inputFilename, options);
    }
    if (!module || diagnostics.sawError())
      return 1;
    // The header describes the model as imported: names, shapes, order.
    auto main = cast<func::FuncOp>(module->lookupSymbol("main"));
    // Its signature alone: a copy of the graph would hold on to the weights
    // the passes replace.
    OwningOpRef<func::FuncOp> signature(
        cast<func::FuncOp>(main->cloneWithoutRegions()));

    if (description)
      description->record(*module);

    if (emitKind != EmitKind::Import) {
      ghostc::LoweringOptions lowering;
      lowering.prefix = prefix;
      lowering.profile = profileLayers;
      lowering.last = emitKind == EmitKind::Ghost   ? ghostc::Stage::Graph
                      : emitKind == EmitKind::Loops ? ghostc::Stage::Loops
                                                    : ghostc::Stage::LLVM;
      PassManager pm(&context);
      TimingScope passTimer = root.nest("Passes");
      pm.enableTiming(passTimer);
      // The weights a pass replaces (BatchNorm folding, packing) go at once.
      pm.addInstrumentation(std::make_unique<ghostc::ReleaseDeadWeights>());
      ghostc::buildGhostLoweringPipeline(pm, lowering);
      if (failed(pm.run(*module)))
        return 1;
    }

    TimingScope outputTimer = root.nest("Output");
    auto file = openOutput(output);
    if (!file)
      return 1;
    if (emitKind <= EmitKind::Loops) {
      OpPrintingFlags flags;
      if (elideWeights)
        flags.elideLargeElementsAttrs(16).elideLargeResourceString(16);
      module->print(file->os(), flags);
    } else {
      ghostc::MachineOutput kind =
          emitKind == EmitKind::LLVM  ? ghostc::MachineOutput::LLVMIR
          : emitKind == EmitKind::Asm ? ghostc::MachineOutput::Assembly
                                      : ghostc::MachineOutput::Object;
      if (failed(ghostc::emitMachineCode(*module, target, kind, file->os(),
                                         outputTimer)))
        return 1;
    }
    if (emitKind == EmitKind::Obj) {
      SmallString<256> headerPath(output);
      llvm::sys::path::replace_extension(headerPath, "h");
      auto header = openOutput(headerPath);
      if (!header)
        return 1;
      ghostc::emitHeader(*signature, prefix, inputFilename, profileLayers,
                         header->os());
      header->keep();
    }
    file->keep();
    return 0;
  };
  int status;
  {
    TimingScope root = timing.getRootScope();
    status = compile(root);
  }
  if (printTiming) {
    timing.print();
    timing.setEnabled(false); // printed: nothing more at destruction
    errs() << "  Peak memory: " << peakMemoryMiB() << " MiB\n";
  }
  return status;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  ghostc::mapLargeAllocations();
  cl::HideUnrelatedOptions(ghostcCategory);
  cl::SetVersionPrinter(printVersion);
  cl::ParseCommandLineOptions(
      argc, argv,
      "ghostc: ahead-of-time compiler for GhostNet-family ONNX models\n\n"
      "  Compiles an ONNX model (binary .onnx, or ONNX text syntax .onnxtxt)\n"
      "  into a native object file and a C header, for the host or, with\n"
      "  --mtriple, any x86-64 or AArch64 target. --emit stops at an earlier\n"
      "  stage and writes it instead.\n\n"
      "  Examples:\n"
      "    ghostc ghostnet.onnx -o ghostnet.o      (ghostnet.o + ghostnet.h)\n"
      "    ghostc ghostnet.onnx --mtriple=aarch64-linux-gnu -o arm/ghostnet.o\n"
      "    ghostc ghostnet.onnx --emit=ghost --elide-weights\n");

  DialectRegistry registry;
  ghostc::registerAllDialects(registry);
  // The pool outlives the context, which only borrows it.
  std::optional<DefaultThreadPool> threads;
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  if (threadCount != 1) {
    threads.emplace(hardware_concurrency(threadCount));
    context.setThreadPool(*threads);
  }
  return run(context);
}
