#!/usr/bin/env python3
"""Runs ONNX's own backend test suite through ghostc.

    test/onnx-backend/run.py [--data DIR] [--skips FILE] [-k REGEX]... [-j N]
                             [-v] [--write-skips]

Each test of the suite (Debian's libonnx-testdata: node/, pytorch-converted/,
pytorch-operator/, simple/ under /usr/share/libonnx-testdata/data) is a
model.onnx with test_data_set_*/input_N.pb and output_N.pb. For each one the
runner compiles the model for this machine with ghostc, runs it on the stored
inputs and compares with the stored outputs with ONNX's own tolerances
(rtol 1e-3, atol 1e-7).

An ahead-of-time compiler needs some operands at compile time: the inputs in
BIND (Reshape's shape, Slice's starts/ends/axes/steps, ...) become
initializers holding the test's values when the test passes them as graph
inputs. Every other input stays a run-time input.

Skips come from a checked-in list (expected-skips.txt): `<dir>/<test>
<reason>` per line. A listed test is not run; every other test is run, and a
failure is a failure. The runner also works out why a test cannot run (an
operator ghostc does not support at the model's opset, a non-float run-time
input or output); such a test missing from the list, or listed for such a
reason that no longer holds, is "stale" and fails the run too, so that the
list stays the truth. --write-skips rewrites those entries, keeping the
hand-written ones.

The last line is `N passed, N failed, N skipped` (and `N stale`); the exit
status is 0 only without failures or stale entries. The ghostc executable is
$GHOSTC, else the build tree's (see python/ghostc).
"""

import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "python"))
import ghostc  # noqa: E402
from ghostc.compiler import find_ghostc  # noqa: E402

DATA = "/usr/share/libonnx-testdata/data"
SUITES = ("node", "pytorch-converted", "pytorch-operator", "simple")
RTOL, ATOL = 1e-3, 1e-7

# Operands an ahead-of-time compiler needs at compile time, by operator:
# input positions that become initializers when the test feeds them.
BIND = {
    "Reshape": (1,),
    "Slice": (1, 2, 3, 4),
    "Clip": (1, 2),
    "Resize": (1, 2, 3),
    "Squeeze": (1,),
    "Unsqueeze": (1,),
    "ReduceMean": (1,),
    "Pad": (1, 2, 3),
    "ConstantOfShape": (0,),
    "Dropout": (1, 2),
}

# Reasons the runner derives itself; listed entries with these prefixes are
# checked, not trusted.
DERIVED = ("uses ", "run-time ")


def supported_operators(ghostc_path):
    """{op type: first version} from `ghostc --list-ops`."""
    listing = subprocess.run([ghostc_path, "--list-ops"], check=True,
                             capture_output=True, text=True).stdout
    first = {}
    for line in listing.splitlines():
        op, versions, _ = line.split("\t")
        first[op] = min(int(v) for v in versions.split(","))
    return first


def read_tensor(path):
    proto = onnx.TensorProto()
    proto.ParseFromString(Path(path).read_bytes())
    return numpy_helper.to_array(proto)


def opset_of(model):
    for entry in model.opset_import:
        if entry.domain in ("", "ai.onnx"):
            return entry.version
    return 0


def data_sets(test_dir):
    """[(inputs, outputs)] of every test_data_set_*, as lists of arrays."""
    sets = []
    for directory in sorted(glob.glob(os.path.join(test_dir, "test_data_set_*"))):
        def files(kind):
            names = glob.glob(os.path.join(directory, f"{kind}_*.pb"))
            return sorted(names, key=lambda n: int(re.search(r"_(\d+)\.pb$", n)[1]))
        sets.append(([read_tensor(p) for p in files("input")],
                     [read_tensor(p) for p in files("output")]))
    return sets


def bound_inputs(model):
    """Names of the graph inputs that BIND turns into initializers."""
    initializers = {t.name for t in model.graph.initializer}
    graph_inputs = {i.name for i in model.graph.input} - initializers
    names = set()
    for node in model.graph.node:
        for position in BIND.get(node.op_type, ()):
            if position < len(node.input) and node.input[position] in graph_inputs:
                names.add(node.input[position])
    return names


ELEMENT_NAMES = {v: k.lower() for k, v in onnx.TensorProto.DataType.items()}


def derived_reason(model, first_version):
    """Why the test cannot run, worked out from the model, or None."""
    opset = opset_of(model)
    missing = sorted({n.op_type for n in model.graph.node
                      if n.domain not in ("", "ai.onnx")
                      or first_version.get(n.op_type, opset + 1) > opset})
    if missing:
        return "uses " + ", ".join(missing) + " (not supported)"
    bound = bound_inputs(model)
    initializers = {t.name for t in model.graph.initializer}
    for kind, values in (("input", model.graph.input), ("output", model.graph.output)):
        for value in values:
            if value.name in initializers or value.name in bound:
                continue
            if not value.type.HasField("tensor_type"):
                return f"run-time {kind} '{value.name}' is not a tensor"
            element = value.type.tensor_type.elem_type
            if element != onnx.TensorProto.FLOAT:
                return (f"run-time {kind} '{value.name}' is "
                        f"{ELEMENT_NAMES.get(element, element)}")
    return None


