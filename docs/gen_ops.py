#!/usr/bin/env python3
"""Writes docs/ops.md, the supported-operator table, from the importer's own.

    build/bin/ghostc --list-ops | python3 docs/gen_ops.py > docs/ops.md

`ghostc --list-ops` prints the operator table of lib/Import/Operators.cpp,
one operator per line: type, versions (comma-separated), what is accepted,
tab-separated. test/Docs/ops.test checks that docs/ops.md is this output.
"""
import sys

HEADER = """# Supported ONNX operators

Generated from the importer's operator table by `docs/gen_ops.py` (see its
header); test/Docs/ops.test keeps this page in sync. Do not edit by hand.

ghostc reads models of opsets 1 to {max_opset} of the default ONNX domain.
A node is read with the latest version of its operator's schema that is not
newer than the model's opset: "versions" lists the schema versions ghostc
implements, each with that version's attributes, inputs and defaults. An
operator is available from its first listed version.

Inputs that must be known at compile time (weights, shapes, axes, bounds)
can be initializers, Constant nodes or anything computed from them. At run
time every tensor is float32; integer tensors exist only at compile time.
Windows (Conv and pooling) are 1-D (NCW) or 2-D (NCHW).

| operator | versions | accepted |
| --- | --- | --- |
"""


def main() -> int:
    rows = []
    for number, line in enumerate(sys.stdin, 1):
        line = line.rstrip("\n")
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            sys.stderr.write(f"gen_ops.py: line {number}: expected 3 "
                             f"tab-separated fields, got {len(fields)}\n")
            return 1
        op, versions, limits = fields
        rows.append(f"| {op} | {versions.replace(',', ', ')} | {limits} |")
    if not rows:
        sys.stderr.write("gen_ops.py: no operators on standard input\n")
        return 1
    max_opset = 21  # kMaxOpset in include/ghostc/Import/OnnxImporter.h
    sys.stdout.write(HEADER.format(max_opset=max_opset) + "\n".join(rows) +
                     "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
