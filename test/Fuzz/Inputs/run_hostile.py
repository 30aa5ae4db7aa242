"""Runs ghostc on every model of a hostile corpus and checks how it ends.

    run_hostile.py GHOSTC [--reject DIR]... [--either DIR]...

Models under a --reject folder must be refused: exit status 1 and an
`error:` line on stderr. Models under an --either folder (mutants, fuzzer
finds) may compile (status 0) or be refused as above. Either way: no other
status, no signal, no crash report or sanitizer report, and at most 60 s.
Prints one line per failure and a summary; exits 1 when anything failed.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CRASH_SIGNS = ("Stack dump", "PLEASE submit a bug report", "Sanitizer", "runtime error:",
               "terminate called", "Assertion")


def check(ghostc, model, may_compile, out):
    try:
        run = subprocess.run([ghostc, str(model), "-o", str(out)], capture_output=True,
                             text=True, errors="replace", timeout=60)
    except subprocess.TimeoutExpired:
        return "timed out after 60 s"
    crash = [sign for sign in CRASH_SIGNS if sign in run.stderr]
    if crash:
        return f"status {run.returncode}, stderr shows '{crash[0]}'"
    if run.returncode == 0 and may_compile:
        return None
    if run.returncode != 1:
        return f"status {run.returncode}"
    if "error:" not in run.stderr:
        return "status 1 without an 'error:' line"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ghostc")
    parser.add_argument("--reject", action="append", default=[], type=Path)
    parser.add_argument("--either", action="append", default=[], type=Path)
    args = parser.parse_args()
    counts = {"rejected": 0, "compiled": 0}
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "model.o"
        for may_compile, folders in ((False, args.reject), (True, args.either)):
            for folder in folders:
                for model in sorted(p for p in folder.iterdir() if p.is_file()):
                    problem = check(args.ghostc, model, may_compile, out)
                    if problem:
                        failures.append(f"{model}: {problem}")
                    else:
                        compiled = may_compile and out.exists()
                        counts["compiled" if compiled else "rejected"] += 1
                    out.unlink(missing_ok=True)
                    Path(str(out)[:-2] + ".h").unlink(missing_ok=True)
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"hostile: {counts['rejected']} rejected, {counts['compiled']} compiled, "
          f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