def run_test(test_dir):
    """None when the test passes, else the first line of what went wrong."""
    model = onnx.load(os.path.join(test_dir, "model.onnx"))
    sets = data_sets(test_dir)
    if not sets:
        return "no test_data_set_*"
    names = [i.name for i in model.graph.input
             if i.name not in {t.name for t in model.graph.initializer}]
    bound = bound_inputs(model)
    compiled, compiled_for = None, None
    for inputs, expected in sets:
        if len(inputs) != len(names):
            return f"{len(inputs)} stored inputs for {len(names)} graph inputs"
        values = dict(zip(names, inputs))
        key = tuple(values[n].tobytes() for n in sorted(bound))
        if compiled is None or key != compiled_for:
            bound_model = onnx.ModelProto()
            bound_model.CopyFrom(model)
            for name in sorted(bound):
                bound_model.graph.initializer.append(
                    numpy_helper.from_array(values[name], name))
            try:
                compiled = ghostc.compile(bound_model)
            except ghostc.GhostcError as error:
                return str(error).splitlines()[0]
            compiled_for = key
        try:
            actual = compiled(*[values[n] for n in names if n not in bound])
        except (ValueError, TypeError) as error:
            return f"call: {error}"
        if len(actual) != len(expected):
            return f"{len(actual)} outputs, {len(expected)} expected"
        for index, (got, want) in enumerate(zip(actual, expected)):
            if got.shape != want.shape:
                return f"output {index}: shape {got.shape}, expected {want.shape}"
            try:
                np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL)
            except AssertionError as error:
                lines = [l.strip() for l in str(error).splitlines() if l.strip()]
                detail = "; ".join(l for l in lines if l.startswith(("Mismatched", "Max")))
                return f"output {index}: {detail}"
    return None


def read_skips(path):
    skips = {}
    if path.exists():
        for line in path.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            test, _, reason = re.split(r"(\s{2,}|\t)", line, maxsplit=1)
            skips[test] = reason.strip()
    return skips


def write_skips(path, skips):
    header = (
        "# ONNX backend tests that test/onnx-backend/run.py does not run, and why.\n"
        "# `<dir>/<test>  <reason>`. Reasons starting with 'uses ' or 'run-time '\n"
        "# are worked out by the runner from the model (an operator ghostc does not\n"
        "# support at the model's opset, a non-float run-time input or output) and\n"
        "# checked on every run; --write-skips rewrites them. The others are\n"
        "# written by hand.\n")
    body = "".join(f"{test}  {reason}\n" for test, reason in sorted(skips.items()))
    path.write_text(header + body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--skips", type=Path, default=HERE / "expected-skips.txt")
    parser.add_argument("-k", action="append", default=[], metavar="REGEX",
                        help="run only tests whose path matches (repeatable)")
    parser.add_argument("-j", type=int, default=2, metavar="N")
    parser.add_argument("-v", action="store_true", help="print every test")
    parser.add_argument("--write-skips", action="store_true",
                        help="rewrite the derived entries of the skip list")
    args = parser.parse_args()

    start = time.monotonic()
    first_version = supported_operators(str(find_ghostc()))
    tests = sorted(os.path.relpath(os.path.dirname(p), args.data)
                   for suite in SUITES
                   for p in glob.glob(os.path.join(args.data, suite, "*", "model.onnx")))
    if not tests:
        sys.exit(f"run.py: no tests under {args.data}")
    if args.k:
        tests = [t for t in tests if any(re.search(k, t) for k in args.k)]
    skips = read_skips(args.skips)
    derived = {t: derived_reason(onnx.load(os.path.join(args.data, t, "model.onnx")),
                                 first_version) for t in tests}

    if args.write_skips:
        kept = {t: r for t, r in skips.items() if not r.startswith(DERIVED)}
        kept.update({t: r for t, r in derived.items() if r and t not in kept})
        write_skips(args.skips, kept)
        skips = kept

    stale = []
    for test in tests:
        listed, reason = skips.get(test), derived[test]
        if reason and listed is None:
            stale.append(f"STALE {test}: unlisted skip ({reason})")
        elif listed and listed.startswith(DERIVED) and listed != reason:
            stale.append(f"STALE {test}: listed '{listed}', now "
                         f"{repr(reason) if reason else 'runnable'}")

    to_run = [t for t in tests if t not in skips and not derived[t]]
    skipped = len(tests) - len(to_run)
    if args.v:
        for test in tests:
            if test not in to_run:
                print(f"SKIP {test} ({skips.get(test) or derived[test]})")
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        results = pool.map(lambda t: (t, run_test(os.path.join(args.data, t))), to_run)
        for test, problem in results:
            if problem is None:
                if args.v:
                    print(f"PASS {test}")
            else:
                failed += 1
                print(f"FAIL {test}: {problem}")
    for line in stale:
        print(line)
    print(f"{time.monotonic() - start:.0f} s")
    summary = f"{len(to_run) - failed} passed, {failed} failed, {skipped} skipped"
    if stale:
        summary += f", {len(stale)} stale"
    print(summary)
    return 0 if failed == 0 and not stale else 1


if __name__ == "__main__":
    sys.exit(main())
