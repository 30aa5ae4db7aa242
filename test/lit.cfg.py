# -*- Python -*-
"""lit configuration of ghostc's regression tests."""

import os
import shutil

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "GHOSTC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".onnxtxt", ".test"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "Inputs", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ghostc_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
# Debian's interpreter has torch, onnx and numpy; the first python3 on PATH
# may be another build without them.
config.substitutions.append(("%python", "/usr/bin/python3"))
config.substitutions.append(("%ghostc_src", config.ghostc_src_root))
config.substitutions.append(("%ghostc_obj", config.ghostc_obj_root))
llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tools = [
    ToolSubst("ghostc-opt", unresolved="fatal"),
    ToolSubst("ghostc", unresolved="ignore"),
]
llvm_config.add_tool_substitutions(tools, [config.ghostc_tools_dir])

# End-to-end tests link generated objects with a C harness and run them:
# natively, and for AArch64 under qemu-user with the Debian cross toolchain.
config.substitutions.append(("%cc", "cc"))
config.substitutions.append(
    ("%run_model_c", os.path.join(config.ghostc_src_root, "test", "e2e", "Inputs", "run_model.c")))
config.substitutions.append(
    ("%export_zoo", os.path.join(config.ghostc_src_root, "test", "Models", "export_zoo.py")))
if shutil.which("aarch64-linux-gnu-gcc") and shutil.which("qemu-aarch64"):
    config.available_features.add("aarch64-emulation")
# A build with sanitizers (scripts/sanitize.sh): their allocator keeps freed
# memory in quarantine and shadows what is allocated, so that memory use
# measures the sanitizer, not ghostc.
if getattr(config, "ghostc_sanitize", ""):
    config.available_features.add("sanitizers")
